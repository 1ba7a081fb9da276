// The access audit's version, the key its kept view is reused under (accessAuditVersion): the same
// while nothing it reads changes, and different after each kind of change its figures read, including
// those a newest change alone would miss: a seat added in the very millisecond of the last, a seat
// taken off a loop, and a team that goes while a newer one stays.
import { beforeAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { accessAuditVersion } from "~/modules/access-audit/queries.server";
import { addCandidate, removeInterview } from "~/modules/hiring/loops.server";
import { createOpening, saveStage } from "~/modules/hiring/openings.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { asViewer } from "../hiring/helpers";

let admin: Awaited<ReturnType<typeof createAdmin>>;
let loopId = "";
let stageId = "";

beforeAll(async () => {
  admin = await createAdmin({ name: "Version Admin" });
  const opening = await createOpening(asViewer(admin), {
    title: "Version opening",
    ladderId: "engineering",
    levelId: "ic3",
    adminEmails: [],
    starterPlan: false,
  });
  if (!opening.ok) throw new Error(JSON.stringify(opening.fieldErrors));
  const stage = await saveStage(asViewer(admin), opening.openingId, {
    name: "Coding",
    competencyIds: ["code-quality"],
  });
  if (!stage.ok) throw new Error(JSON.stringify(stage.fieldErrors));
  stageId = (
    await db.hiringStage.findFirstOrThrow({
      where: { openingId: opening.openingId },
      select: { id: true },
    })
  ).id;
  ({ loopId } = await addCandidate(asViewer(admin), opening.openingId, {
    name: "Version candidate",
    email: "",
    source: "",
    notes: "",
  }));
});

test("read twice with nothing changed, the version is the same", async () => {
  expect(await accessAuditVersion()).toBe(await accessAuditVersion());
});

test("a seat added in the same millisecond as the newest one changes it, and so does taking a seat off the loop", async () => {
  const [first, second] = [
    await createPerson({ name: "First interviewer", track: "ic", level: "ic3" }),
    await createPerson({ name: "Second interviewer", track: "ic", level: "ic3" }),
  ];
  // Later than every other row's change, so both seats are the newest, in one millisecond.
  const at = new Date(Date.now() + 60_000);
  const seat = (interviewerId: string) =>
    db.hiringInterview.create({
      data: { loopId, stageId, interviewerId, createdAt: at, updatedAt: at },
      select: { id: true },
    });
  await seat(first.id);
  const before = await accessAuditVersion();
  const added = await seat(second.id);
  const withBoth = await accessAuditVersion();
  expect(withBoth).not.toBe(before);

  await removeInterview(asViewer(admin), loopId, added.id);
  const afterRemoval = await accessAuditVersion();
  expect(afterRemoval).not.toBe(withBoth);
  expect(afterRemoval).not.toBe(before);
});

test("a team that goes changes it, though a newer team's change stays the newest", async () => {
  const older = await db.team.create({
    data: { name: "Older team", updatedAt: new Date(Date.now() - 60_000) },
  });
  await db.team.create({ data: { name: "Newer team", updatedAt: new Date(Date.now() + 120_000) } });
  const before = await accessAuditVersion();
  await db.team.delete({ where: { id: older.id } });
  expect(await accessAuditVersion()).not.toBe(before);
});
