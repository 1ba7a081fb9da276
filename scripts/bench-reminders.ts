/**
 * `npm run bench:reminders [-- --people <n>]`: what an email pass costs with nothing changed,
 * against the first pass that plans everyone (docs/decisions/068).
 *
 * Imports the organisation (5,000 people by default, as the page bench) into a new SQLite file
 * under the system's temporary folder, opens one review cycle with everyone in it, and times
 * `queueReminders` (CPU of this process, which runs the database too): the first pass (everyone),
 * a pass five minutes later with nothing written, and one after a single participant's row is
 * written. A pass reads writes from five minutes before the last one began; the seeding's own
 * writes are moved out of that overlap by stamping the pass's record past them, instead of
 * waiting five minutes. A measurement, not a test: it exits 0 whatever the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { people: { type: "string", default: "5000" } } });
const size = Number(values.people);
if (!Number.isInteger(size) || size < 1 || size > 100_000) {
  console.error("--people must be a whole number from 1 to 100000");
  process.exit(1);
}
const folder = mkdtempSync(join(tmpdir(), "rungs-reminders-"));
process.env.DATABASE_URL = `file:${join(folder, "bench.db")}`;

const { applyMigrations } = await import("../app/db/migrate.server.ts");
await applyMigrations(process.env.DATABASE_URL);
const { db } = await import("../app/db/client.server.ts");
const { importPeople } = await import("../app/modules/people/import.server.ts");
// The to-do list the pass reads gathers what the workflows register.
await import("../app/modules/workflows.server.ts");
const { queueReminders } = await import("../app/modules/notifications/outbox.server.ts");
const { toCsv } = await import("../prisma/seed/demo-organisation.ts");
const { largeOrganisation } = await import("../prisma/seed/large-organisation.ts");

const imported = await importPeople(toCsv(largeOrganisation(size, 1)), {
  actorId: null,
  dryRun: false,
});
if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 5)));
const everyone = await db.user.findMany({ select: { id: true } });
const cycle = await db.reviewCycle.create({
  data: {
    name: "Autumn",
    startsOn: new Date("2026-11-01"),
    endsOn: new Date("2027-01-31"),
    participants: { create: everyone.map((person) => ({ userId: person.id })) },
  },
});

const MINUTE = 60_000;
const start = Date.parse("2026-11-24T08:00:00Z");
const pastTheOverlap = () =>
  db.reminderPass.update({
    where: { name: "reminders" },
    data: { writtenSince: new Date(Date.now() + 6 * MINUTE) },
  });
async function pass(label: string, at: number) {
  const cpu = process.cpuUsage();
  const result = await queueReminders(new Date(at));
  const used = process.cpuUsage(cpu);
  console.log(
    `${label.padEnd(32)} ${String(result.planned).padStart(6)} planned ${String(result.queued).padStart(6)} queued ${String(Math.round((used.user + used.system) / 1000)).padStart(7)} ms CPU`,
  );
}

console.log(
  `Email pass on ${everyone.length.toLocaleString("en")} people (SQLite, Node ${process.versions.node})`,
);
await pass("first pass (everyone)", start);
await pastTheOverlap();
await pass("nothing written", start + 5 * MINUTE);
await pastTheOverlap();
const one = await db.user.findFirstOrThrow({
  where: { managerId: { not: null } },
  select: { id: true },
});
await db.reviewCycleParticipant.update({
  where: { cycleId_userId: { cycleId: cycle.id, userId: one.id } },
  data: { selfProgress: 1, updatedAt: new Date(Date.now() + 7 * MINUTE) },
});
await pass("one participant written", start + 10 * MINUTE);
await db.$disconnect();
rmSync(folder, { recursive: true, force: true });
process.exit(0);
