/**
 * The ladder domain: loading, validating and reading ladders. Pure; reading ladder folders from
 * disk lives in load-from-directory.server.ts.
 */
export type * from "./types";
export { loadLadderFromSources, type LadderLoadResult, type LoadLadderOptions } from "./load-ladder";
export type { LadderSource } from "./source-text";
export { formatLadderError, sortLadderErrors, type LadderError } from "./ladder-errors";
export { DEFAULT_LADDER_LIMITS, type LadderLimits } from "./limits";
export { ladderFileSchema, type LadderFile } from "./schema";
export {
  allLevels,
  competenciesForTrack,
  competenciesInArea,
  equivalentLevels,
  expectationsFor,
  getArea,
  getCompetency,
  getLevel,
  getTrack,
  nextLevel,
  previousLevel,
  trackOfLevel,
} from "./lookups";
export { compareLevels, type CompetencyChange, type LevelComparison } from "./compare-levels";
export { searchExpectations, type ExpectationSearchHit, type SearchExpectationsOptions } from "./search-expectations";
export { diffLadders, type LadderDiff } from "./diff-ladders";
