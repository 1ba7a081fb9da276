// Each person's floor, read once by every report (personFloors): the organisation's, or the highest a
// calibration session they were in raised it to. An organisation that raised none pays one statement.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { personFloors } from "~/modules/disclosure/floors.server";
import { cycleAndSession, ic2Entry } from "../../utils/calibration-sessions";
import { createPerson } from "../../utils/factories";

test("with no session raising a floor, no statement reads sessions; once two do, their people keep the higher one", async () => {
  const { result: none, statements } = await countStatements(() => personFloors());
  expect(none.raised).toEqual([]);
  const sessionsRead = /^SELECT [`"](main|public)[`"]\.[`"]CalibrationSession[`"]\./;
  expect(statements.filter((sql) => sessionsRead.test(sql))).toEqual([]);
  expect(statements).toHaveLength(1);

  const [facilitator, both, one] = [
    await createPerson({ name: "Floor facilitator" }),
    await createPerson({ name: "In both sessions" }),
    await createPerson({ name: "In one session" }),
  ];
  const session = async (tag: string, groupFloor: number, people: { id: string }[]) => {
    const { session } = await cycleAndSession(facilitator.id, "live", { tag });
    await db.calibrationSession.update({ where: { id: session.id }, data: { groupFloor } });
    await db.calibrationEntry.createMany({
      data: people.map((person) => ic2Entry(session.id, person.id, 3, "stay")),
    });
  };
  await session("Raised a little", SMALL_GROUP_FLOOR + 2, [both, one]);
  await session("Raised more", SMALL_GROUP_FLOOR + 5, [both]);
  const floors = await personFloors();
  expect(floors(both.id)).toBe(SMALL_GROUP_FLOOR + 5);
  expect(floors(one.id)).toBe(SMALL_GROUP_FLOOR + 2);
  expect(floors(facilitator.id)).toBe(SMALL_GROUP_FLOOR);
});
