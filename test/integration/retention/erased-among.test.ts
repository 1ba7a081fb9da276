// Which of many people were erased: a long list reads the ledger first when it is shorter, and asks
// by id when it is not; either way the answer is the erased people of the list, and only them.
import { beforeEach, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { erasedAmong } from "~/modules/people/erased.server";

const asked = Array.from({ length: 60 }, (_, index) => `asked-${String(index).padStart(2, "0")}`);
const erasedAt = new Date("2026-06-01T00:00:00Z");

beforeEach(async () => {
  await db.erasureRecord.deleteMany();
});

test("a ledger shorter than the list: the erased people of the list, not the others erased", async () => {
  await db.erasureRecord.createMany({
    data: ["elsewhere-1", "asked-07", "elsewhere-2", "asked-59"].map((personId) => ({
      personId,
      erasedAt,
    })),
  });
  expect([...(await erasedAmong(asked))].sort()).toEqual(["asked-07", "asked-59"]);
});

test("a ledger as long as the list: the erased people of the list, wherever they stand in it", async () => {
  // Seventy others, written first and first by id too: the ledger's first sixty rows, in either order, miss those asked for.
  await db.erasureRecord.createMany({
    data: Array.from({ length: 70 }, (_, index) => ({
      personId: `aa-elsewhere-${index}`,
      erasedAt,
    })),
  });
  await db.erasureRecord.createMany({
    data: ["asked-03", "asked-41"].map((personId) => ({ personId, erasedAt })),
  });
  expect([...(await erasedAmong(asked))].sort()).toEqual(["asked-03", "asked-41"]);
});

test("a short list asks by id", async () => {
  await db.erasureRecord.createMany({
    data: ["asked-01", "elsewhere"].map((personId) => ({ personId, erasedAt })),
  });
  expect([...(await erasedAmong(["asked-01", "asked-02"]))]).toEqual(["asked-01"]);
});
