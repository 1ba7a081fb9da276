// The one-to-one pulse read on the team page again and again: it changes only by a whole batch of answers (decision 075).
import { describe, expect, test } from "vitest";
import * as teamRoute from "~/routes/team";
import { answerPulse } from "~/modules/conversations/pulse.server";
import { startSeries } from "~/modules/conversations/series.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function team(reportCount: number) {
  const manager = await createPerson({ name: "Pia Manager", track: "manager", level: "m1" });
  const reports: { id: string }[] = [];
  const series: string[] = [];
  for (let index = 0; index < reportCount; index++) {
    const report = await createPerson({
      name: `Report ${index + 1}`,
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    reports.push(report);
    series.push(
      await startSeries(
        { id: manager.id, isAdmin: false },
        {
          kind: "one-to-one",
          managerId: manager.id,
          reportId: report.id,
          cadence: "weekly",
          firstAt: new Date(Date.now() + 3 * DAY),
        },
        daysAgo(400),
      ),
    );
  }
  const answer = (index: number, score: number, at: Date) =>
    answerPulse({ id: reports[index]!.id, isAdmin: false }, series[index]!, score, at);
  return { manager, answer };
}

/** The pulse in the team page's loader data, as the browser receives it. */
async function pulseOnTeamPage(managerId: string): Promise<unknown> {
  const body = bodyOf<{ conversations: { pulse: unknown } }>(
    await teamRoute.loader(routeArgs(await signedInRequest("/team", managerId))),
  );
  return JSON.parse(JSON.stringify(body.conversations.pulse)) as unknown;
}

describe("the pulse over time", () => {
  test("tells the manager nothing of the first answers, and then moves only when a whole batch more is in, not with one more answer or a changed one", async () => {
    const { manager, answer } = await team(5);
    const before = await pulseOnTeamPage(manager.id);
    await answer(0, 5, daysAgo(30));
    // Not even that someone answered.
    expect(await pulseOnTeamPage(manager.id)).toEqual(before);
    await answer(1, 3, daysAgo(29));
    await answer(2, 4, daysAgo(28));
    expect(await pulseOnTeamPage(manager.id)).toEqual(before);
    await answer(3, 4, daysAgo(27));
    const four = await pulseOnTeamPage(manager.id);
    expect(four).toEqual({ mean: 4 });

    // A fifth score would be 5 × mean − 4 × 4; a changed answer the difference of two.
    await answer(4, 1, daysAgo(20));
    expect(await pulseOnTeamPage(manager.id)).toEqual(four);
    await answer(0, 1, daysAgo(10));
    expect(await pulseOnTeamPage(manager.id)).toEqual(four);
    await answer(1, 1, daysAgo(9));
    // The fifth report again: still three different reports since the first batch.
    await answer(4, 2, daysAgo(8));
    expect(await pulseOnTeamPage(manager.id)).toEqual(four);
    // A fourth completes a batch: (5 + 3 + 4 + 4 + 2 + 1 + 1 + 2) / 8.
    await answer(3, 2, daysAgo(7));
    expect(await pulseOnTeamPage(manager.id)).toEqual({ mean: 2.8 });
  });

  test("lets a batch leave the 180-day window whole, never one answer of it", async () => {
    const { manager, answer } = await team(5);
    const before = await pulseOnTeamPage(manager.id);
    for (const index of [0, 1, 2]) await answer(index, 4, daysAgo(200));
    // The batch closed inside the window: it is shown, though most of it is older.
    await answer(3, 2, daysAgo(170));
    expect(await pulseOnTeamPage(manager.id)).toEqual({ mean: 3.5 });

    const { manager: other, answer: answerOther } = await team(5);
    for (const index of [0, 1, 2, 3]) await answerOther(index, 4, daysAgo(200));
    await answerOther(4, 1, daysAgo(5));
    // The batch left the window whole; the one later answer alone is not shown, nor that it exists.
    expect(await pulseOnTeamPage(other.id)).toEqual(before);
  });
});
