import { performance } from "node:perf_hooks";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { teamOverview, parseTeamFilters } from "~/modules/team/overview.server";
import { teamConversations } from "~/modules/conversations/signals.server";

const viewer = await db.user.findUniqueOrThrow({ where: { email: "person1@bench.example.com" }, select: { id: true, name: true, isAdmin: true } });
async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const t0 = performance.now(); const c0 = process.cpuUsage();
  for (let i = 0; i < 100; i++) await run();
  const c = process.cpuUsage(c0);
  console.log(label, ((performance.now() - t0) / 100).toFixed(2), "ms wall", ((c.user + c.system) / 1000 / 100).toFixed(2), "ms cpu");
  const { statements } = await countStatements(run);
  for (const sql of statements) {
    console.log("   ", sql.replace(/\s+/g, " ").slice(0, 160));
  }
}
await time("overview", () => teamOverview(viewer, parseTeamFilters(new URLSearchParams())));
await time("conversations", () => teamConversations(viewer, false));
process.exit(0);
