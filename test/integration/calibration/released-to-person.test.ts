import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { isReleasedToPerson } from "~/modules/calibration/policy";
import {
  calibrationPlaces,
  cyclesWithOutcomeReleased,
  releasedToPersonSql,
  releasedToPersonWhere,
} from "~/modules/calibration/queries.server";
import { SESSION_STATES } from "~/modules/calibration/session-state";
import { createSession, ownOutcomes } from "~/modules/calibration/sessions.server";
import { createAdmin, createPerson } from "../../utils/factories";

/**
 * A session in every state, each of its own cycle, calibrating Rae and Sol: Rae's entry marked
 * released in every one of them, Sol's in none. Only Rae's entry in the published session is
 * released to its person.
 */
async function sessionsInEveryState() {
  const admin = await createAdmin({ name: "Ada Admin" });
  const rae = await createPerson({ name: "Rae Engineer", track: "ic", level: "ic2" });
  const sol = await createPerson({ name: "Sol Engineer", track: "ic", level: "ic2" });
  const cycleOf = new Map<string, string>();
  for (const state of SESSION_STATES) {
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Cycle ${state}`,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [rae, sol].map((person) => ({ userId: person.id })) },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: `Session ${state}`,
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: admin.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    await db.calibrationSession.update({ where: { id: created.sessionId }, data: { state } });
    await db.calibrationEntry.updateMany({
      where: { sessionId: created.sessionId, personId: rae.id },
      data: { released: true, finalRating: 3, finalOutcome: "stay" },
    });
    cycleOf.set(state, cycle.id);
  }
  const entries = await db.calibrationEntry.findMany({
    where: { personId: { in: [rae.id, sol.id] } },
    select: { id: true, personId: true, released: true, session: { select: { state: true } } },
  });
  return { rae, sol, cycleOf, entries };
}

describe("an outcome released to its person (calibration's isReleasedToPerson)", () => {
  test("the rule, its query filter and its SQL choose the same one entry: released, in the published session", async () => {
    const { rae, sol, entries } = await sessionsInEveryState();
    expect(entries).toHaveLength(2 * SESSION_STATES.length);
    const byRule = entries
      .filter((entry) => isReleasedToPerson(entry, entry.session))
      .map((entry) => entry.id);
    expect(byRule).toEqual(
      entries
        .filter((entry) => entry.personId === rae.id && entry.session.state === "published")
        .map((entry) => entry.id),
    );
    const ids = entries.map((entry) => entry.id);
    const byFilter = await db.calibrationEntry.findMany({
      where: { id: { in: ids }, ...releasedToPersonWhere() },
      select: { id: true },
    });
    expect(byFilter.map((entry) => entry.id)).toEqual(byRule);
    const bySql = (await readRows`
      SELECT e.id FROM "CalibrationEntry" e JOIN "CalibrationSession" s ON s.id = e."sessionId"
      WHERE e."personId" IN (${rae.id}, ${sol.id}) AND ${releasedToPersonSql("e", "s")}`) as {
      id: string;
    }[];
    expect(bySql.map((row) => row.id)).toEqual(byRule);
  });

  test("what the person's pages ask of calibration: only the published session's released outcome", async () => {
    const { rae, sol, cycleOf } = await sessionsInEveryState();
    const cycleIds = [...cycleOf.values()];
    const published = cycleOf.get("published")!;
    expect([...(await cyclesWithOutcomeReleased(rae.id, cycleIds))]).toEqual([published]);
    expect([...(await cyclesWithOutcomeReleased(sol.id, cycleIds))]).toEqual([]);
    const places = await calibrationPlaces([rae.id, sol.id], cycleIds);
    expect(places.calibrated.size).toBe(2 * cycleIds.length);
    expect([...places.released]).toEqual([`${published}/${rae.id}`]);
    expect((await ownOutcomes(rae.id)).map((outcome) => outcome.session.name)).toEqual([
      "Session published",
    ]);
    expect(await ownOutcomes(sol.id)).toEqual([]);
  });
});
