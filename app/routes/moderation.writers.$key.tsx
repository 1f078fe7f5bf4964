// /moderation/writers/:key — a writer's history, for moderators and admins:
// their posts in every status, the reports against them, their bans, how many
// of their posts were approved and rejected, and staff's private notes.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole, requireStaffForm } from "~/auth/guards.server";
import { BackLink } from "~/components/back-link";
import { FormError, TextareaField, formProps, useServerForm } from "~/components/field";
import { PageLinks } from "~/components/page-links";
import { StaffTable, WhenCell } from "~/components/staff-table";
import { MODERATORS_AND_ADMINS } from "~/model/roles";
import { WRITER_NOTE_MAX, addWriterNote, writerHistory } from "~/moderation/writers.server";
import { flashHeaders } from "~/security/cookies.server";
import { answerRefusal, pageParam, parseSubmission, refuse, refused } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name}’s history — Afterword` : "Not found — Afterword" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, MODERATORS_AND_ADMINS);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return answerRefusal(() => writerHistory(params.key ?? "", page));
}

const NoteForm = z.object({
  body: z
    .string({ required_error: "Write the note first." })
    .trim()
    .min(1, "Write the note first.")
    .max(WRITER_NOTE_MAX, `Keep the note under ${WRITER_NOTE_MAX.toLocaleString("en-US")} characters.`),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, form } = await requireStaffForm(request, MODERATORS_AND_ADMINS, ["note"]);
  const submission = await parseSubmission(form, NoteForm);
  if (submission.status !== "success") return refuse(submission);
  try {
    await addWriterNote(actor, params.key ?? "", submission.value.body);
  } catch (error) {
    return refused(submission, error);
  }
  return redirect(new URL(request.url).pathname, { headers: await flashHeaders("Your note is kept for other staff.") });
}

const STATUS_LABELS: Record<string, string> = {
  pending: "Awaiting moderation",
  published: "Published",
  rejected: "Rejected",
  spam: "Spam",
  deleted: "Deleted",
};

export default function WriterHistory() {
  const writer = useLoaderData<typeof loader>();
  const [form, fields] = useServerForm("writer-note", useActionData<typeof action>());
  return (
    <div className="moderation">
      <BackLink to="/moderation">Back to the queue</BackLink>
      <h1>{writer.name}’s history</h1>
      <p>
        {writer.kind === "guest" ? "A guest" : `An ${writer.kind}`}
        {writer.email ? ` · ${writer.email}` : ""} · {writer.total} {writer.total === 1 ? "post" : "posts"}:{" "}
        {writer.counts.published} approved, {writer.counts.rejected} rejected, {writer.counts.spam} spam,{" "}
        {writer.counts.pending} waiting, {writer.counts.deleted} deleted.
      </p>
      <h2>Posts</h2>
      <StaffTable label="Their posts" columns={["When", "Status", "Article", "Text"]}>
        {writer.posts.map((post) => (
          <tr key={post.id}>
            <WhenCell at={post.date} />
            <td>{STATUS_LABELS[post.status] ?? post.status}</td>
            <td>
              {post.href ? <a href={post.href}>{post.article}</a> : post.article}
              {post.isReply ? <div className="muted">a reply</div> : null}
            </td>
            <td>{post.excerpt}</td>
          </tr>
        ))}
      </StaffTable>
      <PageLinks page={writer.page} pageCount={writer.pageCount} label="Pages of their posts" newestFirst />
      <h2>Reports against them</h2>
      {writer.reports.length === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <StaffTable label="Reports against them" columns={["When", "Why", "State"]}>
          {writer.reports.map((report) => (
            <tr key={report.id}>
              <WhenCell at={report.date} />
              <td>{report.reason}</td>
              <td>{report.open ? "Open" : "Decided"}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      <h2>Bans</h2>
      {writer.bans.length === 0 ? (
        <p className="empty">Never banned.</p>
      ) : (
        <StaffTable label="Their bans" columns={["Banned", "Why", "Ends", "State"]}>
          {writer.bans.map((ban) => (
            <tr key={ban.id}>
              <WhenCell at={ban.date} />
              <td>{ban.reason}</td>
              {ban.ends ? <WhenCell at={ban.ends} /> : <td>Never (for good)</td>}
              <td>{ban.inForce ? "In force" : "Ended"}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      <h2>Notes for staff</h2>
      {writer.notes.length === 0 ? <p className="empty">No notes yet.</p> : null}
      <ul className="writer-notes">
        {writer.notes.map((note) => (
          <li key={note.id}>
            <p>{note.body}</p>
            <p className="muted">
              {note.by ?? "Former staff"} · <time dateTime={note.date.iso}>{note.date.text}</time>
            </p>
          </li>
        ))}
      </ul>
      <Form method="post" className="auth-form" {...formProps(form)} aria-label="Add a note for staff">
        <FormError form={form} />
        <TextareaField meta={fields.body} label="A note for other staff (the writer never sees it)" rows={3} />
        <button type="submit" name="intent" value="note" className="button">
          Add the note
        </button>
      </Form>
    </div>
  );
}
