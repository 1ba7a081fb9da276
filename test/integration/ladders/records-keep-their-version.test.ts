// A ladder change never rewrites history: calibration sessions and hiring openings read the ladder
// version they were set up on, while new ones take the version served now.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { entryView } from "~/modules/calibration/session-view.server";
import { createSession } from "~/modules/calibration/sessions.server";
import { createOpening, hiringHome } from "~/modules/hiring/openings.server";
import { getLevel } from "~/modules/ladders";
import {
  reloadLadders,
  requireLadder,
  resetLadderRegistry,
} from "~/modules/ladders/registry.server";
import { createAdmin, createPerson } from "../../utils/factories";

const dir = mkdtempSync(join(tmpdir(), "rungs-ladder-versions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a session and an opening set up before a level is retitled keep the old title; ones set up after use the new", async () => {
  cpSync("frameworks/engineering", join(dir, "engineering"), { recursive: true });
  resetLadderRegistry(dir);
  const admin = await createAdmin({ name: "Ada Admin" });
  const viewer = { ...admin, isHiringAdmin: true };
  const facilitator = await createPerson({
    name: "Fay Facilitator",
    track: "manager",
    level: "m2",
  });
  const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [{ userId: omar.id }] },
    },
  });

  const setUp = async (name: string) => {
    const session = await createSession(viewer, {
      name,
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
    });
    const opening = await createOpening(viewer, {
      title: name,
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: true,
    });
    if (!session.ok || !opening.ok) throw new Error("set-up refused");
    const entry = await db.calibrationEntry.findFirstOrThrow({
      where: { sessionId: session.sessionId },
      select: { id: true },
    });
    return async () => ({
      session: (await entryView(viewer, session.sessionId, entry.id)).levelTitles.ic3,
      opening: (await hiringHome(viewer)).openings.find((row) => row.id === opening.openingId)
        ?.level,
    });
  };
  const before = await setUp("Before the change");

  const track = join(dir, "engineering", "tracks", "1-ic.yaml");
  writeFileSync(
    track,
    readFileSync(track, "utf8").replace(
      "title: Senior Engineer\n",
      "title: Senior Software Engineer\n",
    ),
  );
  expect((await reloadLadders()).problems).toEqual([]);
  expect(getLevel((await requireLadder("engineering")).ladder, "ic3")?.title).toBe(
    "Senior Software Engineer",
  );

  const after = await setUp("After the change");
  expect(await before()).toEqual({ session: "Senior Engineer", opening: "Senior Engineer" });
  expect(await after()).toEqual({
    session: "Senior Software Engineer",
    opening: "Senior Software Engineer",
  });
});
