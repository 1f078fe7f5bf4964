// /embed/sign-in — signing in inside a frame in another site's page: the
// sign-in page's own form and checks; its session cookie is partitioned, the
// frame's own (docs/decisions/0013), and it returns to the frame's page.
export { loader, action, default, meta } from "./login";

export const handle = { frame: true };
