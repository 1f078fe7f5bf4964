// The action behind every reader form (ask, reply, preview), shared by the
// article page and the thread page. It reads the form, hands it to intake,
// and answers with the form's errors (4xx, values kept) or a redirect to the
// new post with a one-time message.
import { Refusal } from "~/utils/refusal";
import { type AppLoadContext, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { findArticle, permalinkTarget } from "~/articles/article-page.server";
import { VISIBLE_STATUS } from "~/model/status";
import { postFormId } from "~/posts/post-forms";
import { reportPost } from "~/posts/reports.server";
import { renderPostBody } from "~/posts/body.server";
import { suggestWhileAsking } from "~/search/search.server";
import { postPermalink } from "~/model/paths";
import { type IntakeSuccess, type PostFields, submitPost } from "~/posts/intake.server";
import { type MarkKind, type MarkResult, addMark, markCountText, takeBackMark } from "~/posts/reader-marks.server";
import { getVisitor } from "~/auth/visitor.server";
import { followArticle } from "~/mail/subscriptions.server";
import { flashHeaders, guestCookie, newGuestKey } from "~/security/cookies.server";
import { requireSameOrigin } from "~/security/same-origin.server";
import { stayInFrame } from "~/security/frames.server";
import { answerRefusal, parseSubmission, refuse, requireId } from "~/utils/form.server";

/** The reader's forms (ask, reply, preview, report); intake checks the post itself, all of it at once. */
const MARK_INTENTS = ["me-too", "me-too-back", "answered", "answered-back"] as const;
const PostForm = z.object({
  intent: z.enum(["ask", "reply", "preview", "report", "follow", ...MARK_INTENTS]).optional(),
  /** "This is my question", from the ask form's suggestions: the question's id. */
  mine: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  section: z.string().optional(),
  body: z.string().optional(),
  parentId: z.string().optional(),
  website: z.string().optional(), // the honeypot: hidden from people, filled in by bots
  overrideReason: z.string().optional(),
  subscribe: z.string().optional(),
  returnTo: z.string().optional(),
  postId: z.string().optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
});

type Submission = Awaited<ReturnType<typeof parseSubmission<typeof PostForm>>> & { status: "success" };
type Sent = {
  request: Request;
  context?: AppLoadContext;
  article: { id: string; slug: string };
  submission: Submission;
};

export async function postAction(request: Request, slug: string | undefined, context?: AppLoadContext) {
  // From a frame in another site's page, the reader stays in the frame.
  return stayInFrame(request, await answerPost(request, slug, context));
}

async function answerPost(request: Request, slug: string | undefined, context?: AppLoadContext) {
  requireSameOrigin(request);
  const article = slug ? await findArticle(slug) : null;
  if (!article) throw new Response("Not found", { status: 404 });
  const submission = await parseSubmission(request, PostForm);
  const intent = submission.status === "success" ? submission.value.intent : undefined;
  if (submission.status !== "success" || (!intent && submission.value.mine === undefined)) {
    throw new Response("This form sent an unknown action. Please reload the page and try again.", {
      status: 400,
      statusText: "Bad Request",
    });
  }
  const sent: Sent = { request, context, article, submission };
  const { mine, returnTo, postId, email } = submission.value;
  if (mine !== undefined || (intent && (MARK_INTENTS as readonly string[]).includes(intent))) {
    return markAction(request, context, {
      article,
      kind: mine !== undefined || intent?.startsWith("me-too") ? "me-too" : "answered",
      back: intent?.endsWith("-back") === true && mine === undefined,
      postId: mine ?? postId,
      email: mine !== undefined ? email : undefined,
      returnTo,
    });
  }
  if (intent === "report") return reportAction(sent);
  if (intent === "follow") return followAction(sent);
  if (intent === "preview") return previewAction(sent);
  return postIntent(sent, intent === "ask" ? "ask" : "reply");
}

/** The fields a post's form sends, for intake. */
function postFields(submission: Submission): PostFields {
  const { name, email, section, body, parentId, website, overrideReason, subscribe } = submission.value;
  return { name, email, section, body, parentId, website, overrideReason, subscribe };
}

/** The honeypot's value is never sent back. */
const HIDE = ["website"];

/** A reader reports a post: a moderator will look; it stays on the page meanwhile. */
async function reportAction({ request, context, article, submission }: Sent) {
  const { postId, reason, note, returnTo } = submission.value;
  const reported = requireId(postId);
  const visitor = await getVisitor(request, context);
  // A guest without a cookie gets one, as with marks: each reader's reports count once towards hiding a post.
  const guestKey = visitor.userId ? null : (visitor.guestKey ?? newGuestKey());
  const { hidden } = await answerRefusal(() =>
    reportPost(reported, reason ?? "", visitor.userId ?? guestKey, note ?? ""),
  );
  const headers = new Headers();
  if (guestKey && !visitor.guestKey) {
    headers.append("Set-Cookie", await (await guestCookie()).serialize({ key: guestKey, name: visitor.guest?.name }));
  }
  const message = hidden
    ? "Thank you for the report. Other readers reported the post too, so it is off the page until a moderator decides."
    : "Thank you for the report. A moderator will look at the post; it stays on the page meanwhile.";
  headers.append("Set-Cookie", (await flashHeaders(message))["Set-Cookie"]);
  return redirect(`${returnPath(returnTo, article.slug, null)}${hidden ? "" : `#post-${reported}`}`, { headers });
}

/** Following the whole article: the author's answers in every thread, by email. */
async function followAction({ request, context, article, submission }: Sent) {
  const visitor = await getVisitor(request, context);
  const email = visitor.user?.email ?? submission.value.email?.trim().toLowerCase() ?? "";
  if (!z.string().email().safeParse(email).success) {
    return refuse(
      submission,
      { email: email ? "That doesn’t look like an email address." : "Please give the email to send the answers to." },
      { form: "follow-form" },
    );
  }
  const confirmed = visitor.user !== null;
  await followArticle({ email, confirmed, articleId: article.id });
  return redirect(`${returnPath(submission.value.returnTo, article.slug, null)}#follow`, {
    headers: await flashHeaders(
      confirmed
        ? "You will get the author’s answers on this article by email. Every email has a link to stop it."
        : `We sent a link to ${email}. Once you open it, the author’s answers on this article come to that address.`,
    ),
  });
}

/** The post as it will look; without JavaScript, also when a reader sees whether it was asked before. */
async function previewAction({ article, submission }: Sent) {
  const { body, parentId } = submission.value;
  const asking = !parentId;
  return data({
    form: postFormId(parentId || null),
    result: submission.reply({ hideFields: HIDE }),
    previewHtml: renderPostBody(body ?? ""),
    similar: asking ? ((await suggestWhileAsking(article.slug, body ?? "")) ?? []) : undefined,
  });
}

/** A question or a reply, through intake: its errors (4xx, values kept), or the new post with a message. */
async function postIntent({ request, context, article, submission }: Sent, intent: "ask" | "reply") {
  const values = postFields(submission);
  const form = postFormId(intent === "ask" ? null : values.parentId || null);
  if (intent === "ask") delete values.parentId;
  else if (!values.parentId) values.parentId = "missing";

  const visitor = await getVisitor(request, context);
  const guestKey = visitor.userId ? null : (visitor.guestKey ?? newGuestKey());
  const result = await submitPost(article, values, {
    ...visitor,
    guestKey,
    newGuest: !visitor.userId && !visitor.guestKey,
  });
  if (!result.ok) {
    return refuse(
      submission,
      { ...result.fieldErrors, form: result.formError },
      { status: result.status, form, hide: HIDE },
    );
  }
  const headers = new Headers();
  if (guestKey) {
    headers.append(
      "Set-Cookie",
      await (await guestCookie()).serialize({ key: guestKey, name: values.name?.trim() || visitor.guest?.name }),
    );
  }
  headers.append("Set-Cookie", (await flashHeaders(postedMessage(intent, result)))["Set-Cookie"]);
  // A question published at once opens on its own page: in a long list it may be pages away from the form.
  const ownPage =
    result.post.status === VISIBLE_STATUS && result.post.rootId === null
      ? (await permalinkTarget(article.slug, result.post.id))?.path
      : undefined;
  const back = `${returnPath(submission.value.returnTo, article.slug, result.post.rootId)}#post-${result.post.id}`;
  return redirect(ownPage ?? back, { headers });
}

/** What the writer is told of their new post, and of the email that will follow it. */
function postedMessage(intent: "ask" | "reply", result: IntakeSuccess) {
  const noun = intent === "ask" ? "question" : "reply";
  const message =
    result.post.status === "published"
      ? `Your ${noun} is published.`
      : `Thank you! Your ${noun} is awaiting moderation. Until a moderator approves it, only you can see it.` +
        (result.suggestedSection ? ` We filed it under “${result.suggestedSection.title}”.` : "");
  // Following by email: said, with the confirmation a guest's address still needs.
  const mail = result.following
    ? result.following.confirmed
      ? ` The answers will come to ${result.following.email}.`
      : ` We sent a link to ${result.following.email}: open it to confirm the address, and the answers will come there.`
    : "";
  return message + mail;
}

/**
 * A reader's mark: "I have this question too" (also "This is my question"
 * from the ask form, which follows the thread with the email given) or "This
 * answered my question", added or taken back. A guest without a cookie gets
 * one, so that the mark stays theirs.
 */
async function markAction(
  request: Request,
  context: AppLoadContext | undefined,
  input: {
    article: { id: string; slug: string };
    kind: MarkKind;
    back: boolean;
    postId: string | undefined;
    email: string | undefined;
    returnTo: string | undefined;
  },
) {
  const postId = requireId(input.postId);
  const visitor = await getVisitor(request, context);
  const guestKey = visitor.userId ? null : (visitor.guestKey ?? newGuestKey());
  const marker = { userId: visitor.userId, guestKey, ipHash: visitor.ipHash };
  const email = visitor.user?.email ?? input.email?.trim().toLowerCase() ?? "";
  if (email && !z.string().email().safeParse(email).success) {
    throw new Response("That doesn’t look like an email address. Go back to correct it, or leave it empty.", {
      status: 400,
    });
  }
  let result: MarkResult;
  try {
    result = input.back
      ? await takeBackMark({ postId, kind: input.kind, marker })
      : await addMark({
          postId,
          kind: input.kind,
          marker,
          follow: input.email !== undefined && email ? { email, confirmed: visitor.user !== null } : null,
        });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    throw new Response(error.message, {
      status: error.status,
      headers: error.retryAt ? { "Retry-After": String(Math.ceil((error.retryAt.getTime() - Date.now()) / 1000)) } : {},
    });
  }
  const headers = new Headers();
  if (guestKey && !visitor.guestKey) {
    headers.append("Set-Cookie", await (await guestCookie()).serialize({ key: guestKey, name: visitor.guest?.name }));
  }
  const counted = markCountText(input.kind, result.count);
  const message = input.back
    ? `Your mark is taken back. ${counted}.`
    : !result.added
      ? `You marked this already; it counts once. ${counted}.`
      : input.kind === "me-too"
        ? `Counted: ${counted.toLowerCase()}.` +
          (input.email !== undefined && email
            ? visitor.user
              ? " You will get the answers by email."
              : ` Once you open the link we sent to ${email}, the answers come to that address.`
            : "")
        : `Thank you: ${counted.toLowerCase()}.`;
  headers.append("Set-Cookie", (await flashHeaders(message))["Set-Cookie"]);
  // The thread's own page shows the reader's mark, with the button that takes it back.
  const root = result.post.rootId ?? result.post.id;
  const where =
    (await permalinkTarget(input.article.slug, root))?.path ?? returnPath(input.returnTo, input.article.slug, null);
  return redirect(`${where.split("#")[0]}#post-${result.post.id}`, { headers });
}

/** Back to the page the form was on, if it is a page of this article; otherwise to where the post shows. */
function returnPath(value: string | undefined, slug: string, rootId: number | null) {
  const fallback = rootId === null ? `/articles/${slug}` : postPermalink(slug, rootId);
  if (typeof value !== "string") return fallback;
  const ownPage = new RegExp(`^(/embed)?/articles/${slug}(/questions/\\d+)?(\\?[\\w=&%.-]*)?$`);
  // A frame's own page: the answer's redirect keeps the frame (stayInFrame) whatever the path says.
  return ownPage.test(value) ? value.replace(/^\/embed/, "") : fallback;
}
