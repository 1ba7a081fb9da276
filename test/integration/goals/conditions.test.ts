// Goals' rules at their edges, through the services and the new-objective page (each case here
// failed no other test when its condition was taken out of goals/policy.ts): the levels the form
// takes, who writes and edits an objective, which objectives a person's may support, that only a
// person's objective is shared, and who reflects, records a contribution and carries over.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  addKeyResult,
  carryOver,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  objectivePage,
  recordContribution,
  reflect,
  shareObjective,
} from "~/modules/goals/goals.server";
import * as clock from "~/platform/clock.server";
import * as newObjectiveRoute from "~/routes/goals.objectives.new";
import { type Person } from "../../utils/factories";
import { refused, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";
import { goalsOrganisation, metric, type GoalsOrganisation } from "./fixtures";

let admin: Person, manager: Person, lena: Person, omar: Person, otto: Person;
let teamId: string, periodId: string, nextPeriodId: string;
let objective: GoalsOrganisation["objective"];

beforeAll(async () => {
  ({ admin, manager, lena, omar, otto, teamId, periodId, nextPeriodId, objective } =
    await goalsOrganisation("Payments"));
});

describe("goals' rules at their edges", () => {
  test("the new-objective form takes a person's, a team's and the company's level, and nothing else", async () => {
    const post = async (viewer: Person, fields: Record<string, string>) =>
      newObjectiveRoute.action(
        routeArgs(
          await signedInPost("/goals/objectives/new", viewer.id, {
            periodId,
            title: "Through the form",
            commitment: "committed",
            ...fields,
          }),
        ),
      );
    expect(statusOf(await post(lena, { level: "person" }))).toBe(302);
    expect(statusOf(await post(manager, { level: "team", teamId }))).toBe(302);
    expect(statusOf(await post(admin, { level: "company" }))).toBe(302);
    expect(statusOf(await post(admin, { level: "department" }))).toBe(400);
  });

  test("an admin writes a team's objective too; whoever owns one edits it, as does whoever may write at its level; a teammate does not, nor anyone but its owner a person's objective opened to all", async () => {
    expect(await refused(() => createObjective(admin, objective("team")))).toBe("allowed");
    const owned = await createObjective(manager, objective("team", { ownerEmail: lena.email }));
    expect((await db.objective.findUniqueOrThrow({ where: { id: owned } })).ownerId).toBe(lena.id);
    expect(await refused(() => addKeyResult(lena, owned, metric("By its owner")))).toBe("allowed");
    expect(await refused(() => addKeyResult(manager, owned, metric("By its manager")))).toBe(
      "allowed",
    );
    expect(await refused(() => addKeyResult(omar, owned, metric("By a teammate")))).not.toBe(
      "allowed",
    );
    // A person's objective, opened to all: everyone reads it, its owner alone edits it.
    const lenas = await createObjective(lena, objective("person"));
    await shareObjective(lena, lenas, { openToAll: true });
    expect(await refused(() => addKeyResult(omar, lenas, metric("Not mine")))).toBe("forbidden");
    expect(await db.keyResult.count({ where: { objectiveId: lenas } })).toBe(0);
  });

  test("a person's objective supports a company one or a team one, never another person's", async () => {
    const company = await createObjective(admin, objective("company"));
    expect(
      await refused(() => createObjective(lena, objective("person", { parentId: company }))),
    ).toBe("allowed");
    const omars = await createObjective(omar, objective("person"));
    await shareObjective(omar, omars, { openToAll: true });
    expect(
      await refused(() => createObjective(lena, objective("person", { parentId: omars }))),
    ).toBe("invalid");
  });

  test("only a person's objective is shared or opened to all, even by the owner of a team's", async () => {
    const teamObjective = await createObjective(
      manager,
      objective("team", { ownerEmail: lena.email }),
    );
    expect(
      await refused(() => shareObjective(lena, teamObjective, { email: otto.email, shared: true })),
    ).toBe("forbidden");
    expect(await db.objectiveShare.count({ where: { objectiveId: teamObjective } })).toBe(0);
  });

  test("a contributor records their contribution but does not reflect; only an unfinished objective of a closed period is carried over, offered only to whoever may edit it", async () => {
    const old = await createPeriod(admin, {
      name: "2020 Q2",
      startsOn: "2020-04-01",
      endsOn: "2020-06-30",
    });
    const unfinished = await createObjective(lena, objective("person", { periodId: old }));
    const { id: kr } = await addKeyResult(lena, unfinished, {
      ...metric("Teams onboarded"),
      contributorEmails: omar.email,
    });
    await checkIn(lena, kr, { value: 50, confidence: "onTrack", note: "" });
    const finished = await createObjective(lena, objective("person", { periodId: old }));
    const { id: done } = await addKeyResult(lena, finished, metric("Teams migrated"));
    await checkIn(lena, done, { value: 60, confidence: "onTrack", note: "" });
    const competencyId = (await objectivePage(omar, unfinished)).competencies[0]!.id;
    expect(
      await refused(() =>
        recordContribution(omar, kr, {
          competencyId,
          text: "Paired on the migrations",
          url: null,
          occurredOn: clock.now(),
        }),
      ),
    ).toBe("allowed");
    const open = await createObjective(lena, objective("person"));
    await addKeyResult(lena, open, metric("Still running"));
    expect(await refused(() => carryOver(lena, open, nextPeriodId))).toBe("forbidden");

    await closePeriod(admin, old);
    expect(await refused(() => reflect(omar, kr, "Not mine to say"))).toBe("forbidden");
    expect((await db.keyResult.findUniqueOrThrow({ where: { id: kr } })).reflection).toBeNull();
    expect((await objectivePage(lena, unfinished)).canCarry).toBe(true);
    expect((await objectivePage(manager, unfinished)).canCarry).toBe(false);
    expect(await refused(() => carryOver(lena, finished, nextPeriodId))).toBe("forbidden");
    expect(await db.objective.count({ where: { carriedFromId: { not: null } } })).toBe(0);
  });
});
