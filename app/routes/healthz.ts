import { checkHealth } from "~/modules/operations/health.server";

/** For load balancers: 200 when the database answers, 503 otherwise (also on HEALTH_PORT, out of the queue of page work: server/processes.ts). */
export async function loader() {
  const { status, body } = await checkHealth();
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
