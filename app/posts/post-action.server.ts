// The action behind every reader form (ask, reply, preview), shared by the
// article page and the thread page. It reads the form, hands it to intake,
// and answers with the form's errors (4xx, values kept) or a redirect to the
// new post with a one-time message.
import { type AppLoadContext, data, redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { ModerationError, reportPost } from "~/moderation/moderate.server";
import { renderPostBody } from "~/posts/body.server";
import { postPermalink } from "~/posts/paths";
import { type IntakeRefusal, type PostFields, submitPost } from "~/posts/intake.server";
import { readVisitor } from "~/posts/visitor.server";
import { flashCookie, guestCookie, newGuestKey } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { readForm, requireId } from "~/utils/form.server";

export type PostActionData =
  | {
      intent: "ask" | "reply";
      parentId: string | null;
      values: PostFields;
      fieldErrors: IntakeRefusal["fieldErrors"];
      formError: string | null;
    }
  | { intent: "preview"; parentId: string | null; values: PostFields; previewHtml: string };

const FIELDS = ["name", "email", "section", "body", "parentId", "website", "overrideReason"] as const;

export async function postAction(request: Request, slug: string | undefined, context?: AppLoadContext) {
  requireSameOrigin(request);
  const article = slug ? await db.article.findUnique({ where: { slug }, select: { id: true, slug: true } }) : null;
  if (!article) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const values: PostFields = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const intent = form.get("intent");
  const parentId = values.parentId || null;

  if (intent === "report") {
    const postId = requireId(form.get("postId"));
    const visitor = await readVisitor(request, context);
    try {
      await reportPost(postId, String(form.get("reason") ?? ""), visitor.userId ?? visitor.guestKey);
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      throw new Response(error.message, { status: error.status });
    }
    return redirect(`${returnPath(form.get("returnTo"), article.slug, null)}#post-${postId}`, {
      headers: {
        "Set-Cookie": await (
          await flashCookie()
        ).serialize({
          message: "Thank you for the report. A moderator will look at the post; it stays on the page meanwhile.",
        }),
      },
    });
  }
  if (intent === "preview") {
    const { website: _honeypot, ...kept } = values;
    return data<PostActionData>({
      intent: "preview",
      parentId,
      values: kept,
      previewHtml: renderPostBody(values.body ?? ""),
    });
  }
  if (intent !== "ask" && intent !== "reply") {
    return data<PostActionData>(
      { intent: "ask", parentId, values, fieldErrors: {}, formError: "This form sent an unknown action." },
      { status: 400 },
    );
  }
  if (intent === "ask") delete values.parentId;
  else if (!values.parentId) values.parentId = "missing";

  const visitor = await readVisitor(request, context);
  const guestKey = visitor.userId ? null : (visitor.guestKey ?? newGuestKey());
  const result = await submitPost(article, values, { ...visitor, guestKey });
  if (!result.ok) {
    // The honeypot's value is not sent back.
    const { website: _honeypot, ...kept } = values;
    return data<PostActionData>(
      { intent, parentId, values: kept, fieldErrors: result.fieldErrors, formError: result.formError ?? null },
      { status: result.status },
    );
  }

  const headers = new Headers();
  if (guestKey) {
    headers.append(
      "Set-Cookie",
      await (await guestCookie()).serialize({ key: guestKey, name: values.name?.trim() || visitor.guest?.name }),
    );
  }
  const noun = intent === "ask" ? "question" : "reply";
  const message =
    result.post.status === "published"
      ? `Your ${noun} is published.`
      : `Thank you! Your ${noun} is awaiting moderation. Until a moderator approves it, only you can see it.` +
        (result.suggestedSection ? ` We filed it under “${result.suggestedSection.title}”.` : "");
  headers.append("Set-Cookie", await (await flashCookie()).serialize({ message }));
  return redirect(`${returnPath(form.get("returnTo"), article.slug, result.post.rootId)}#post-${result.post.id}`, {
    headers,
  });
}

/** Back to the page the form was on, if it is a page of this article; otherwise to where the post shows. */
function returnPath(value: FormDataEntryValue | null, slug: string, rootId: number | null) {
  const fallback = rootId === null ? `/articles/${slug}` : postPermalink(slug, rootId);
  if (typeof value !== "string") return fallback;
  const ownPage = new RegExp(`^/articles/${slug}(/questions/\\d+)?(\\?[\\w=&%.-]*)?$`);
  return ownPage.test(value) ? value : fallback;
}
