// The histories are written in chunks (an import or a provisioning run can move the whole
// organisation at once): every move of more than one chunk is kept, the last partial chunk too.
import { expect, test } from "vitest";
import { WRITE_CHUNK } from "~/db/chunks";
import { db } from "~/db/client.server";
import { recordGroupChanges } from "~/modules/people/group-history.server";
import { recordLevelChanges } from "~/modules/people/level-history.server";
import { recordManagerChanges } from "~/modules/people/manager-history.server";
import { uniqueEmail } from "../../utils/factories";

test("moves of two chunks and a part are all recorded, in one transaction", async () => {
  const count = 2 * WRITE_CHUNK + 1;
  const marker = uniqueEmail().split("@")[0]!;
  await db.user.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      email: `${marker}.p${index}@example.com`,
      name: `Person ${index}`,
    })),
  });
  const people = await db.user.findMany({
    where: { email: { startsWith: `${marker}.p` } },
    select: { id: true },
  });
  expect(people).toHaveLength(count);
  const ids = people.map((person) => person.id);

  await db.$transaction(async (tx) => {
    await recordManagerChanges(
      tx,
      ids.map((personId) => ({ personId, from: null, to: ids[0]! })),
    );
    await recordGroupChanges(
      tx,
      ids.map((personId) => ({ personId, kind: "team", from: null, to: "Platform" })),
    );
    await recordLevelChanges(
      tx,
      "imported",
      ids.map((personId) => ({
        personId,
        from: { track: "ic", level: "ic1" },
        to: { track: "ic", level: "ic2" },
        fromSince: null,
      })),
    );
  });

  const where = { personId: { in: ids } };
  expect(await db.managerChange.count({ where })).toBe(count);
  expect(await db.groupChange.count({ where })).toBe(count);
  expect(await db.levelChange.count({ where })).toBe(count);
});
