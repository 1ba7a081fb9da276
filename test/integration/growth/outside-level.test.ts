import { describe, expect, test } from "vitest";
import { competenciesForLevel } from "~/modules/ladders";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { loader as historyLoader } from "~/routes/people.$personId.history";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as printLoader } from "~/routes/people.$personId.print";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { createAssessment, reviewOrganisation } from "./profile-factories";

type Growth = Awaited<ReturnType<typeof growthLoader>>;
type HistoryData = Awaited<ReturnType<typeof historyLoader>>;
type PrintData = Awaited<ReturnType<typeof printLoader>>;

const load = async <T>(
  loader: (args: never) => Promise<unknown>,
  path: string,
  viewerId: string,
  personId: string,
) =>
  bodyOf<T>(await loader(routeArgs(await signedInRequest(path, viewerId), { personId }) as never));

describe("a review that rated a competency outside the person's level", () => {
  test("side by side, history and print name it from the assessment's ladder version, mark it, and count agreement over the level's competencies only", async () => {
    const { engineer, manager } = await reviewOrganisation();
    const served = (await ladderForLevel("ic2"))!;
    const levelCount = competenciesForLevel(served.ladder, "ic2").length;
    // Technical direction applies from Senior Engineer on: an Engineer II is not rated on it (an older review was).
    expect(
      competenciesForLevel(served.ladder, "ic2").map((competency) => competency.id),
    ).not.toContain("technical-direction");
    const ratings = (rating: number) => [
      { competencyId: "code-quality", rating: 3 },
      { competencyId: "testing", rating },
      { competencyId: "technical-direction", rating: 2 },
    ];
    await createAssessment({
      kind: "self",
      subjectId: engineer.id,
      authorId: engineer.id,
      ratings: ratings(3),
    });
    await createAssessment({
      kind: "manager",
      subjectId: engineer.id,
      authorId: manager.id,
      ratings: ratings(2),
    });

    const growth = await load<Growth>(
      growthLoader as never,
      `/people/${engineer.id}`,
      manager.id,
      engineer.id,
    );
    const { rows, counts } = growth.sideBySide!.comparison;
    const outside = rows.find((row) => row.competencyId === "technical-direction")!;
    expect(outside).toMatchObject({ name: "Technical direction and vision", outsideLevel: true });
    expect(rows.filter((row) => row.outsideLevel)).toHaveLength(1);
    expect(counts).toMatchObject({
      total: levelCount,
      same: 1,
      differs: 1,
      "strongly-differs": 0,
      incomplete: levelCount - 2,
      outsideLevel: 1,
    });

    const history = await load<HistoryData>(
      historyLoader as never,
      `/people/${engineer.id}/history`,
      manager.id,
      engineer.id,
    );
    expect(
      history.history.rows.find((row) => row.competencyId === "technical-direction"),
    ).toMatchObject({ name: "Technical direction and vision", outsideLevel: true });
    expect(history.history.rows.filter((row) => !row.outsideLevel)).toHaveLength(levelCount);

    const print = await load<PrintData>(
      printLoader as never,
      `/people/${engineer.id}/print`,
      manager.id,
      engineer.id,
    );
    expect(print.rows.find((row) => row.competencyId === "technical-direction")).toMatchObject({
      name: "Technical direction and vision",
      outsideLevel: true,
    });
    expect(print.counts).toEqual(counts);
  });
});
