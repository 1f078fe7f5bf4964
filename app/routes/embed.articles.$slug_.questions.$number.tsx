// /embed/articles/:slug/questions/:number — a thread, opened from a frame in
// another site's page, in that frame: the thread page's own loader, action
// and page, whose links stay in the frame.
export { loader, action, shouldRevalidate, default } from "./articles.$slug_.questions.$number";

export const handle = { frame: true };
