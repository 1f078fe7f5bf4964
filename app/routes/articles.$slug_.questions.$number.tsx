import type { ShouldRevalidateFunction } from "@remix-run/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findArticle, getThreadPage } from "~/articles/article-page.server";
import { RefusedReply } from "~/components/post-form";
import { PostThread } from "~/components/post-thread";
import { postAction } from "~/posts/post-action.server";
import { marksOf } from "~/posts/reader-marks.server";
import { postIdsOf } from "~/model/thread-tree";
import { readerPage, replyToParam } from "~/posts/reader-page.server";
import { positiveInt } from "~/utils/form.server";
import { BackLink } from "~/components/back-link";
import { useFrame } from "~/components/frame";
import { listHref } from "~/components/questions-nav";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        {
          title: `Question ${data.thread.number ?? ""} from ${data.thread.writer}: “${data.summary}” — Afterword`,
        },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          title: `Question ${data.thread.number ?? ""} and its replies`,
          href: `/articles/${data.article.slug}/questions/${data.thread.number}.atom`,
        },
      ]
    : [{ title: "Not found — Afterword" }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  // /questions/12.atom is the thread's feed.
  const feed = /^(\d{1,9})\.atom$/.exec(params.number ?? "");
  if (feed) {
    // The slug as the article has it (never the address's raw text, which may not even fit a header).
    const article = await findArticle(params.slug ?? "");
    if (!article) throw new Response("Not found", { status: 404 });
    throw redirect(`/articles/${encodeURIComponent(article.slug)}/questions/${feed[1]}/feed.atom`, 302);
  }
  const number = positiveInt(params.number);
  const reader = await readerPage(request);
  const page = number ? await getThreadPage(params.slug ?? "", number, reader.viewer) : null;
  if (!page) throw new Response("Not found", { status: 404 });
  // The reader's own marks in the thread, so that the page offers to take them back.
  const marked = [...(await marksOf({ ...reader.viewer, ipHash: null }, postIdsOf(page.thread)))];
  return data(
    { ...page, replyTo: replyToParam(new URL(request.url)), guestName: reader.guestName, marked },
    { headers: reader.headers },
  );
}

// A refused post keeps the page as it was, so the form and its text stay where the reader left them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

export async function action({ request, params, context }: ActionFunctionArgs) {
  return postAction(request, params.slug, context);
}

export default function ThreadPage() {
  const { article, thread, replyCount, replyTo, guestName, marked, summary } = useLoaderData<typeof loader>();
  const { href, inFrame } = useFrame();
  return (
    <div className="thread-page">
      <RefusedReply />
      <BackLink to={href(`/articles/${article.slug}${inFrame ? "" : `#post-${thread.id}`}`)}>
        Back to “{article.title}”
      </BackLink>
      <h1>
        {thread.number !== null ? `Question ${thread.number} from ${thread.writer}` : `Question from ${thread.writer}`}
        <span className="thread-page__summary">: “{summary}”</span>
      </h1>
      <p className="thread-page__meta">
        {replyCount} {replyCount === 1 ? "reply" : "replies"}
        {thread.section ? (
          <>
            {" "}
            · about{" "}
            <Link
              to={
                inFrame
                  ? href(listHref(article.slug, { section: thread.section.anchor }))
                  : `/articles/${article.slug}#${thread.section.anchor}`
              }
            >
              {thread.section.title}
            </Link>
          </>
        ) : (
          " · about the whole article"
        )}
      </p>
      <ol className="threads">
        <PostThread
          thread={thread}
          context={{ articleSlug: article.slug, replyTo, guestName, marked, onThreadPage: true }}
        />
      </ol>
    </div>
  );
}
