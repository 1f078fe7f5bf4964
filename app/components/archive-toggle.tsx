import { Form } from "@remix-run/react";

/**
 * The staff lists' one-button form that archives a row or brings it back
 * (intent "archive" or "restore", with the row's id), labelled for screen
 * readers with what it acts on.
 */
const LABELS = {
  template: { archive: "Archive", restore: "Restore" },
  source: { archive: "Stop checking", restore: "Check again" },
};

/** A row's name, marked when it is archived ("not checked" for a source, "archived" for a template). */
export function archivedName(name: string, archivedAt: string | Date | null, kind: keyof typeof LABELS) {
  return archivedAt ? `${name} (${kind === "source" ? "not checked" : "archived"})` : name;
}

export function ArchiveToggle(props: { id: number; archived: boolean; name: string; kind: keyof typeof LABELS }) {
  const labels = LABELS[props.kind];
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="id" value={props.id} />
      <button
        type="submit"
        name="intent"
        value={props.archived ? "restore" : "archive"}
        className="link-button link-button--dark"
      >
        {props.archived ? labels.restore : labels.archive}
        <span className="visually-hidden"> {props.name}</span>
      </button>
    </Form>
  );
}
