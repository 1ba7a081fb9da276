// The home page's "what to do next", through its loader, from the app's own write paths.
import { describe, expect, test } from "vitest";
import * as homeRoute from "~/routes/_index";
import { db } from "~/db/client.server";
import { competencyIds, openCycle, organisation, save, startReview, startSelf, submit } from "../assessments/assessments-helpers";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

async function todo(viewerId: string) {
  const page = await homeRoute.loader(routeArgs(await signedInRequest("/", viewerId)));
  return page.todo.map((item) => ({ kind: item.kind, title: item.title, href: item.href }));
}

async function rateAndSubmit(authorId: string, assessmentId: string) {
  const changes = (await competencyIds(assessmentId)).map((id) => ({ field: `rating:${id}`, value: 3, base: null }));
  expect((await save(authorId, assessmentId, 0, changes)).status).toBe(200);
  expect((await submit(authorId, assessmentId)).status).toBe(302);
}

describe("what to do next on the home page", () => {
  test("an open cycle asks the engineer and then their manager, and each item goes once done", async () => {
    const { manager, engineer, peer } = await organisation();
    const cycle = await openCycle(`Home ${engineer.id}`, [engineer.id, peer.id]);
    expect(await todo(engineer.id)).toEqual([{ kind: "self-assessment", title: `Assess yourself for ${cycle.name}`, href: "/assess" }]);
    expect(await todo(manager.id)).toEqual([{ kind: "manager-review", title: `Review 2 reports for ${cycle.name}`, href: "/team" }]);

    await rateAndSubmit(engineer.id, await startSelf(engineer.id));
    expect(await todo(engineer.id)).toEqual([]);

    await rateAndSubmit(manager.id, await startReview(manager.id, engineer.id));
    // Only the peer is left to review; their review is one click away.
    expect(await todo(manager.id)).toEqual([{ kind: "manager-review", title: `Review Pat Peer for ${cycle.name}`, href: `/people/${peer.id}/review` }]);
  });

  test("closed cycles ask nothing; an admin is asked to close an open cycle past its end", async () => {
    const { engineer, admin } = await organisation();
    await openCycle(`Closed ${engineer.id}`, [engineer.id], true);
    expect(await todo(engineer.id)).toEqual([]);
    const ended = await db.reviewCycle.create({ data: { name: `Ended ${engineer.id}`, startsOn: new Date("2025-01-01"), endsOn: new Date("2025-02-01") } });
    expect(await todo(admin.id)).toContainEqual({ kind: "close-cycle", title: `Close ${ended.name}`, href: `/admin/cycles/${ended.id}` });
    expect(await todo(engineer.id)).toEqual([]);
  });

  test("a cycle opened ahead of its first day asks nothing until then", async () => {
    const { manager, engineer } = await organisation();
    await openCycle(`Ahead ${engineer.id}`, [engineer.id], false, new Date(Date.now() + 30 * 24 * 60 * 60 * 1000));
    expect(await todo(engineer.id)).toEqual([]);
    expect(await todo(manager.id)).toEqual([]);
  });
});
