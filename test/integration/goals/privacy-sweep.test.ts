// A person's objective reaches only who may read it: its text carries a marker, and each role reads
// every goals page (the loader data a page's `.data` carries, and the rendered page) and its own
// export's goals. The owner, their manager chain, whom they share it with and the people named on
// its key results read it; a peer, an outsider and an admin get a 404 on its page and nothing of it
// anywhere else.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { readerOf, sectionReaders } from "~/modules/data-rights/collect.server";
import {
  addKeyResult,
  checkIn,
  createObjective,
  shareObjective,
} from "~/modules/goals/goals.server";
import * as clock from "~/platform/clock.server";
import * as treeRoute from "~/routes/goals._index";
import * as newRoute from "~/routes/goals.objectives.new";
import * as objectiveRoute from "~/routes/goals.objectives.$objectiveId";
import * as newKeyResultRoute from "~/routes/goals.objectives.$objectiveId_.key-results.new";
import * as adminRoute from "~/routes/admin.goals";
import { createPerson } from "../../utils/factories";
import { quarterPeriod } from "./fixtures";
import { renderPage, type PageModule } from "../../utils/render-page";
import { answerText, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type Person = Awaited<ReturnType<typeof createPerson>>;
const MARK = "MARK-private-9a4f";
let org: Record<
  "admin" | "director" | "manager" | "lena" | "omar" | "pia" | "otto" | "friend",
  Person
>;
let privateId: string, teamObjectiveId: string;

beforeAll(async () => {
  const teamId = (await db.team.create({ data: { name: "Platform 9a4f" } })).id;
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const director = await createPerson({ name: "Dee Director" });
  const manager = await createPerson({ name: "Sam Manager", managerId: director.id, teamId });
  const lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    teamId,
  });
  const omar = await createPerson({ name: "Omar Contributor", managerId: manager.id, teamId });
  const pia = await createPerson({ name: "Pia Peer", managerId: manager.id, teamId });
  const otto = await createPerson({ name: "Otto Outsider" });
  const friend = await createPerson({ name: "Fay Friend" });
  org = { admin, director, manager, lena, omar, pia, otto, friend };
  const periodId = await quarterPeriod(admin);
  teamObjectiveId = await createObjective(manager, {
    periodId,
    level: "team",
    teamId,
    title: "Platform reliability",
    why: "",
    commitment: "committed",
    parentId: null,
  });
  privateId = await createObjective(lena, {
    periodId,
    level: "person",
    teamId: null,
    title: `Lena's ${MARK}`,
    why: `Why ${MARK}`,
    commitment: "aspirational",
    parentId: teamObjectiveId,
  });
  const { id: kr } = await addKeyResult(lena, privateId, {
    title: `Talks given ${MARK}`,
    kind: "metric",
    unit: "talks",
    direction: "increase",
    startValue: 0,
    targetValue: 3,
    contributorEmails: omar.email,
  });
  await checkIn(lena, kr, { value: 1, confidence: "onTrack", note: `Note ${MARK}` });
  await shareObjective(lena, privateId, { email: friend.email, shared: true });
});

const readers = ["lena", "manager", "director", "friend", "omar"] as const;
const strangers = ["pia", "otto", "admin"] as const;

async function everything(viewer: Person): Promise<string> {
  const texts = await Promise.all([
    answerText(treeRoute.loader as RouteFunction, await signedInRequest("/goals", viewer.id)),
    answerText(
      treeRoute.loader as RouteFunction,
      await signedInRequest("/goals?filter=team", viewer.id),
    ),
    answerText(
      newRoute.loader as RouteFunction,
      await signedInRequest("/goals/objectives/new", viewer.id),
    ),
    answerText(
      objectiveRoute.loader as RouteFunction,
      await signedInRequest(`/goals/objectives/${teamObjectiveId}`, viewer.id),
      { objectiveId: teamObjectiveId },
    ),
    answerText(
      adminRoute.loader as RouteFunction,
      await signedInRequest("/admin/goals", viewer.id),
    ),
  ]);
  const goals = await goalsExportOf(viewer);
  const tree = await renderPage(treeRoute as unknown as PageModule, "/goals", "/goals", viewer.id);
  return [...texts, JSON.stringify(goals), tree.html].join("\n");
}

/** The goals section of a person's export, as its build reads it. */
const goalsExportOf = (person: { id: string; name: string; email: string }) =>
  sectionReaders(readerOf(person), "en", clock.now())
    .find((entry) => entry.section === "goals")!
    .read();

describe("a person's private objective", () => {
  test.each(readers)("%s reads it on its page", async (who) => {
    const text = await answerText(
      objectiveRoute.loader as RouteFunction,
      await signedInRequest(`/goals/objectives/${privateId}`, org[who].id),
      { objectiveId: privateId },
    );
    expect(text.startsWith("200")).toBe(true);
    expect(text).toContain(MARK);
  });

  test.each(strangers)("%s gets a 404 on its page, as if it did not exist", async (who) => {
    const text = await answerText(
      objectiveRoute.loader as RouteFunction,
      await signedInRequest(`/goals/objectives/${privateId}`, org[who].id),
      { objectiveId: privateId },
    );
    expect(text.startsWith("404")).toBe(true);
    expect(text).not.toContain(MARK);
  });

  test.each(strangers)("%s gets a 404 on its new key result's page too", async (who) => {
    const text = await answerText(
      newKeyResultRoute.loader as RouteFunction,
      await signedInRequest(`/goals/objectives/${privateId}/key-results/new`, org[who].id),
      { objectiveId: privateId },
    );
    expect(text.startsWith("404")).toBe(true);
    expect(text).not.toContain(MARK);
  });

  test.each(strangers)(
    "%s finds nothing of it on any goals page, in `.data` or in their own export",
    async (who) => {
      expect(await everything(org[who])).not.toContain(MARK);
    },
  );

  test("a contributor's export carries it, without the owner's check-in notes", async () => {
    const goals = await goalsExportOf(org.omar);
    expect(JSON.stringify(goals)).toContain(`Lena's ${MARK}`);
    expect(JSON.stringify(goals)).not.toContain(`Note ${MARK}`);
  });

  test("its owner's export carries it with the check-in they sent; the tree shows it to their chain", async () => {
    const goals = await goalsExportOf(org.lena);
    expect(JSON.stringify(goals)).toContain(`Note ${MARK}`);
    expect(await everything(org.director)).toContain(MARK);
  });

  test("the admins' page is admins' alone", async () => {
    const text = await answerText(
      adminRoute.loader as RouteFunction,
      await signedInRequest("/admin/goals", org.manager.id),
    );
    expect(text.startsWith("404")).toBe(true);
  });
});
