import { describe, expect, it } from "vitest";
import { previousLevel, nextLevel } from "~/modules/ladders";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { branchesAfter, ladderPaths } from "~/modules/ladders/paths";
import type { LadderSource } from "~/modules/ladders/source-text";
import { errorLines, FIXTURES, fixtureWith, loadValid, readSources } from "./helpers";

const V = `${FIXTURES}/valid`;
const MANAGER = `${V}/tracks/manager.yaml`;
const LADDER = `${V}/ladder.yaml`;
const check = (sources: LadderSource[]) => errorLines(loadLadderFromSources(sources));
const managerBranchingFrom = (level: string) =>
  fixtureWith(
    "tracks/manager.yaml",
    "    description: Managers who grow through the teams they lead.\n",
    `    description: Managers who grow through the teams they lead.\n    branchesFrom: ${level}\n`,
  );

describe("branching paths", () => {
  it("a track that branches from a level shares the levels up to it: the branch's first level comes after it", () => {
    const ladder = loadValid(managerBranchingFrom("ic1"));
    expect(ladder.tracks.find((track) => track.id === "manager")!.branchesFrom).toEqual({
      trackId: "ic",
      levelId: "ic1",
    });
    expect(ladder.tracks.find((track) => track.id === "ic")!.branchesFrom).toBeNull();
    expect(previousLevel(ladder, "m1")?.id).toBe("ic1");
    expect(previousLevel(ladder, "m2")?.id).toBe("m1");
    expect(nextLevel(ladder, "ic1")?.id).toBe("ic2");
    expect(branchesAfter(ladder, "ic1")).toEqual([
      {
        trackId: "manager",
        trackName: "Engineering manager",
        levelId: "m1",
        title: "Engineering Manager",
      },
    ]);
    expect(branchesAfter(ladder, "ic2")).toEqual([]);
  });

  it("the paths picture puts the branch beside the levels its equivalence rows name, after the level it splits off", () => {
    const picture = ladderPaths(loadValid(managerBranchingFrom("ic1")));
    expect(picture.columns).toBe(3);
    expect(
      picture.lanes.map((lane) => [
        lane.trackId,
        lane.branch?.levelId ?? null,
        lane.levels.map((level) => `${level.id}@${level.column}`),
      ]),
    ).toEqual([
      ["ic", null, ["ic1@0", "ic2@1", "ic3@2"]],
      ["manager", "ic1", ["m1@1", "m2@2"]],
    ]);
    expect(picture.lanes[1]!.branch).toMatchObject({
      title: "Engineer I",
      trackName: "Individual contributor",
    });
  });

  it("without equivalence rows, a branch starts just after the level it splits off; a branch listed first still comes after its parent", () => {
    const sources = managerBranchingFrom("ic2");
    const ladder = sources.find((source) => source.file === LADDER)!;
    ladder.text = (ladder.text as string).replace(/\nequivalence:[\s\S]*$/, "\n");
    const picture = ladderPaths(loadValid([...sources].reverse()));
    expect(
      picture.lanes.map((lane) => lane.levels.map((level) => `${level.id}@${level.column}`)),
    ).toEqual([
      ["ic1@0", "ic2@1", "ic3@2"],
      ["m1@2", "m2@3"],
    ]);
    expect(picture.columns).toBe(4);
  });

  it("an unknown level is an error where it is written, with a suggestion", () => {
    expect(check(managerBranchingFrom("ic11"))).toEqual([
      `${MANAGER}:5:19 tracks[0].branchesFrom: unknown level "ic11" (did you mean "ic1"?); name the level of another track after which this track splits off`,
    ]);
  });

  it("a level of the track itself is an error", () => {
    expect(check(managerBranchingFrom("m1"))).toEqual([
      `${MANAGER}:5:19 tracks[0].branchesFrom: "m1" is a level of this track; a track branches from a level of another track`,
    ]);
  });

  it("branches that go round in a circle are an error", () => {
    const sources = managerBranchingFrom("ic1");
    const ic = sources.find((source) => source.file === `${V}/tracks/ic.yaml`)!;
    ic.text = (ic.text as string).replace(
      "    name: Individual contributor\n",
      "    name: Individual contributor\n    branchesFrom: m1\n",
    );
    expect(check(sources)).toEqual(
      expect.arrayContaining([
        `${V}/tracks/ic.yaml:4:19 tracks[0].branchesFrom: branches go round in a circle (ic → manager → ic); one track must start at the bottom of the ladder`,
        `${MANAGER}:5:19 tracks[0].branchesFrom: branches go round in a circle (manager → ic → manager); one track must start at the bottom of the ladder`,
      ]),
    );
  });

  it("an equivalence row that puts a branch's level beside (or below) the level it splits off is an error", () => {
    // m1 beside ic2 contradicts a branch after ic2; m2 beside ic3 is fine.
    expect(check(managerBranchingFrom("ic2"))).toEqual([
      `${LADDER}:33:25 equivalence[0].manager: "m1" sits beside "ic2" here, but track "manager" branches from "ic2": its levels come after "ic2", so they sit beside more senior levels than it`,
    ]);
  });

  it("one level may carry other titles, written as one title or a list", () => {
    const one = fixtureWith(
      "tracks/manager.yaml",
      "        title: Engineering Manager\n",
      "        title: Engineering Manager\n        alsoTitled: Team Lead\n",
    );
    const list = fixtureWith(
      "tracks/manager.yaml",
      "        title: Engineering Manager\n",
      "        title: Engineering Manager\n        alsoTitled: [Team Lead]\n",
    );
    expect(loadValid(one)).toEqual(loadValid(list));
    expect(loadValid(one).tracks[1]!.levels[0]!.alsoTitled).toEqual(["Team Lead"]);
    expect(loadValid(readSources(V)).tracks[1]!.levels[0]!.alsoTitled).toEqual([]);
    expect(
      check(
        fixtureWith(
          "tracks/manager.yaml",
          "        title: Engineering Manager\n",
          "        title: Engineering Manager\n        alsoTitled: []\n",
        ),
      ),
    ).toEqual([
      `${MANAGER}:8:21 tracks[0].levels[0].alsoTitled: list at least one title, or leave \`alsoTitled\` out`,
    ]);
  });

  it("the product fixture: a branch and a level with two titles", () => {
    const product = loadValid(readSources(`${FIXTURES}/product`));
    const picture = ladderPaths(product);
    expect(
      picture.lanes.map((lane) => lane.levels.map((level) => `${level.id}@${level.column}`)),
    ).toEqual([["ic1@0", "p2@1", "p3@2"], ["gpm@2"]]);
    expect(picture.lanes[0]!.levels[2]!.alsoTitled).toEqual(["Product Lead"]);
  });
});
