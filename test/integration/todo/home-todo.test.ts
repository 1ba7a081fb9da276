// The home page's "what to do next", through its loader, from the app's own write paths.
import { describe, expect, test } from "vitest";
import * as homeRoute from "~/routes/_index";
import { loader as rootLoader } from "~/root";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import {
  competencyIds,
  openCycle,
  organisation,
  save,
  startReview,
  startSelf,
  submitShown,
} from "../assessments/assessments-helpers";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";

async function todo(viewerId: string) {
  const page = await homeRoute.loader(routeArgs(await signedInRequest("/", viewerId)));
  return page.todo.map((item) => ({
    kind: item.kind,
    title: inEnglish(item).title,
    href: item.href,
  }));
}

async function rateAndSubmit(authorId: string, assessmentId: string) {
  const changes = (await competencyIds(assessmentId)).map((id) => ({
    field: `rating:${id}`,
    value: 3,
    base: null,
  }));
  expect((await save(authorId, assessmentId, 0, changes)).status).toBe(200);
  expect((await submitShown(authorId, assessmentId)).status).toBe(302);
}

describe("what to do next on the home page", () => {
  test("an open cycle asks the engineer and then their manager, and each item goes once done", async () => {
    const { manager, engineer, peer } = await organisation();
    const cycle = await openCycle(`Home ${engineer.id}`, [engineer.id, peer.id]);
    expect(await todo(engineer.id)).toEqual([
      { kind: "self-assessment", title: `Assess yourself for ${cycle.name}`, href: "/assess" },
    ]);
    expect(await todo(manager.id)).toEqual([
      { kind: "manager-review", title: `Review 2 reports for ${cycle.name}`, href: "/team" },
    ]);

    await rateAndSubmit(engineer.id, await startSelf(engineer.id));
    expect(await todo(engineer.id)).toEqual([]);

    await rateAndSubmit(manager.id, await startReview(manager.id, engineer.id));
    // Only the peer is left to review; their review is one click away.
    expect(await todo(manager.id)).toEqual([
      {
        kind: "manager-review",
        title: `Review Pat Peer for ${cycle.name}`,
        href: `/people/${peer.id}/review`,
      },
    ]);
  });

  test("closed cycles ask nothing; an admin is asked to close an open cycle past its end", async () => {
    const { engineer, admin } = await organisation();
    await openCycle(`Closed ${engineer.id}`, [engineer.id], true);
    expect(await todo(engineer.id)).toEqual([]);
    const ended = await db.reviewCycle.create({
      data: {
        name: `Ended ${engineer.id}`,
        startsOn: new Date("2025-01-01"),
        endsOn: new Date("2025-02-01"),
      },
    });
    expect(await todo(admin.id)).toContainEqual({
      kind: "close-cycle",
      title: `Close ${ended.name}`,
      href: `/admin/cycles/${ended.id}`,
    });
    expect(await todo(engineer.id)).toEqual([]);
  });

  test("a cycle opened ahead of its first day asks nothing until then", async () => {
    const { manager, engineer } = await organisation();
    await openCycle(
      `Ahead ${engineer.id}`,
      [engineer.id],
      false,
      new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    );
    expect(await todo(engineer.id)).toEqual([]);
    expect(await todo(manager.id)).toEqual([]);
  });

  test("a self-assessment outside any cycle asks the manager for a review, until one is submitted; a cycle under way asks through the cycle instead", async () => {
    const { manager, engineer, boss } = await organisation();
    const selfId = await startSelf(engineer.id);
    expect(await todo(manager.id)).toEqual([]);
    await rateAndSubmit(engineer.id, selfId);
    expect(await todo(manager.id)).toEqual([
      {
        kind: "manager-review",
        title: "Review Lena Engineer",
        href: `/people/${engineer.id}/review`,
      },
    ]);
    // Only the direct manager is asked.
    expect(await todo(boss.id)).toEqual([]);
    await rateAndSubmit(manager.id, await startReview(manager.id, engineer.id));
    expect(await todo(manager.id)).toEqual([]);

    // A later self-assessment is a new request.
    await rateAndSubmit(engineer.id, await startSelf(engineer.id));
    const [again] = (await homeRoute.loader(routeArgs(await signedInRequest("/", manager.id))))
      .todo;
    expect(inEnglish(again!)).toMatchObject({
      kind: "manager-review",
      title: "Review Lena Engineer",
      due: null,
    });
    expect(again!.key).not.toBe(`manager-review:${selfId}`);
    // Once a cycle of theirs is under way, the review belongs to the cycle: asked once, there.
    const cycle = await openCycle(`Now ${engineer.id}`, [engineer.id]);
    expect(await todo(manager.id)).toEqual([
      {
        kind: "manager-review",
        title: `Review Lena Engineer for ${cycle.name}`,
        href: `/people/${engineer.id}/review`,
      },
    ]);
  });

  test("the navigation counts the to-do list: kept with the person and read with the session, counted again when stale or after the person's own change", async () => {
    const { engineer } = await organisation();
    const navCount = async (request: Request) =>
      bodyOf<{ viewer: { openTodos: number } }>(await rootLoader(routeArgs(request))).viewer
        .openTodos;
    const page = await signedInRequest("/ladders", engineer.id);
    expect(await navCount(page)).toBe(0);
    // While the kept count stands, a page reads nothing but the session for it.
    const { result, statements } = await countStatements(() => rootLoader(routeArgs(page)));
    expect(bodyOf<{ viewer: { openTodos: number } }>(result).viewer.openTodos).toBe(0);
    expect(statements).toHaveLength(1);

    // Someone else's change (a cycle opens) shows once the kept count is stale.
    await openCycle(`Counted ${engineer.id}`, [engineer.id]);
    expect(await navCount(page)).toBe(0);
    await db.todoCount.update({
      where: { userId: engineer.id },
      data: { countedAt: new Date(Date.now() - 3 * 60 * 1000) },
    });
    expect(await navCount(page)).toBe(1);
    expect(
      await db.todoCount.findUnique({ where: { userId: engineer.id }, select: { open: true } }),
    ).toEqual({ open: 1 });

    // The home page counts what it lists, and keeps that.
    await db.todoCount.update({ where: { userId: engineer.id }, data: { open: 5 } });
    await homeRoute.loader(routeArgs(await signedInRequest("/", engineer.id)));
    expect(await navCount(page)).toBe(1);

    // The person's own change (any form they post) drops the kept count: the page after it counts what is left.
    const selfId = await startSelf(engineer.id);
    await rateAndSubmit(engineer.id, selfId);
    expect(await db.todoCount.findUnique({ where: { userId: engineer.id } })).toBeNull();
    expect(await navCount(page)).toBe(0);
  });
});
