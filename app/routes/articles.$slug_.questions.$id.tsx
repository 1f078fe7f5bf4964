import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getThreadPage } from "~/articles/article-page.server";
import { PostThread } from "~/components/post-thread";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        {
          title: `Question ${data.thread.number ?? ""} from ${data.thread.writer} on “${data.article.title}” — Afterword`,
        },
      ]
    : [{ title: "Not found — Afterword" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const data = Number.isSafeInteger(id) && id > 0 ? await getThreadPage(params.slug ?? "", id) : null;
  if (!data) throw new Response("Not found", { status: 404 });
  return data;
}

export default function ThreadPage() {
  const { article, thread, replyCount } = useLoaderData<typeof loader>();
  return (
    <div className="thread-page">
      <p className="breadcrumb">
        <Link to={`/articles/${article.slug}#post-${thread.id}`}>← Back to “{article.title}”</Link>
      </p>
      <h1>
        Question {thread.number} from {thread.writer}
      </h1>
      <p className="thread-page__meta">
        {replyCount} {replyCount === 1 ? "reply" : "replies"}
        {thread.section ? (
          <>
            {" "}
            · about <Link to={`/articles/${article.slug}#${thread.section.anchor}`}>{thread.section.title}</Link>
          </>
        ) : (
          " · about the whole article"
        )}
      </p>
      <ol className="threads">
        <PostThread thread={thread} articleSlug={article.slug} />
      </ol>
    </div>
  );
}
