// Each person's floor, read once by every report (personFloors): the organisation's, or the highest a
// calibration session they were in raised it to. An organisation that raised none pays one statement.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { personFloors } from "~/modules/disclosure/floors.server";
import { createSession } from "~/modules/calibration/sessions.server";
import { createAdmin, createPerson } from "../../utils/factories";

test("with no session raising a floor, no statement reads sessions; once two do, their people keep the higher one", async () => {
  const { result: none, statements } = await countStatements(() => personFloors());
  expect(none.raised).toEqual([]);
  const sessionsRead = /^SELECT [`"](main|public)[`"]\.[`"]CalibrationSession[`"]\./;
  expect(statements.filter((sql) => sessionsRead.test(sql))).toEqual([]);
  expect(statements).toHaveLength(1);

  const admin = await createAdmin({ name: "Floor admin" });
  const [facilitator, both, one] = [
    await createPerson({ name: "Floor facilitator" }),
    await createPerson({ name: "In both sessions", track: "ic", level: "ic3" }),
    await createPerson({ name: "In one session", track: "ic", level: "ic3" }),
  ];
  const session = async (name: string, groupFloor: number, people: { id: string }[]) => {
    const cycle = await db.reviewCycle.create({
      data: {
        name,
        startsOn: new Date(),
        endsOn: new Date(Date.now() + 60 * 24 * 60 * 60 * 1000),
        participants: { create: people.map((person) => ({ userId: person.id })) },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name,
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: facilitator.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
        groupFloor,
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  };
  await session("Raised a little", SMALL_GROUP_FLOOR + 2, [both, one]);
  await session("Raised more", SMALL_GROUP_FLOOR + 5, [both]);
  const floors = await personFloors();
  expect(floors(both.id)).toBe(SMALL_GROUP_FLOOR + 5);
  expect(floors(one.id)).toBe(SMALL_GROUP_FLOOR + 2);
  expect(floors(facilitator.id)).toBe(SMALL_GROUP_FLOOR);
});
