// A relation read over many rows binds one value per row; it must work past SQLite's old limit of 999.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { uniqueEmail } from "../utils/factories";

test("people read with one report each, for 1,200 managers at once", async () => {
  const marker = uniqueEmail().split("@")[0]!;
  const managers = Array.from({ length: 1200 }, (_, index) => ({
    email: `${marker}.m${index}@example.com`,
    name: `Manager ${index}`,
  }));
  await db.user.createMany({ data: managers });
  const created = await db.user.findMany({
    where: { email: { startsWith: `${marker}.m` } },
    select: { id: true },
  });
  await db.user.createMany({
    data: created.map((manager, index) => ({
      email: `${marker}.r${index}@example.com`,
      name: `Report ${index}`,
      managerId: manager.id,
    })),
  });

  const read = await db.user.findMany({
    where: { email: { startsWith: `${marker}.m` } },
    select: { id: true, reports: { take: 1, orderBy: { email: "asc" }, select: { name: true } } },
  });
  expect(read).toHaveLength(1200);
  expect(read.every((manager) => manager.reports.length === 1)).toBe(true);
});
