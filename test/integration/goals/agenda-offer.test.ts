// A one-to-one's agenda offers the report's key results at risk or off track (issue 82, point 8),
// to both people of the one-to-one, through the goals services and the series page's loader and
// action, against a real database: which key results (last check-in at risk or off track, open
// period, readable by the viewer), to whom (the two; not a skip-level, not a series that is no
// longer theirs), added once whoever adds it, and never a key result the viewer may not read.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSeries } from "~/modules/conversations/series.server";
import {
  addKeyResult,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  keyResultsToOffer,
  keyResultToOneToOne,
} from "~/modules/goals/goals.server";
import * as clock from "~/platform/clock.server";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import { createPerson, type Person } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import {
  answerText,
  refused,
  routeArgs,
  statusOf,
  type RouteFunction,
} from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { goalsOrganisation, metric as baseMetric, type GoalsOrganisation } from "./fixtures";

const MARK = "MARK-not-yours-7c2b";

let admin: Person, director: Person, manager: Person, lena: Person, otto: Person;
let teamId: string, seriesId: string, skipId: string;
let atRisk: string, offTrack: string, onTrack: string, notYours: string, closed: string;
let objective: GoalsOrganisation["objective"];

const days = (n: number) => new Date(clock.now().getTime() + n * 24 * 60 * 60 * 1000);

const metric = (title: string, ownerEmail: string) =>
  baseMetric(title, {
    unit: "ms",
    direction: "decrease",
    startValue: 900,
    targetValue: 300,
    ownerEmail,
  });

const series = () => ({
  id: seriesId,
  managerId: manager.id,
  reportId: lena.id,
});

const offered = async (viewer: Person, of = series()) =>
  (await keyResultsToOffer(viewer, of)).map((row) => row.id).sort();

beforeAll(async () => {
  ({ admin, director, manager, lena, otto, teamId, objective } =
    await goalsOrganisation("Checkout 7c2b"));
  const team = await createObjective(manager, objective("team", { title: "Faster checkout" }));
  atRisk = (await addKeyResult(manager, team, metric("Checkout p95", lena.email))).id;
  onTrack = (await addKeyResult(manager, team, metric("Search p95", lena.email))).id;
  const own = await createObjective(lena, objective("person", { title: "Lena's growth" }));
  offTrack = (await addKeyResult(lena, own, metric("Build time", lena.email))).id;
  // Otto's own objective names Lena on a key result: she reads it; her manager may not.
  const ottos = await createObjective(otto, objective("person", { title: `Otto's ${MARK}` }));
  notYours = (await addKeyResult(otto, ottos, metric(`Cold start ${MARK}`, lena.email))).id;
  // A key result of a period that is closed now.
  const old = await createPeriod(admin, {
    name: "Long ago",
    startsOn: "2020-01-01",
    endsOn: "2020-03-31",
  });
  const oldObjective = await createObjective(
    manager,
    objective("team", { title: "Old checkout", periodId: old }),
  );
  closed = (await addKeyResult(manager, oldObjective, metric("Old p95", lena.email))).id;
  for (const [kr, confidence] of [
    [atRisk, "atRisk"],
    [onTrack, "onTrack"],
    [offTrack, "offTrack"],
    [notYours, "atRisk"],
    [closed, "atRisk"],
  ] as const)
    await checkIn(lena, kr, { value: 800, confidence, note: "" });
  await closePeriod(admin, old);
  const start = (kind: "one-to-one" | "skip-level", by: Person) =>
    startSeries(
      { id: by.id, isAdmin: false },
      { kind, managerId: by.id, reportId: lena.id, cadence: "monthly", firstAt: days(3) },
    );
  seriesId = await start("one-to-one", manager);
  skipId = await start("skip-level", director);
});

describe("what a one-to-one's agenda offers", () => {
  test("the report's key results at risk or off track in an open period, to the report and to her manager", async () => {
    expect(await offered(manager)).toEqual([atRisk, offTrack].sort());
    expect(await offered(lena)).toEqual([atRisk, offTrack, notYours].sort());
  });

  test("nothing to anyone but the two, nor on a skip-level", async () => {
    expect(await offered(director)).toEqual([]);
    expect(await offered(otto)).toEqual([]);
    const skip = { id: skipId, managerId: director.id, reportId: lena.id };
    expect(await offered(lena, skip)).toEqual([]);
    expect(await offered(director, skip)).toEqual([]);
  });

  test("a key result the manager may not read is never offered to them, nor taken by them", async () => {
    const mine = await keyResultsToOffer(manager, series());
    expect(JSON.stringify(mine)).not.toContain(MARK);
    expect(await refused(() => keyResultToOneToOne(manager, notYours, "en"))).toBe("not-found");
    // The page's `.data` carries what the page shows, and nothing of it.
    const text = await answerText(
      seriesRoute.loader as RouteFunction,
      await signedInRequest(`/conversations/${seriesId}`, manager.id),
      { seriesId },
    );
    expect(text.startsWith("200")).toBe(true);
    expect(text).toContain("Checkout p95");
    expect(text).not.toContain(MARK);
    const forLena = await answerText(
      seriesRoute.loader as RouteFunction,
      await signedInRequest(`/conversations/${seriesId}`, lena.id),
      { seriesId },
    );
    expect(forLena).toContain(MARK);
    const page = await renderPage(
      seriesRoute as unknown as PageModule,
      "/conversations/:seriesId",
      `/conversations/${seriesId}`,
      manager.id,
    );
    expect(page.html).toContain("Key results at risk or off track");
    expect(page.html).toContain("Checkout p95: at risk at the last check-in");
    expect(page.html).toContain("Add to the agenda");
    expect(page.html).not.toContain(MARK);
  });

  test("only the two of them take one, the manager of the owner and no one higher up", async () => {
    expect(await refused(() => keyResultToOneToOne(director, atRisk, "en"))).toBe("forbidden");
    expect(await refused(() => keyResultToOneToOne(otto, atRisk, "en"))).toBe("forbidden");
    expect(await refused(() => keyResultToOneToOne(manager, onTrack, "en"))).toBe("forbidden");
    expect(await refused(() => keyResultToOneToOne(lena, closed, "en"))).toBe("forbidden");
  });
});

describe("adding an offered key result to the agenda", () => {
  test("one click by the manager adds it in their words; the report's click does not add it twice; it is no longer offered", async () => {
    const answer = await seriesRoute.action(
      routeArgs(
        await signedInPost(`/conversations/${seriesId}`, manager.id, {
          intent: "key-result",
          keyResultId: atRisk,
        }),
        { seriesId },
      ),
    );
    expect(statusOf(answer)).toBe(302);
    expect(await keyResultToOneToOne(lena, atRisk, "de")).toMatchObject({ ok: true, seriesId });
    const points = await db.conversationPoint.findMany({
      where: { seriesId, sourceKey: `key-result:${atRisk}` },
      select: { text: true, authorId: true, source: true },
    });
    expect(points).toEqual([
      {
        text: "Key result at risk: Checkout p95 (objective: Faster checkout). What would help?",
        authorId: manager.id,
        source: "goal",
      },
    ]);
    expect(await offered(manager)).toEqual([offTrack]);
    expect(await offered(lena)).not.toContain(atRisk);
  });

  test("the manager's taking it from another page goes to their one-to-one with the owner", async () => {
    expect(await keyResultToOneToOne(manager, offTrack, "en")).toMatchObject({
      ok: true,
      seriesId,
    });
    expect(await offered(manager)).toEqual([]);
  });

  test("a series that is no longer between the owner and her manager offers nothing", async () => {
    const newManager = await createPerson({ name: "Nia Newmanager", teamId });
    await db.user.update({ where: { id: lena.id }, data: { managerId: newManager.id } });
    expect(await offered(lena)).toEqual([]);
    expect(await offered(manager)).toEqual([]);
    await db.user.update({ where: { id: lena.id }, data: { managerId: manager.id } });
  });
});
