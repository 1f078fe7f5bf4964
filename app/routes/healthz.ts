import { databaseAnswers } from "~/db.server";

// For load balancers and uptime checks: 200 only when the database answers.
export async function loader() {
  return (await databaseAnswers())
    ? new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } })
    : new Response("database unavailable", { status: 503, headers: { "Content-Type": "text/plain" } });
}
