import { Form } from "@remix-run/react";

/**
 * The staff lists' one-button form that archives a row or brings it back
 * (intent "archive" or "restore", with the row's id), labelled for screen
 * readers with what it acts on.
 */
export function ArchiveToggle(props: {
  id: number;
  archived: boolean;
  name: string;
  labels: { archive: string; restore: string };
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="id" value={props.id} />
      <button
        type="submit"
        name="intent"
        value={props.archived ? "restore" : "archive"}
        className="link-button link-button--dark"
      >
        {props.archived ? props.labels.restore : props.labels.archive}
        <span className="visually-hidden"> {props.name}</span>
      </button>
    </Form>
  );
}
