// Erasing a leaver (decision 096) empties their words from goals: their own objectives' texts and
// key results' titles, their check-in notes and reflections; a team objective they owned stays with
// its title for the people still on it, its why emptied under the rule that removes a leaver's
// words. Values, scores and who owned what stay.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { dateToDay } from "~/modules/days";
import {
  addKeyResult,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  reflect,
} from "~/modules/goals/goals.server";
import { erasePerson } from "~/modules/retention/erasure.server";
import * as clock from "~/platform/clock.server";
import { createPerson } from "../../utils/factories";

const MARK = (what: string) => `LEAVER-${what}-8d1c`;

test("a leaver's words leave the goals; the figures stay", async () => {
  const teamId = (await db.team.create({ data: { name: "Erasure 8d1c" } })).id;
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const leaver = await createPerson({ name: "Lee Leaver", teamId });
  await createPerson({ name: "Rae Report", managerId: leaver.id, teamId });
  const periodId = await createPeriod(admin, {
    name: "Erasure period",
    startsOn: dateToDay(new Date(clock.now().getTime() - 10 * 24 * 60 * 60 * 1000)),
    endsOn: dateToDay(new Date(clock.now().getTime() + 10 * 24 * 60 * 60 * 1000)),
  });
  const own = await createObjective(leaver, {
    periodId,
    level: "person",
    teamId: null,
    title: MARK("own-title"),
    why: MARK("own-why"),
    commitment: "committed",
    parentId: null,
  });
  const team = await createObjective(leaver, {
    periodId,
    level: "team",
    teamId,
    title: "Team title stays 8d1c",
    why: MARK("team-why"),
    commitment: "committed",
    parentId: null,
  });
  const { id: kr } = await addKeyResult(leaver, own, {
    title: MARK("kr-title"),
    kind: "metric",
    unit: "x",
    direction: "increase",
    startValue: 0,
    targetValue: 10,
  });
  await addKeyResult(leaver, team, {
    title: "Team key result 8d1c",
    kind: "metric",
    unit: "x",
    direction: "increase",
    startValue: 0,
    targetValue: 10,
  });
  await checkIn(leaver, kr, { value: 5, confidence: "onTrack", note: MARK("note") });
  await closePeriod(admin, periodId);
  await reflect(leaver, kr, MARK("reflection"));

  await erasePerson(leaver.id, clock.now(), "remove", "request");

  const rows = JSON.stringify(
    await Promise.all([
      db.objective.findMany({ where: { periodId } }),
      db.keyResult.findMany({ where: { objective: { periodId } } }),
      db.keyResultCheckIn.findMany({ where: { keyResult: { objective: { periodId } } } }),
    ]),
  );
  expect(rows.match(/LEAVER-[a-z-]+-8d1c/g) ?? []).toEqual([]);
  expect(rows).toContain("Team title stays 8d1c");
  const kept = await db.keyResult.findUniqueOrThrow({ where: { id: kr } });
  expect(kept.finalScore).toBe(0.5);
  expect((await db.keyResultCheckIn.findFirstOrThrow({ where: { keyResultId: kr } })).value).toBe(
    5,
  );
});
