// An objective's page is sent as HTML, its forms redirecting to it with what they did in `?done=`
// (so a reload never posts again); a new key result is written on a page of its own, the one that
// runs the app's scripts for the live output check (decision 152).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addKeyResult, createObjective } from "~/modules/goals/goals.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import * as objectiveRoute from "~/routes/goals.objectives.$objectiveId";
import * as newKeyResultRoute from "~/routes/goals.objectives.$objectiveId_.key-results.new";
import { appBuild, serveForFile } from "../../utils/app-server";
import { renderPage, type PageModule } from "../../utils/render-page";
import { answerOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { goalsOrganisation, metric, type GoalsOrganisation } from "./fixtures";

const app = serveForFile(
  appBuild({
    "routes/objective": { path: "goals/objectives/:objectiveId", module: objectiveRoute },
    "routes/new-key-result": {
      path: "goals/objectives/:objectiveId/key-results/new",
      module: newKeyResultRoute,
    },
  }),
);

let org: GoalsOrganisation;
let objectiveId: string;
let keyResultId: string;
beforeAll(async () => {
  org = await goalsOrganisation("Checkout");
  const lena = { ...org.lena, isHiringAdmin: false };
  objectiveId = await createObjective(lena, org.objective("person", { title: "Lena's objective" }));
  keyResultId = (await addKeyResult(lena, objectiveId, metric("Teams onboarded"))).id;
});

const path = () => `/goals/objectives/${objectiveId}`;
const newPath = () => `${path()}/key-results/new`;

async function documentFor(personId: string, at: string) {
  const cookie = (await startSession(personId)).split(";")[0]!;
  return app.server.send("GET", at, { Cookie: cookie, "Accept-Language": "en" });
}

const moduleScript = /<script[^>]*type="module"|modulepreload|__reactRouterContext/;

describe("an objective's page", () => {
  test("is sent without the app's scripts; adding a key result is a link to its own page, which has them", async () => {
    const page = await documentFor(org.lena.id, path());
    expect(page.status).toBe(200);
    expect(page.body).toContain("Lena&#x27;s objective");
    expect(page.body).not.toMatch(moduleScript);
    expect(page.body).toContain(`href="${newPath()}"`);
    const form = await documentFor(org.lena.id, newPath());
    expect(form.status).toBe(200);
    expect(form.body).toMatch(moduleScript);
  });

  test("a check-in redirects to the page at its key result, which words it from the address; a refused one writes nothing and keeps what was typed", async () => {
    const posted = await objectiveRoute.action(
      routeArgs(
        await signedInPost(path(), org.lena.id, {
          intent: "check-in",
          keyResultId,
          value: "48",
          confidence: "atRisk",
          note: "Two teams waiting on the SDK",
        }),
        { objectiveId },
      ),
    );
    expect(answerOf(posted)).toEqual({
      status: 302,
      location: `${path()}?done=checkedIn#kr-${keyResultId}`,
    });
    const done = await renderPage(
      objectiveRoute as unknown as PageModule,
      "/goals/objectives/:objectiveId",
      `${path()}?done=checkedIn`,
      org.lena.id,
    );
    expect(done.html).toContain("Check-in recorded.");
    const plain = await renderPage(
      objectiveRoute as unknown as PageModule,
      "/goals/objectives/:objectiveId",
      path(),
      org.lena.id,
    );
    expect(plain.html).not.toContain("Check-in recorded.");

    const before = await db.keyResultCheckIn.count({ where: { keyResultId } });
    const refused = await objectiveRoute.action(
      routeArgs(
        await signedInPost(path(), org.lena.id, {
          intent: "check-in",
          keyResultId,
          value: "forty",
          confidence: "onTrack",
          note: "Typed before the value was fixed",
        }),
        { objectiveId },
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(refused)).toContain("Typed before the value was fixed");
    expect(await db.keyResultCheckIn.count({ where: { keyResultId } })).toBe(before);
  });

  test("opening it to everyone and sharing it redirect with what they did", async () => {
    const opened = await objectiveRoute.action(
      routeArgs(await signedInPost(path(), org.lena.id, { intent: "open" }), { objectiveId }),
    );
    expect(answerOf(opened)).toEqual({ status: 302, location: `${path()}?done=opened` });
    const shared = await objectiveRoute.action(
      routeArgs(
        await signedInPost(path(), org.lena.id, { intent: "share", email: org.omar.email }),
        { objectiveId },
      ),
    );
    expect(answerOf(shared)).toEqual({ status: 302, location: `${path()}?done=shared` });
    const page = await renderPage(
      objectiveRoute as unknown as PageModule,
      "/goals/objectives/:objectiveId",
      `${path()}?done=shared`,
      org.lena.id,
    );
    expect(page.html).toContain("Shared.");
  });
});

describe("a new key result's page", () => {
  test("adds the key result and goes back to the objective at it; a refused one stays with what was typed and adds nothing", async () => {
    const page = await renderPage(
      newKeyResultRoute as unknown as PageModule,
      "/goals/objectives/:objectiveId/key-results/new",
      newPath(),
      org.lena.id,
    );
    expect(page.html).toContain("It has 1 key result; an objective needs two to five.");
    const added = await newKeyResultRoute.action(
      routeArgs(
        await signedInPost(newPath(), org.lena.id, {
          title: "Checkout p95 under 300 ms",
          kind: "metric",
          unit: "ms",
          direction: "decrease",
          startValue: "450",
          targetValue: "300",
        }),
        { objectiveId },
      ),
    );
    const made = await db.keyResult.findFirstOrThrow({
      where: { objectiveId, title: "Checkout p95 under 300 ms" },
      select: { id: true },
    });
    expect(answerOf(added)).toEqual({
      status: 302,
      location: `${path()}?done=keyResultAdded#kr-${made.id}`,
    });

    const count = await db.keyResult.count({ where: { objectiveId } });
    const refused = await newKeyResultRoute.action(
      routeArgs(
        await signedInPost(newPath(), org.lena.id, {
          title: "Deploys a week without a number",
          kind: "metric",
          unit: "deploys",
          direction: "increase",
          startValue: "3",
          targetValue: "",
        }),
        { objectiveId },
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(refused)).toContain("Deploys a week without a number");
    expect(await db.keyResult.count({ where: { objectiveId } })).toBe(count);
  });

  test("is refused to whoever may not add one: a reader who does not edit it, someone who cannot read it, and once it holds five", async () => {
    // Lena's objective is open to everyone since the sharing test: Otto reads it, and may not edit it.
    const asOtto = await thrown(async () =>
      newKeyResultRoute.loader(
        routeArgs(await signedInRequest(newPath(), org.otto.id), { objectiveId }),
      ),
    );
    expect(statusOf(asOtto)).toBe(403);
    const lena = { ...org.lena, isHiringAdmin: false };
    const privateOne = await createObjective(lena, org.objective("person", { title: "Private" }));
    const unseen = await thrown(async () =>
      newKeyResultRoute.loader(
        routeArgs(
          await signedInRequest(`/goals/objectives/${privateOne}/key-results/new`, org.otto.id),
          { objectiveId: privateOne },
        ),
      ),
    );
    expect(statusOf(unseen)).toBe(404);
    for (const n of [1, 2, 3, 4, 5]) await addKeyResult(lena, privateOne, metric(`Result ${n}`));
    const full = await thrown(async () =>
      newKeyResultRoute.loader(
        routeArgs(
          await signedInRequest(`/goals/objectives/${privateOne}/key-results/new`, org.lena.id),
          { objectiveId: privateOne },
        ),
      ),
    );
    expect(statusOf(full)).toBe(400);
  });
});
