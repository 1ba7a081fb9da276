import { formatLadderError, type Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

/** The ladder Rungs ships, as the hiring tests read it. */
export function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok)
    throw new Error(
      `the shipped ladder does not load:\n${result.errors.map(formatLadderError).join("\n")}`,
    );
  return result.ladder;
}
