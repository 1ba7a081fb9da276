// An objective's page is sent as HTML, its forms redirecting to it with what they did in `?done=`
// (so a reload never posts again); a new key result is written on a page of its own (decision 152),
// sent as HTML too, its output check asked by the page's one script (decision 162).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addKeyResult, createObjective } from "~/modules/goals/goals.server";
import { hashToken } from "~/modules/identity/scim/tokens.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import * as objectiveRoute from "~/routes/goals.objectives.$objectiveId";
import * as newKeyResultRoute from "~/routes/goals.objectives.$objectiveId_.key-results.new";
import * as adviceRoute from "~/routes/goals.key-results.advice";
import { carryOnce } from "~/utils/shown-once.server";
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
  test("is sent without the app's scripts; adding a key result is a link to its own page, sent so too", async () => {
    const page = await documentFor(org.lena.id, path());
    expect(page.status).toBe(200);
    expect(page.body).toContain("Lena&#x27;s objective");
    expect(page.body).not.toMatch(moduleScript);
    expect(page.body).toContain(`href="${newPath()}"`);
    const form = await documentFor(org.lena.id, newPath());
    expect(form.status).toBe(200);
    expect(form.body).not.toMatch(moduleScript);
    // The page's one script asks the check as the title is typed; every kind's fields are there,
    // the stylesheet hiding those the kind chosen does not use.
    expect(form.body).toContain('data-advice="/goals/key-results/advice"');
    expect(form.body).toMatch(/data-advice-key="output" hidden=""/);
    for (const field of ["unit", "direction", "startValue", "targetValue"])
      expect(form.body).toContain(`name="${field}"`);
  });

  test("the output check answers the page's script: advice for an output, none for an outcome, only to someone signed in", async () => {
    const advice = async (title: string, unit = "") => {
      const answer = await adviceRoute.loader(
        routeArgs(
          await signedInRequest(
            `/goals/key-results/advice?${new URLSearchParams({ title, unit })}`,
            org.otto.id,
          ),
        ),
      );
      return (answer as Response).json();
    };
    expect(await advice("Launch the new deploy pipeline")).toEqual({ advice: ["output"] });
    expect(await advice("Close 40 tickets", "tickets")).toEqual({ advice: ["output"] });
    expect(await advice("Weekly active teams from 40 to 60", "teams")).toEqual({ advice: [] });
    const signedOut = await thrown(async () =>
      adviceRoute.loader(
        routeArgs(new Request("http://localhost/goals/key-results/advice?title=Ship+it")),
      ),
    );
    expect(statusOf(signedOut)).toBe(302);
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

describe("a check-in token issued on the page", () => {
  const cookieOf = (setCookie: string | string[] | undefined) =>
    [setCookie ?? []].flat().find((line) => line.startsWith("rungs_shown_once="));
  async function issue(personId: string) {
    const session = (await startSession(personId)).split(";")[0]!;
    const posted = await app.server.send(
      "POST",
      path(),
      {
        Cookie: session,
        Origin: app.server.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept-Language": "en",
      },
      new URLSearchParams({ intent: "token", keyResultId }).toString(),
    );
    return { session, posted };
  }
  const tokenIn = (html: string) => /rungs_api_[A-Za-z0-9_-]{40,}/.exec(html)?.[0] ?? null;

  test("is carried to the page once across the form's redirect, and gone on a reload", async () => {
    const { session, posted } = await issue(org.lena.id);
    expect(posted.status).toBe(302);
    expect(posted.headers.location).toBe(`${path()}?done=tokenIssued#kr-${keyResultId}`);
    const carried = cookieOf(posted.headers["set-cookie"])!;
    // Only to the objectives' folder (the page and its .data answer), only from this site, for two
    // minutes, out of the page's scripts' reach.
    expect(carried).toContain("Path=/goals/objectives;");
    expect(carried).toMatch(/HttpOnly/i);
    expect(carried).toMatch(/SameSite=Strict/i);
    expect(carried).toContain("Max-Age=120");
    const headers = { Cookie: `${session}; ${carried.split(";")[0]}`, "Accept-Language": "en" };
    const shown = await app.server.send("GET", `${path()}?done=tokenIssued`, headers);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain("Token issued.");
    expect(shown.body).toContain("Copy this token now: it is shown once.");
    const token = tokenIn(shown.body)!;
    const stored = await db.apiToken.findFirstOrThrow({
      where: { personId: org.lena.id, keyResults: { some: { keyResultId } } },
      orderBy: { createdAt: "desc" },
      select: { tokenHash: true },
    });
    expect(stored.tokenHash).toBe(hashToken(token));
    // The answer that shows it drops the cookie; a reload shows no token and issues none.
    expect(cookieOf(shown.headers["set-cookie"])).toMatch(/Max-Age=0/);
    const tokens = await db.apiToken.count({ where: { personId: org.lena.id } });
    const reloaded = await app.server.send("GET", `${path()}?done=tokenIssued`, {
      Cookie: session,
      "Accept-Language": "en",
    });
    expect(reloaded.status).toBe(200);
    expect(tokenIn(reloaded.body)).toBeNull();
    expect(await db.apiToken.count({ where: { personId: org.lena.id } })).toBe(tokens);
  });

  test("is shown only to its own person while it works: another reader, a revoked token and a made-up one show nothing", async () => {
    const { posted } = await issue(org.lena.id);
    const carried = cookieOf(posted.headers["set-cookie"])!.split(";")[0]!;
    // Otto reads the objective (open to everyone since the sharing test) with Lena's cookie.
    const asOtto = await app.server.send("GET", path(), {
      Cookie: `${(await startSession(org.otto.id)).split(";")[0]!}; ${carried}`,
      "Accept-Language": "en",
    });
    expect(asOtto.status).toBe(200);
    expect(tokenIn(asOtto.body)).toBeNull();
    const lena = (await startSession(org.lena.id)).split(";")[0]!;
    const madeUp = (await carryOnce(path(), { token: `rungs_api_${"x".repeat(43)}` })).split(
      ";",
    )[0]!;
    const withMadeUp = await app.server.send("GET", path(), {
      Cookie: `${lena}; ${madeUp}`,
      "Accept-Language": "en",
    });
    expect(withMadeUp.status).toBe(200);
    expect(tokenIn(withMadeUp.body)).toBeNull();
    await db.apiToken.updateMany({
      where: { personId: org.lena.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const revoked = await app.server.send("GET", path(), {
      Cookie: `${lena}; ${carried}`,
      "Accept-Language": "en",
    });
    expect(revoked.status).toBe(200);
    expect(tokenIn(revoked.body)).toBeNull();
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
