// The goal tree's reads are kept under a version of everything they read (goalTreeVersion): each
// change below is written directly in the database, as another app server would write it, and each
// is the only part of the version it moves, so the tree must follow every part.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { goalsPage, objectivePage } from "~/modules/goals/goals.server";
import { goalsOrganisation } from "./fixtures";

test("the goal tree follows every change it is read from, written as another app server would write it", async () => {
  const org = await goalsOrganisation("Kept tree 7d2a");
  const { lena, omar, otto, manager, periodId } = org;
  // A team of nobody's, so deleting it moves no one's team.
  const teamId = (await db.team.create({ data: { name: "Kept team 7d2a" } })).id;
  const objective = (title: string, level: "team" | "person", ownerId: string) =>
    db.objective.create({
      data: {
        periodId,
        level,
        teamId: level === "team" ? teamId : null,
        ownerId,
        createdById: ownerId,
        title,
        commitment: "committed",
      },
    });
  const teamObjective = await objective("Kept team objective", "team", manager.id);
  const keyResult = await db.keyResult.create({
    data: {
      objectiveId: teamObjective.id,
      title: "Teams on the new pipeline",
      kind: "metric",
      unit: "teams",
      direction: "increase",
      startValue: 40,
      targetValue: 60,
      ownerId: manager.id,
    },
  });
  const first = await objective("Omar's first", "person", omar.id);
  const second = await objective("Omar's second", "person", omar.id);

  const tree = async () => (await goalsPage(lena, { periodId })).objectives;
  const shown = async (title: string) => (await tree()).find((row) => row.title === title);
  const titles = async () => (await tree()).map((row) => row.title).sort();

  const before = await tree();
  expect(await tree()).toEqual(before);
  expect(await shown("Kept team objective")).toMatchObject({
    ownerName: "Sam Manager",
    teamName: "Kept team 7d2a",
    keyResults: 1,
    progress: 0,
  });
  expect(await titles()).not.toContain("Omar's first");

  // The newest check-in: a value half way.
  await db.keyResultCheckIn.create({
    data: {
      keyResultId: keyResult.id,
      value: 50,
      confidence: "on-track",
      authorId: manager.id,
      at: new Date(),
    },
  });
  expect((await shown("Kept team objective"))?.progress).toBe(0.5);
  // A key result's change: a farther target.
  await db.keyResult.update({ where: { id: keyResult.id }, data: { targetValue: 90 } });
  expect((await shown("Kept team objective"))?.progress).toBe(0.2);
  // An objective's change.
  await db.objective.update({
    where: { id: teamObjective.id },
    data: { title: "Kept team objective, renamed" },
  });
  expect(await shown("Kept team objective, renamed")).toBeDefined();
  // A person's change: the owner's name.
  await db.user.update({ where: { id: manager.id }, data: { name: "Sam Renamed" } });
  expect((await shown("Kept team objective, renamed"))?.ownerName).toBe("Sam Renamed");
  // A team's change: its name.
  await db.team.update({ where: { id: teamId }, data: { name: "Kept team, renamed" } });
  expect((await shown("Kept team objective, renamed"))?.teamName).toBe("Kept team, renamed");
  // A team deleted while a newer one was written: only the count of teams moves.
  await db.team.create({ data: { name: "Kept newer team 7d2a" } });
  expect((await shown("Kept team objective, renamed"))?.teamName).toBe("Kept team, renamed");
  await db.team.delete({ where: { id: teamId } });
  expect((await shown("Kept team objective, renamed"))?.teamName).toBeNull();

  // Shares: one with Lena shows Omar's objective to her.
  await db.objectiveShare.create({ data: { objectiveId: first.id, personId: lena.id } });
  expect(await titles()).toContain("Omar's first");
  // Her share removed while a newer one stays: only the count of shares moves.
  await db.objectiveShare.create({ data: { objectiveId: first.id, personId: otto.id } });
  expect(await titles()).toContain("Omar's first");
  await db.objectiveShare.delete({
    where: { objectiveId_personId: { objectiveId: first.id, personId: lena.id } },
  });
  expect(await titles()).not.toContain("Omar's first");
  // One share removed and a newer one added: only the newest share moves.
  await db.$transaction([
    db.objectiveShare.delete({
      where: { objectiveId_personId: { objectiveId: first.id, personId: otto.id } },
    }),
    db.objectiveShare.create({ data: { objectiveId: second.id, personId: lena.id } }),
  ]);
  expect(await titles()).toContain("Omar's second");
});

test("an objective's page of supporters follows the same version", async () => {
  const { lena, omar, admin, periodId } = await goalsOrganisation("Kept supporters 7d2a");
  const company = await db.objective.create({
    data: {
      periodId,
      level: "company",
      ownerId: admin.id,
      createdById: admin.id,
      title: "Kept company objective",
      commitment: "committed",
    },
  });
  const supporting = await db.objective.create({
    data: {
      periodId,
      level: "person",
      ownerId: omar.id,
      createdById: omar.id,
      title: "Omar's supporting",
      commitment: "committed",
      parentId: company.id,
    },
  });
  const supporters = async () =>
    (await objectivePage(lena, company.id)).supporters.map((row) => row.title);

  expect(await supporters()).toEqual([]);
  await db.objectiveShare.create({ data: { objectiveId: supporting.id, personId: lena.id } });
  expect(await supporters()).toEqual(["Omar's supporting"]);
  await db.objective.update({ where: { id: supporting.id }, data: { title: "Omar's, renamed" } });
  expect(await supporters()).toEqual(["Omar's, renamed"]);
});
