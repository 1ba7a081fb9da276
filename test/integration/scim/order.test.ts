import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  createBody,
  expectedLines,
  externalId,
  inParallel,
  managerPatchBody,
  random,
  shuffled,
  tree,
} from "./burst";
import { providerToken, scim } from "./helpers";

const SIZE = 1_000;

describe("a burst in random order", () => {
  test("1,000 creates (reports before their managers) then 1,000 manager patches: every reporting line right, every change audited", async () => {
    const token = await providerToken("Burst");
    const next = random(24);
    const first = tree(SIZE, next);
    const second = tree(SIZE, next);
    const indexes = Array.from({ length: SIZE }, (_, index) => index);

    const creates = await inParallel(
      shuffled(indexes, next).map(
        (index) => () =>
          scim(token, "POST", "/Users", createBody(index, first[index]!)).then(
            (answer) => [index, answer] as const,
          ),
      ),
      8,
    );
    expect(creates.filter(([, answer]) => answer.status !== 201)).toEqual([]);
    const ids: string[] = [];
    for (const [index, answer] of creates) ids[index] = answer.body.id as string;

    const afterCreates = await db.user.findMany({
      where: { scimExternalId: { startsWith: "burst-" } },
      select: { id: true, managerId: true, linePath: true, scimManagerRef: true },
    });
    const lines = expectedLines(first, ids);
    const byId = new Map(afterCreates.map((person) => [person.id, person]));
    for (const index of indexes) {
      expect(byId.get(ids[index]!)).toEqual({
        id: ids[index],
        managerId: first[index] === null ? null : ids[first[index]!],
        linePath: lines[index],
        scimManagerRef: null,
      });
    }

    // The reorganisation: each person's new manager by Rungs id or externalId, in any order.
    const patches = await inParallel(
      shuffled(indexes, next).map((index) => () => {
        const manager = second[index]!;
        const ref = manager === null ? null : index % 3 ? ids[manager]! : externalId(manager);
        return scim(token, "PATCH", `/Users/${ids[index]}`, managerPatchBody(index, ref));
      }),
      8,
    );
    // 204 where the patch changed nothing (the new tree kept that manager), as RFC 7644 3.5.2 allows.
    expect(
      patches
        .filter((answer) => answer.status !== 200 && answer.status !== 204)
        .map((answer) => answer.body),
    ).toEqual([]);

    const people = await db.user.findMany({
      where: { scimExternalId: { startsWith: "burst-" } },
      select: { id: true, managerId: true, linePath: true, lineDepth: true, scimManagerRef: true },
    });
    const finalLines = expectedLines(second, ids);
    const finalById = new Map(people.map((person) => [person.id, person]));
    expect(people).toHaveLength(SIZE);
    for (const index of indexes) {
      expect(finalById.get(ids[index]!)).toEqual({
        id: ids[index],
        managerId: second[index] === null ? null : ids[second[index]!],
        linePath: finalLines[index],
        lineDepth: finalLines[index]!.split("/").length - 2,
        scimManagerRef: null,
      });
    }
    const token_ = await db.scimToken.findFirstOrThrow({
      where: { name: "Burst" },
      select: { id: true },
    });
    expect(
      await db.auditEvent.count({ where: { scimTokenId: token_.id, action: "person.created" } }),
    ).toBe(SIZE);
  }, 240_000);
});
