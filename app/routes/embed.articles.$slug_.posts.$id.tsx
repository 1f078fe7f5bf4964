// /embed/articles/:slug/posts/:id — a post's permalink from a frame: forwards
// where the permalink does, within the frame.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stayInFrame } from "~/security/frames.server";
import { loader as permalink } from "./articles.$slug_.posts.$id";

export async function loader(args: LoaderFunctionArgs) {
  return stayInFrame(args.request, await permalink(args));
}
