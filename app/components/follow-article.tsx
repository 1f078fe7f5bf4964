// "Get the author's answers by email" for a whole article: the account's
// address for a signed-in reader, an email (confirmed by a link first) for a guest.
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { Field, FormError, formProps, useServerForm } from "~/components/field";
import { useActionAt } from "~/components/form-anchor";
import { useFrame } from "~/components/frame";
import type { PostAnswer } from "~/posts/post-forms";

export function FollowArticle(props: { authorName: string; slug: string; returnTo: string }) {
  const { authorName, slug, returnTo } = props;
  const [form, fields] = useServerForm("follow-form", useActionData<PostAnswer>());
  const signedIn = useRouteLoaderData<{ user: { displayName: string } | null }>("root")?.user ?? null;
  const action = useActionAt("follow");
  const feed = `/articles/${slug}/answers.atom`;
  const { target } = useFrame();
  return (
    <section id="follow" className="follow" aria-labelledby="follow-title">
      <h3 id="follow-title">{authorName}’s answers by email</h3>
      <Form method="post" action={action} className="follow__form" {...formProps(form)}>
        <FormError form={form} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {signedIn ? null : <Field meta={fields.email} type="email" label="Your email" autoComplete="email" />}
        <button type="submit" name="intent" value="follow" className="button">
          Email me every answer on this article
        </button>
      </Form>
      <p className="follow__feed">
        Or follow them in a feed reader:{" "}
        <a href={feed} target={target(feed)}>
          the answers’ Atom feed
        </a>
        .
      </p>
    </section>
  );
}
