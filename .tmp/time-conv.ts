import { performance } from "node:perf_hooks";
import { db } from "~/db/client.server";
import { conversationSignals } from "~/modules/conversations/signals.server";
import { managerPulse } from "~/modules/conversations/pulse.server";

const viewer = await db.user.findUniqueOrThrow({ where: { email: "person1@bench.example.com" }, select: { id: true, name: true, isAdmin: true } });
async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const c0 = process.cpuUsage();
  for (let i = 0; i < 100; i++) await run();
  const c = process.cpuUsage(c0);
  console.log(label.padEnd(30), ((c.user + c.system) / 1000 / 100).toFixed(2), "ms cpu");
}
const reportsQuery = () => db.user.findMany({
    where: { managerId: viewer.id, deactivatedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, reports: { where: { deactivatedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } } },
  });
const reports = await reportsQuery();
const people = [
    ...reports.map((report) => ({ id: report.id, chain: [viewer.id] })),
    ...reports.flatMap((report) => report.reports.map((below) => ({ id: below.id, chain: [report.id, viewer.id] }))),
  ];
console.log("people", people.length);
await time("reports+nested", reportsQuery);
await time("directs only", () => db.user.findMany({ where: { managerId: viewer.id, deactivatedAt: null }, select: { id: true, name: true } }));
await time("below flat", () => db.user.findMany({ where: { deactivatedAt: null, manager: { managerId: viewer.id } }, select: { id: true, name: true, managerId: true } }));
await time("signals", () => conversationSignals({ id: viewer.id, isAdmin: viewer.isAdmin }, people));
await time("pulse", () => managerPulse({ id: viewer.id, isAdmin: viewer.isAdmin }, viewer.id, new Date()));
await time("series by relation", () => db.conversationSeries.findMany({ where: { kind: "one-to-one", endedAt: null, report: { OR: [{ managerId: viewer.id }, { manager: { managerId: viewer.id } }] } }, select: { id: true } }));
const ids = people.map((p) => p.id);
await time("series IN ids", () => db.conversationSeries.findMany({ where: { kind: "one-to-one", endedAt: null, reportId: { in: ids } }, select: { id: true } }));
const { sinceInWords } = await import("~/modules/conversations/cadence");
await time("sinceInWords x1192", async () => { for (const id of ids) sinceInWords(null, new Date()); });
process.exit(0);
