// Labelled question pairs for the similar-question suggestions, written for
// the demo threads (scripts/seed/demo-threads.ts; a question is named by its
// seed key). `same` pairs are rephrasings a reader might type of that
// question; the others share words with it but ask something else, and
// showing it for them is a wrong suggestion. tests/integration/search-quality.test.ts
// measures precision at 3 on them.
export type LabelledPair = { ask: string; question: string; same: boolean };

const same = (question: string, asks: string[]) => asks.map((ask) => ({ ask, question, same: true }));
const unlike = (question: string, asks: string[]) => asks.map((ask) => ({ ask, question, same: false }));

export const SIMILAR_PAIRS: LabelledPair[] = [
  // nc-1: when does the count start after messages sent in the first days?
  ...same("nc-1", [
    "She broke up with me last week and I texted her three times since. When does day one of the thirty days start?",
    "I sent a few long messages right after the breakup. Have I ruined no contact before it even started?",
    "Does the thirty day count begin from the breakup or from my last message to him?",
    "Already messaged my ex twice after we ended things on Friday. Is it too late to start the thirty days?",
    "If I sent long texts on Monday and Tuesday, is Wednesday my first day of no contact?",
    "Ruined it already? I kept messaging for two days after the breakup, when do my thirty days start",
    "Which day counts as day one if my last message to her was yesterday?",
  ]),
  // nc-2: working with the ex.
  ...same("nc-2", [
    "My ex and I work in the same office. How can I do limited contact at work without seeming rude?",
    "We sit near each other at work so no contact is impossible. How do I keep things limited?",
    "How do you do no contact with someone on your team without colleagues noticing it is rude?",
    "He is my coworker and we share a desk row. What does limited contact look like at work?",
    "Same team, same meetings every day. How do I stay polite but keep contact limited?",
    "I can't avoid my ex at work, we are on the same team. How limited should contact be without looking rude?",
  ]),
  // nc-3: watching their stories.
  ...same("nc-3", [
    "Is watching his Instagram stories breaking no contact? He can see I viewed them.",
    "Does viewing her stories count as contact if she sees my name in the viewer list?",
    "If I look at his stories every day, does that count as breaking no contact?",
    "Can she see that I viewed her stories, and does that break no contact?",
    "Looking at an ex's stories: does it count as breaking the rule?",
    "I keep viewing her stories late at night. Does that count as breaking no contact?",
  ]),
  // nc-4: asking for the paid course's wording.
  ...same("nc-4", [
    "Can you share the exact message from the Quiet Return course for when the silence ends?",
    "What wording does the Quiet Return module recommend for the first message? I can't afford the course.",
    "Could you post the message template from the course's module on ending the silence?",
    "I can't afford the Quiet Return course. Can you tell me the exact wording of its first message after the silence?",
    "What does the course say to write when the silence ends? The exact words would help.",
    "Please post the wording the Quiet Return course recommends, the course costs too much for me right now",
  ]),
  // nc-5: is thirty days enough after a long relationship?
  ...same("nc-5", [
    "Is thirty days enough after a ten-year relationship?",
    "We were together six years. Are thirty days of no contact really enough?",
    "Thirty days feels like nothing after a relationship of eight years. Should it be longer?",
    "Is a month of no contact enough when the relationship lasted many years?",
    "Should no contact last longer than thirty days if we were together for six years?",
    "After a long relationship, are thirty days really enough or do I need more time?",
  ]),
  // nc-6: a long story, sent letters and flowers; is it the right thing, and what on day thirty?
  ...same("nc-6", [
    "I sent her letters and flowers on her birthday and she stopped answering. I started no contact eleven days ago. Am I doing the right thing?",
    "After sending letters, flowers and a playlist, I began no contact. Is it right, and what should I do on day thirty?",
    "My friends say I should stop sending her letters. Eleven days into no contact now. Am I doing the right thing?",
    "Together five years since university. I sent flowers and letters and she answered only the first. Right thing to stop now?",
    "She answered my first letter and nothing since, even after flowers on her birthday. Am I right to start no contact?",
    "I'm afraid that if I stop writing letters she will forget me completely. Am I doing the right thing with no contact?",
  ]),
  // nc-7: a child to hand over.
  ...same("nc-7", [
    "We have a child together and share custody. How do I do no contact during handovers?",
    "How does no contact work when we hand over our daughter twice a week?",
    "Our son is three and we swap him every weekend. Is no contact possible with a child?",
    "Handing our kid over twice a week means I see my ex. How do I manage no contact?",
    "Co-parenting a four-year-old with my ex: how do I do no contact at the handover?",
    "No contact with a child involved? We hand her over to each other every week.",
  ]),
  // nc-8: broke no contact drunk; apologise?
  ...same("nc-8", [
    "I was drunk and sent my ex a voice note on day fifteen. Should I apologise?",
    "Broke no contact after a few drinks and called her. I'm embarrassed. Do I say sorry?",
    "I sent a drunk voice message on day nineteen. Do I apologise or just start again?",
    "So embarrassed: drunk texted him last night and broke no contact. Should I apologise?",
    "Do I apologise for a drunk voice note I sent on day twelve of no contact?",
    "Broke no contact while drunk. Should I send an apology or say nothing?",
  ]),
  // nc-9: after day thirty, she replied; what now?
  ...same("nc-9", [
    "Day thirty has passed. I sent a light message and she replied, friendly but short. What do I do now?",
    "She replied within an hour to my first message after no contact. What now?",
    "I reached day thirty and sent a light message. His reply was short but friendly. What next?",
    "After the thirty days I messaged her and she replied the same day. What should I do now?",
    "My first light message after day thirty got a short, friendly reply. Where do I go from here?",
    "Day thirty was yesterday and I sent the light message. She replied friendly but short, what now?",
  ]),
  // nc-10: cheated, wants them back; will no contact make them realise?
  ...same("nc-10", [
    "He cheated and then left me. Will no contact make him realise what he lost?",
    "She cheated and ended it, and I still want her back. Will no contact make her miss me?",
    "Will no contact make my ex realise what she lost even though she cheated?",
    "My ex cheated on me and broke up with me. Can no contact make him want me back?",
    "Does no contact make a cheater realise what they lost?",
    "I still want her back after she cheated. Will going silent make her realise what she lost?",
  ]),
  // nc-12: ex messaged on day nine, replied; reset?
  ...same("nc-12", [
    "My ex texted me on day nine and I replied. Does that reset the count?",
    "He messaged me asking how I was and we chatted for an hour. Do I restart no contact?",
    "If my ex messages me first and I reply, does the count reset?",
    "She asked how I was on day six and we chatted. Does the thirty day count reset?",
    "We chatted for an hour after he messaged me. Does that reset my no contact count?",
    "Replied to my ex when she messaged me on day nine. Reset the count or keep going?",
  ]),
  // nc-13: the first week, can't sleep, rereading messages.
  ...same("nc-13", [
    "What helped you most in the first week? I can't sleep and keep rereading our messages.",
    "I keep rereading our old messages and can't sleep. How do I get through the first week?",
    "First week of no contact and I can't sleep. What helped others?",
    "How did others get through the first week? I reread our old messages every night.",
    "Can't sleep, rereading old messages all night. What helps in the first week of no contact?",
    "Any tips for the first week? I can't stop rereading our old messages and I barely sleep.",
  ]),
  // nc-14: asking mutual friends about the ex.
  ...same("nc-14", [
    "Is it okay to ask our mutual friends how he is doing?",
    "Can I ask mutual friends about my ex during no contact?",
    "Does asking our friends how she's doing break no contact?",
    "Am I allowed to ask our mutual friends about her?",
    "Can I still ask friends we share how my ex is doing?",
    "Asking mutual friends how she is doing: is that against no contact?",
  ]),
  // ht-1: the message before going quiet, mention love?
  ...same("ht-1", [
    "Should my last message before going quiet say that I still love her?",
    "Is it dishonest not to mention that I love him in the message before no contact?",
    "Can the message before going quiet mention that I still love him?",
    "Should I tell him I still love him in the message before going quiet?",
    "In the message before going quiet, do I mention that I love her? It feels dishonest to leave it out.",
    "Do I say I still love him before going quiet, or is that a mistake?",
  ]),
  // ht-2: block or mute?
  ...same("ht-2", [
    "Should I block or mute my ex? Blocking seems dramatic.",
    "Is muting enough, or is blocking better?",
    "Block him or just mute him? Blocking feels too dramatic.",
    "Which is better for no contact, blocking or muting?",
    "Is it dramatic to block my ex instead of muting her?",
    "Muting versus blocking: which should I choose?",
  ]),
  // ht-3: week three is worse than week one.
  ...same("ht-3", [
    "Is the week-three dip normal? Day twenty feels worse than day five.",
    "Why does day twenty feel worse than the first days?",
    "I'm in week three and it's worse than the first week. Is that the dip?",
    "Day twenty and it's worse than day five. Is the week-three dip real?",
    "Does anyone else find week three worse than week one?",
    "Week three is so hard, worse than day five was. Is this normal?",
  ]),

  // Unrelated questions that share words with a demo question.
  ...unlike("nc-1", [
    "How long should the first message after thirty days be?",
    "My partner and I have been together three years. How do I know if it is over?",
    "Should I send my ex a birthday message on Sunday?",
    "What if my ex sends long messages every Monday about bills?",
  ]),
  ...unlike("nc-2", [
    "How do I look confident in front of everyone at a wedding she will attend?",
    "Is it rude to unfollow her family on social media?",
    "Should I change teams at work to avoid my ex?",
    "How do I keep my phone out of reach at my desk?",
  ]),
  ...unlike("nc-3", [
    "Should I post stories of myself having fun during no contact?",
    "Can she see my location on the map app, and should I turn it off?",
    "Is it breaking no contact to like an old photo by accident?",
  ]),
  ...unlike("nc-4", [
    "Is the Quiet Return course worth the money?",
    "Could you post a list of books about recovering from a breakup?",
    "How long is the silence supposed to last in your plan?",
    "Will you write an article about what to do when the silence ends?",
  ]),
  ...unlike("nc-5", [
    "We were together six months. Is it even a real relationship to grieve?",
    "How many days did it take you to feel better?",
    "Is it normal to feel nothing about the relationship?",
  ]),
  ...unlike("nc-6", [
    "Should I delete the playlist we made together?",
    "My friends say I should start dating again. Is it too soon?",
    "We met at university. Is it weird to keep going to the same café?",
  ]),
  ...unlike("nc-7", [
    "We share a dog. Who should keep it after the breakup?",
    "How do I explain the breakup to my four-year-old?",
    "Is twice a week too often to go to the gym where she trains?",
  ]),
  ...unlike("nc-8", [
    "Should I stop drinking during no contact?",
    "I'm embarrassed to tell my family about the breakup. Any advice?",
    "Is it okay to send a voice note to a friend about the breakup?",
  ]),
  ...unlike("nc-9", [
    "What should a light message say?",
    "She replied to my friend's post yesterday. Does it mean anything?",
    "How long should I wait for a reply before giving up?",
    "Yesterday I sent a friendly message to my boss by mistake. What now?",
  ]),
  ...unlike("nc-10", [
    "How do I stop blaming myself for the breakup?",
    "Will she realise I have changed if she sees me at the gym?",
    "I want to get back into running. Any tips for motivation?",
  ]),
  ...unlike("nc-12", [
    "Does the count include weekends?",
    "He asked for his things back. How do I return them without talking?",
    "How do I count the days if I travel across time zones?",
    "My ex messaged my sister asking how I was. Should my sister reply?",
  ]),
  ...unlike("nc-13", [
    "What should I do with our old photos?",
    "Can I ask others in the comments how their first date after a breakup went?",
    "Should I see a doctor if I can't sleep for weeks?",
    "What helped you write your first article?",
  ]),
  ...unlike("nc-14", [
    "Can I still go to parties our friends throw?",
    "How do I ask for my things back?",
    "What do I say to friends who ask why we broke up?",
  ]),
  ...unlike("ht-1", [
    "How do I know if I still love him or just miss the routine?",
    "Is it dishonest to tell new dates I'm over my ex?",
    "What should the message to his mother say?",
  ]),
  ...unlike("ht-2", [
    "Should I block his friends too?",
    "Is it dramatic to cry at work?",
    "Can I mute the group chat we both are in?",
    "Is blocking someone on every app better for my sleep?",
  ]),
  ...unlike("ht-3", [
    "What should I do on day five?",
    "How real is the chance of getting back together?",
    "Is it worse to break up by text than in person?",
  ]),
];
