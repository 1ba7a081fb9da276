// The growth page's "Next step": what the viewer owes about this person, as their to-do list says it.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { describe, expect, test } from "vitest";
import * as growthRoute from "~/routes/people.$personId._index";
import {
  competencyIds,
  openCycle,
  organisation,
  save,
  startReview,
  startSelf,
  submitShown,
} from "../assessments/assessments-helpers";
import { bodyOf, routeArgs, withRouteProps } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/** The HTML the server renders for /people/:personId, as the viewer sees it. */
async function growthHtml(viewerId: string, personId: string): Promise<string> {
  const route = {
    id: "routes/people.$personId._index",
    path: "/people/:personId",
    loader: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) => bodyOf(await growthRoute.loader(routeArgs(request, { personId: params.personId ?? "" }))),
    Component: withRouteProps(growthRoute.default),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(await signedInRequest(`/people/${personId}`, viewerId));
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  return renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  );
}

/** The "Next step" card's text, tags and entities taken out. */
async function nextStep(viewerId: string, personId: string): Promise<string> {
  const html = await growthHtml(viewerId, personId);
  const card =
    /<h2[^>]*>Next step<\/h2>([\s\S]*?)<\/section>|<h2[^>]*>Next step<\/h2>([\s\S]*?)<h2/.exec(
      html,
    );
  if (!card) return "";
  return (card[1] ?? card[2] ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
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

describe("the growth page's next step", () => {
  test("after the cycle's self-assessment is submitted, the page no longer asks for one; the manager is asked for the review until it is in", async () => {
    const { manager, engineer } = await organisation();
    const cycle = await openCycle(`Growth ${engineer.id}`, [engineer.id]);
    expect(await nextStep(engineer.id, engineer.id)).toContain(`Assess yourself for ${cycle.name}`);
    expect(await nextStep(manager.id, engineer.id)).toMatch(
      /^Review Lena Lena Engineer: self-assessment not started\. Due /,
    );

    await rateAndSubmit(engineer.id, await startSelf(engineer.id));
    const after = await nextStep(engineer.id, engineer.id);
    expect(after).not.toMatch(
      /Start a self-assessment|Assess yourself|Continue your self-assessment/,
    );
    expect(after).toContain(`Your self-assessment for ${cycle.name} is submitted.`);
    expect(await nextStep(manager.id, engineer.id)).toMatch(
      /^Review Lena 1 ready to review\. Lena Engineer: self-assessment submitted\. Due /,
    );

    await rateAndSubmit(manager.id, await startReview(manager.id, engineer.id));
    expect(await nextStep(manager.id, engineer.id)).not.toMatch(/Review Lena/);
  });

  test("a draft in the cycle is continued from the page; outside any cycle, a self-assessment is offered, not owed", async () => {
    const { engineer, peer } = await organisation();
    await openCycle(`Draft ${engineer.id}`, [engineer.id]);
    await startSelf(engineer.id);
    expect(await nextStep(engineer.id, engineer.id)).toContain(
      "Your draft is saved; finish and submit it.",
    );

    const outside = await nextStep(peer.id, peer.id);
    expect(outside).toContain(
      "Nothing is due from you. You can assess yourself outside a review cycle at any time.",
    );
    expect(outside).toContain("Start a self-assessment");
  });
});
