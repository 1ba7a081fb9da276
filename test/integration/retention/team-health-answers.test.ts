// The retention rule for team health answers (decision 113), through the admin's rules and the daily
// pass: a team's answers in a check-in are deleted together once the rule's months have passed since
// it closed, counted first on the admin page; the figures its results showed are kept, so the results,
// the next check-in's change and the trend read the same afterwards; comments go with the answers, and
// so do the answers by group of the check-in's quarter (decision 126).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import {
  closeCheckIn,
  startCheckIn,
  submitAnswer,
  teamResults,
} from "~/modules/team-health/team-health.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import { retentionPage, setRules } from "~/modules/retention/retention.server";
import { createPerson } from "../../utils/factories";

type Person = Awaited<ReturnType<typeof createPerson>>;

const MARK = "HEALTH-RETAINED-COMMENT-61ad";
const DAY = 86_400_000;
const T0 = new Date("2025-01-06T09:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const all = (value: number) => Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, value]));
const RULES = {
  privateNotes: null,
  feedbackTexts: null,
  leavers: null,
  othersTexts: "keep" as const,
  candidateDays: null,
};

let admin: Person, manager: Person, falcons: Person[];
let teamId: string, first: string, second: string;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  manager = await createPerson({ name: "Maya Manager" });
  teamId = (await db.team.create({ data: { name: "Falcons" } })).id;
  falcons = [];
  for (const name of ["Ari", "Bea", "Cem", "Dov", "Eli", "Fay"])
    falcons.push(
      // One track: each answer is also stored by group (decision 126).
      await createPerson({
        name: `${name} Falcon`,
        teamId,
        managerId: manager.id,
        track: "engineering",
      }),
    );
  const start = (day: number) =>
    startCheckIn(
      manager,
      { teamIds: [teamId], libraryItems: [], askComment: true, days: 7 },
      at(day),
    );
  // The first check-in: a whole batch of four (one with a comment) and a late fifth, closed by hand.
  first = await start(0);
  for (const [index, value] of [2, 4, 5, 6, 7].entries())
    await submitAnswer(
      falcons[index]!,
      first,
      { values: all(value), comment: index === 1 ? `Deploys scare us ${MARK}` : "" },
      at(1),
    );
  await closeCheckIn(manager, first, at(3));
  // The next, a quarter later: its change is worked out against the first's score.
  second = await start(90);
  for (const [index, value] of [3, 5, 6, 7].entries())
    await submitAnswer(falcons[index]!, second, { values: all(value), comment: "" }, at(91));
});

const responsesOf = (checkInId: string) =>
  db.teamHealthResponse.count({ where: { checkInTeam: { checkInId } } });

/** What the results page shows of a check-in's figures (its loader reads this service). */
const shown = async (checkInId: string, now: Date) => {
  const view = await teamResults(manager, checkInId, teamId, now);
  return {
    answers: view.answers,
    asked: view.asked,
    items: view.items,
    score: view.score,
    change: view.change,
    furthest: view.furthest,
    helped: view.helped,
    trend: view.trend,
    releasedAt: view.releasedAt,
  };
};

describe("the retention rule for team health answers", () => {
  test("empty keeps them, however old", async () => {
    await setRules(admin, { ...RULES, teamHealthAnswers: null });
    const later = at(3650);
    expect((await retentionPage(admin, later)).next.teamHealthAnswers).toBe(0);
    expect((await runRetentionPass(later)).removed.teamHealthAnswers).toBe(0);
    expect(await responsesOf(first)).toBe(5);
  });

  test("deletes a check-in's answers once its months have passed since it closed, keeping the figures the pages showed", async () => {
    await setRules(admin, { ...RULES, teamHealthAnswers: 12 });
    expect((await retentionPage(admin, at(100))).rules.teamHealthAnswers).toBe(12);
    const readAt = at(200);
    const firstBefore = await shown(first, readAt);
    const secondBefore = await shown(second, readAt);
    expect(firstBefore.answers).toBe(4);
    expect(secondBefore.change).not.toBeNull();
    expect((await teamResults(manager, first, teamId, readAt)).comments).toEqual([
      `Deploys scare us ${MARK}`,
    ]);

    // Eleven months after the close: nothing is due.
    const early = at(3 + 334);
    expect((await retentionPage(admin, early)).next.teamHealthAnswers).toBe(0);
    expect((await runRetentionPass(early)).removed.teamHealthAnswers).toBe(0);
    expect(await responsesOf(first)).toBe(5);

    // Twelve months after the close of the first (the second closed a quarter later, not yet):
    // the page counts the first's five answers, the late one included, and the pass removes them.
    const due = at(3 + 366);
    expect((await retentionPage(admin, due)).next.teamHealthAnswers).toBe(5);
    const pass = await runRetentionPass(due);
    expect(pass.removed.teamHealthAnswers).toBe(5);
    expect(pass.failed).toEqual([]);
    expect(await responsesOf(first)).toBe(0);
    expect(await responsesOf(second)).toBe(4);

    // The figures read the same, the next check-in's change and the trend with them.
    expect(await shown(first, due)).toEqual({ ...firstBefore });
    expect(await shown(second, due)).toEqual({ ...secondBefore });
    // The comment went with the answers.
    expect((await teamResults(manager, first, teamId, due)).comments).toEqual([]);
    const kept = await db.teamHealthTeam.findFirstOrThrow({
      where: { checkInId: first },
      select: { keptFigures: true, answersRemovedAt: true },
    });
    expect(kept.answersRemovedAt).toEqual(due);
    expect(kept.keptFigures).not.toContain(MARK);
    expect(kept.keptFigures).not.toMatch(/scaleRows|comments/);

    // Audited, counted, never quoted; nothing is left for the next pass.
    const audit = await db.auditEvent.findMany({
      where: { action: "retention.team_health_answers_removed" },
      select: { actorId: true, detail: true },
    });
    expect(audit).toEqual([{ actorId: null, detail: { count: 5 } }]);
    expect((await retentionPage(admin, due)).next.teamHealthAnswers).toBe(0);
    expect((await runRetentionPass(due)).removed.teamHealthAnswers).toBe(0);
  });
});
