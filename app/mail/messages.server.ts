// What each email says, as plain text and as simple, accessible HTML. Posts
// are quoted as their writers wrote them (the HTML as sanitised for the page),
// except a post that repeats protected text, which is only linked to.
import { config } from "~/config.server";
import { checkAgainstSources } from "~/copyright/sources.server";
import { convert } from "html-to-text";

export type Message = { subject: string; text: string; html: string };

/** The site's public address, for links in emails. */
export function siteUrl() {
  const { SITE_URL, PORT } = config();
  return (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string, footer: string) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>
<body style="margin:0;padding:24px;background:#f7f5f0;color:#1f2a2e;font:16px/1.5 Georgia,serif;overflow-wrap:anywhere;word-break:break-word">
<main style="max-width:36em;margin:0 auto;background:#fff;border:1px solid #ddd6c8;border-radius:8px;padding:24px">
${body}
</main>
<footer style="max-width:36em;margin:16px auto 0;font:13px/1.5 sans-serif;color:#5b6468">${footer}</footer>
</body>
</html>`;
}

const link = (href: string, text: string) => `<a href="${escape(href)}" style="color:#1d4e5f">${escape(text)}</a>`;

export function confirmationEmail(token: string, about = "a question", manageToken?: string): Message {
  const url = `${siteUrl()}/subscriptions/confirm?token=${token}`;
  // The guest's own page: their posts (to delete any of them) and every mail to this address (to stop it all).
  const manage = manageToken ? `${siteUrl()}/subscriptions?token=${manageToken}` : null;
  const subject = "Please confirm your email address for Afterword";
  const text = [
    `You asked to be told by email about ${about}: when the author answers or someone replies.`,
    "",
    `Confirm your address: ${url}`,
    "",
    "Until you do, we send nothing else to it. If it was not you, ignore this email; you will hear nothing more.",
    ...(manage ? ["", `Your posts here (delete any of them), and all mail to this address (stop it): ${manage}`] : []),
  ].join("\n");
  const html = page(
    subject,
    `<p>You asked to be told by email about ${escape(about)}: when the author answers or someone replies.</p>
<p>${link(url, "Confirm your address")}</p>
<p>Until you do, we send nothing else to it.</p>${
      manage
        ? `\n<p>${link(manage, "Your posts here, and all mail to this address")}: delete any of them, or stop it all.</p>`
        : ""
    }`,
    "If it was not you, ignore this email; you will hear nothing more.",
  );
  return { subject, text, html };
}

export type QuotedPost = {
  writer: string;
  isAuthor: boolean;
  bodySource: string;
  bodyHtml: string;
  href: string;
  /** Whether it repeats protected text, when already known (one check per post, however many recipients). */
  guarded?: boolean;
};

/**
 * A post's text for the plain-text part of an email: from its HTML, so that
 * "#2" and "§how-long" read as the page shows them (the asker's question, the
 * section's title), each link followed by its full address.
 */
export function plainText(html: string, site: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { baseUrl: site, linkBrackets: ["(", ")"] } },
      { selector: "blockquote", options: { trimEmptyLines: true } },
    ],
  });
}

/** A post as an email quotes it: its text, unless it repeats protected text, then a link only. */
async function quote(post: QuotedPost) {
  const guarded = post.guarded ?? (await checkAgainstSources(post.bodySource)).blocked;
  const byline = `${post.writer}${post.isAuthor ? " (Post author)" : ""}`;
  return {
    text: guarded
      ? `${byline} wrote a reply; read it on the site: ${post.href}`
      : `${byline} wrote:\n\n${plainText(post.bodyHtml, new URL(post.href).origin)}\n\nOn the site: ${post.href}`,
    html: guarded
      ? `<p><strong>${escape(byline)}</strong> wrote a reply: ${link(post.href, "read it on the site")}.</p>`
      : `<section aria-label="${escape(`Reply by ${post.writer}`)}" style="border-left:3px solid #1d4e5f;padding-left:12px;margin:16px 0">
<p style="margin:0 0 8px"><strong>${escape(post.writer)}</strong>${post.isAuthor ? ' <span style="font:12px sans-serif;background:#1d4e5f;color:#fff;border-radius:4px;padding:1px 6px">Post author</span>' : ""}</p>
${post.bodyHtml}
<p style="margin:8px 0 0">${link(post.href, "Read it on the site")}</p>
</section>`,
  };
}

function footer(manageUrl: string) {
  return {
    text: `\n--\nYou get this because you follow this question on Afterword. Stop it, or change what you follow: ${manageUrl}`,
    html: `You get this because you follow this question on Afterword. ${link(manageUrl, "Stop it, or change what you follow")}.`,
  };
}

export type ThreadRef = { articleTitle: string; number: number | null; href: string };

const threadName = (thread: ThreadRef) =>
  thread.number !== null
    ? `question ${thread.number} on “${thread.articleTitle}”`
    : `a question on “${thread.articleTitle}”`;

/** The article's author answered a thread the recipient follows. */
export async function answerEmail(thread: ThreadRef, answer: QuotedPost, manageUrl: string): Promise<Message> {
  const subject = `${answer.writer} answered ${threadName(thread)}`;
  const quoted = await quote(answer);
  const end = footer(manageUrl);
  return {
    subject,
    text: `${answer.writer}, who wrote the article, answered ${threadName(thread)}.\n\n${quoted.text}${end.text}`,
    html: page(
      subject,
      `<h1 style="font-size:20px">${escape(subject)}</h1>\n${quoted.html}\n<p>${link(thread.href, "See the whole thread")}</p>`,
      end.html,
    ),
  };
}

/** Readers replied in a thread the recipient follows (everything that arrived within the hour, together). */
export async function repliesEmail(thread: ThreadRef, replies: QuotedPost[], manageUrl: string): Promise<Message> {
  const subject =
    replies.length === 1
      ? `${replies[0].writer} replied in ${threadName(thread)}`
      : `${replies.length} new replies in ${threadName(thread)}`;
  const quoted = await Promise.all(replies.map(quote));
  const end = footer(manageUrl);
  return {
    subject,
    text: `${quoted.map((q) => q.text).join("\n\n----\n\n")}${end.text}`,
    html: page(
      subject,
      `<h1 style="font-size:20px">${escape(subject)}</h1>\n${quoted.map((q) => q.html).join("\n")}\n<p>${link(thread.href, "See the whole thread")}</p>`,
      end.html,
    ),
  };
}

/** A moderator did not publish the recipient's post. */
export function rejectedEmail(input: {
  articleTitle: string;
  isQuestion: boolean;
  bodySource: string;
  reason: string;
}): Message {
  const what = input.isQuestion ? "question" : "reply";
  const subject = `Your ${what} on “${input.articleTitle}” was not published`;
  const why = input.reason ? `The moderator’s reason: ${input.reason}.` : "The moderator gave no reason.";
  return {
    subject,
    text: `A moderator read your ${what} on “${input.articleTitle}” and did not publish it. ${why}\n\nWhat you wrote:\n\n${input.bodySource}`,
    html: page(
      subject,
      `<p>A moderator read your ${what} on “${escape(input.articleTitle)}” and did not publish it.</p>
<p>${escape(why)}</p>
<p>What you wrote:</p>
<blockquote style="white-space:pre-wrap;border-left:3px solid #ddd6c8;margin:0;padding-left:12px">${escape(input.bodySource)}</blockquote>`,
      "You get this because you gave your email address with your post.",
    ),
  };
}

export function resetEmail(token: string): Message {
  const url = `${siteUrl()}/reset-password?token=${token}`;
  const subject = "Choose a new password for Afterword";
  const text = [
    "Someone (we hope you) asked to choose a new password for your Afterword account.",
    "",
    `Choose it here, within the hour: ${url}`,
    "",
    "The link works once. If it was not you, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = page(
    subject,
    `<p>Someone (we hope you) asked to choose a new password for your Afterword account.</p>
<p>${link(url, "Choose a new password")} (within the hour; the link works once).</p>`,
    "If it was not you, ignore this email: your password stays as it is.",
  );
  return { subject, text, html };
}

export function digestEmail(input: {
  pending: number;
  reported: number;
  oldest: Date | null;
  period: "hourly" | "daily";
  stopUrl: string;
}): Message {
  const waiting = input.oldest ? Math.max(1, Math.round((Date.now() - input.oldest.getTime()) / 60_000)) : 0;
  const age =
    waiting < 120
      ? `${waiting} minutes`
      : waiting < 48 * 60
        ? `${Math.round(waiting / 60)} hours`
        : `${Math.round(waiting / 1440)} days`;
  const subject = `The moderation queue: ${input.pending} pending, ${input.reported} reported`;
  const queueUrl = `${siteUrl()}/moderation`;
  const lines = [
    `${input.pending} ${input.pending === 1 ? "post waits" : "posts wait"} for a moderator, and ${input.reported} ${input.reported === 1 ? "was" : "were"} reported by readers.`,
    input.oldest ? `The oldest has waited ${age}.` : "",
  ].filter(Boolean);
  return {
    subject,
    text: `${lines.join(" ")}\n\nThe queue: ${queueUrl}\n\n--\nYour ${input.period} digest, chosen on your account page. Stop it: ${input.stopUrl}`,
    html: page(
      subject,
      `<p>${escape(lines.join(" "))}</p>\n<p>${link(queueUrl, "Open the queue")}</p>`,
      `Your ${input.period} digest, chosen on your account page. ${link(input.stopUrl, "Stop it")}.`,
    ),
  };
}

/** To the new address a reader asked to change to: the link that makes it their account's. */
export function emailChangeEmail(token: string, newAddress: string): Message {
  const url = `${siteUrl()}/account/email?token=${token}`;
  const subject = "Confirm your new email address for Afterword";
  const text = [
    `Someone signed in to an Afterword account asked to use ${newAddress} for it.`,
    "",
    `If it was you, confirm it: ${url}`,
    "",
    "The link works once, for two days. If it was not you, ignore this email: nothing changes.",
  ].join("\n");
  const html = page(
    subject,
    `<p>Someone signed in to an Afterword account asked to use ${escape(newAddress)} for it.</p>
<p>${link(url, "Confirm the new address")}</p>`,
    "The link works once, for two days. If it was not you, ignore this email: nothing changes.",
  );
  return { subject, text, html };
}

/** To the old address, once the change is done: so that a change someone else made does not go unnoticed. */
export function emailChangedNotice(newAddress: string): Message {
  const subject = "Your Afterword email address was changed";
  const text = [
    `The email address of your Afterword account is now ${newAddress}. Emails about your account go there from now on.`,
    "",
    `If you did not change it, reset your password at ${siteUrl()}/forgot-password with the new address, or ask the site's admin.`,
  ].join("\n");
  const html = page(
    subject,
    `<p>The email address of your Afterword account is now ${escape(newAddress)}. Emails about your account go there from now on.</p>
<p>If you did not change it, ${link(`${siteUrl()}/forgot-password`, "reset your password")} or ask the site's admin.</p>`,
    "",
  );
  return { subject, text, html };
}

/** To a new account's address, when posts wait for it (REQUIRE_VERIFIED_EMAIL=1): the link that confirms it. */
export function accountConfirmationEmail(token: string): Message {
  const url = `${siteUrl()}/subscriptions/confirm?token=${token}`;
  const subject = "Confirm the email address of your Afterword account";
  const text = [
    "You created an account on Afterword with this address.",
    "",
    `Confirm it: ${url}`,
    "",
    "Until you do, your posts wait for a moderator. If it was not you, ignore this email.",
  ].join("\n");
  const html = page(
    subject,
    `<p>You created an account on Afterword with this address.</p>
<p>${link(url, "Confirm your address")}</p>
<p>Until you do, your posts wait for a moderator.</p>`,
    "If it was not you, ignore this email.",
  );
  return { subject, text, html };
}
