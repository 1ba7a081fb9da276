import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { goalsPage, objectivePage } from "~/modules/goals/goals.server";
import { todoFor } from "~/modules/todo/todo.server";
import { seedDemo } from "../../../prisma/seed/demo";

const viewerOf = (email: string) =>
  db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });

describe("the demo's goals", () => {
  test("this quarter's tree with weekly check-ins, a closed quarter before it with scores; Lena's check-in is due; seeding again changes nothing", async () => {
    await seedDemo();
    const lena = await viewerOf("lena.fischer@example.com");
    const tree = await goalsPage(lena, {});
    expect(tree.period?.closedAt).toBeNull();
    expect(tree.objectives.map((objective) => [objective.level, objective.title])).toEqual([
      ["company", "Customers check out without friction"],
      ["team", "Checkout pages are fast on every phone"],
      ["team", "Shoppers find what they came for"],
      ["person", "Make performance visible to the whole team"],
    ]);
    expect(tree.objectives.every((objective) => (objective.progress ?? 0) > 0)).toBe(true);
    // None is dated after today, in a quarter's first week too.
    expect(await db.keyResultCheckIn.count({ where: { at: { gt: new Date() } } })).toBe(0);
    const closed = tree.periods.find((period) => period.closedAt !== null)!;
    const previous = await goalsPage(lena, { periodId: closed.id });
    const old = await objectivePage(lena, previous.objectives[0]!.id);
    expect(old.keyResults.every((kr) => kr.finalScore !== null)).toBe(true);
    expect(old.keyResults[0]!.reflection).toContain("card network");
    expect((await todoFor(lena, new Date())).some((item) => item.kind === "goal-check-in")).toBe(
      true,
    );
    // Her own objective is private: an engineer on another team does not see it.
    const yara = await viewerOf("yara.haddad@example.com");
    expect((await goalsPage(yara, {})).objectives.map((objective) => objective.level)).toEqual([
      "company",
      "team",
      "team",
    ]);
    const before = await db.keyResultCheckIn.count();
    await seedDemo();
    expect(await db.keyResultCheckIn.count()).toBe(before);
  });
});
