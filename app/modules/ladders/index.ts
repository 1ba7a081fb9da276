/**
 * The ladder domain for code that reads loaded ladders: types, lookups, comparisons. Browser
 * code imports it too, so loading stays out of it: load-ladder.ts (validating files' contents,
 * hashed with node:crypto) and load-from-directory.server.ts are for the server, scripts and tests.
 */
export type * from "./types";
export { formatLadderError, formatLadderErrorSaying, type LadderError } from "./ladder-errors";
export {
  appliesAtLevel,
  competenciesForLevel,
  competenciesForTrack,
  equivalentLevels,
  expectationsFor,
  getArea,
  getCompetency,
  getLevel,
  getTrack,
  nextLevel,
  levelLabel,
  levelWithTrack,
  levelTitleAt,
  getSublevel,
  ladderWords,
  placeLabel,
  trackLabel,
  previousLevel,
  targetFor,
  trackOfLevel,
} from "./lookups";
export { defaultTarget } from "./targets";
export { readStoredLadder } from "./stored-ladder";
export { compareLevels, type CompetencyChange, type LevelComparison } from "./compare-levels";
export { diffLadders, type LadderDiff } from "./diff-ladders";
