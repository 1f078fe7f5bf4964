// /embed/articles/:slug/comments/:oldId — an old "#comment-456" link on the
// host page (embed.js sends it here): the imported post, in the frame.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stayInFrame } from "~/security/frames.server";
import { loader as oldComment } from "./articles.$slug_.comments.$oldId";

export async function loader(args: LoaderFunctionArgs) {
  return stayInFrame(args.request, await oldComment(args));
}
