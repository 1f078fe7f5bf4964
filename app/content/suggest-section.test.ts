import { describe, expect, it } from "vitest";
import { suggestSection, terms } from "./suggest-section";

const sections = [
  { id: "how-long", title: "How long should it last?", text: "Thirty days is the usual length. Count days from the last contact." },
  { id: "work", title: "If you work together", text: "Colleagues, the office, meetings and the desk you share at work." },
  { id: "kids", title: "Children and handovers", text: "Shared custody, handovers, school runs and the children's needs." },
];

describe("suggestSection", () => {
  it("picks the section whose words the question uses", () => {
    expect(suggestSection("How many days should I count?", sections)?.id).toBe("how-long");
    expect(suggestSection("He sits at the next desk in our office", sections)?.id).toBe("work");
    expect(suggestSection("What about handovers of our children?", sections)?.id).toBe("kids");
  });

  it("suggests nothing when the words say nothing", () => {
    expect(suggestSection("Thank you so much!", sections)).toBeNull();
    expect(suggestSection("", sections)).toBeNull();
  });

  it("stems and drops stop words", () => {
    expect(terms("I keep texting her texts")).toEqual(["keep", "text", "text"]);
  });
});
