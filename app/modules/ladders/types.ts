/**
 * A loaded, validated ladder: plain data (JSON-safe, so it can cross a React Router loader), with every
 * reference checked. Look things up with the helpers in lookups.ts.
 */
export interface Ladder {
  meta: LadderMeta;
  /** Newest first. */
  changelog: ChangelogEntry[];
  /** Ascending by value. */
  scale: ScalePoint[];
  areas: Area[];
  /** In the order the ladder lists them; pages show competencies in this order. */
  competencies: Competency[];
  tracks: Track[];
  /** Ascending in seniority. */
  equivalence: EquivalenceBand[];
  /** Scales a calibration session may use for overall ratings instead of `scale` (at most six points each). */
  calibrationScales: CalibrationScale[];
  /** The shared sources (or other ladders) it inherits topics from, in include order; absent when none. */
  includes?: LadderInclude[];
  /** Levels from points (points.ts); absent when the ladder does not use them. */
  points?: PointsScheme;
}

/** Points-based progression: what each rating is worth, bands of the total, titles per track over ranges of it. */
export interface PointsScheme {
  /** One per scale value, in scale order. */
  perRating: { value: number; points: number }[];
  /** Ascending by `from`. */
  bands: { label: string; from: number }[];
  /** Per track (in the ladder's track order), its titles over ranges of total points; `upTo` null = no upper bound. */
  titles: {
    trackId: string;
    trackName: string;
    ranges: { title: string; from: number; upTo: number | null }[];
  }[];
}

/** A source a ladder inherits areas, competencies and expectations from (docs/ladders.md, "Shared topics"). */
export interface LadderInclude {
  /** Relative to the frameworks folder. */
  path: string;
  /** What pages say: "from Generic". */
  name: string;
}

export interface CalibrationScale {
  id: string;
  name: string;
  description: string;
  /** Ascending by value. */
  points: ScalePoint[];
}

export interface LadderMeta {
  id: string;
  name: string;
  version: string;
  /** Empty when the ladder gives none (as with every description and summary below). */
  description: string;
  /** Where the ladder was made from, when it says (an imported ladder); absent otherwise. */
  source?: LadderSourceMeta;
}

/** The source a ladder was imported from: metadata that pages link, never show as paths. */
export interface LadderSourceMeta {
  name: string;
  /** Where the source is public. */
  url?: string;
  /** Relative to the source's top folder. */
  files?: string[];
}

export interface ChangelogEntry {
  version: string;
  /** YYYY-MM-DD */
  date: string;
  changes: string[];
}

export interface ScalePoint {
  value: number;
  label: string;
  meaning: string;
}

export interface Area {
  id: string;
  name: string;
  description: string;
  competencyIds: string[];
  /** The name of the included source it comes from; absent for the ladder's own. */
  inheritedFrom?: string;
}

export interface Competency {
  id: string;
  name: string;
  description: string;
  areaId: string;
  /** The tracks using it, resolved: every track when the ladder gave no `tracks` list. */
  trackIds: string[];
  /** True when the ladder gave no `tracks` list (a competency every track shares). */
  sharedByAllTracks: boolean;
  /** Where it applies when not at every level of its tracks: per track, the first and last level ids (null = from the first / up to the top). */
  applies: Record<string, { from: string | null; upTo: string | null }>;
  interview: Interview | null;
  /** The name of the included source it comes from; absent for the ladder's own. */
  inheritedFrom?: string;
  /** References that explain the competency further, in the ladder's order (empty when none). */
  links: ReferenceLink[];
}

/** A reference a ladder points to: shown as a link titled `title`; `url` is http or https. */
export interface ReferenceLink {
  title: string;
  url: string;
}

export interface Interview {
  questions: InterviewQuestion[];
  /** One per scale value, in scale order. */
  anchors: InterviewAnchor[];
}

export interface InterviewQuestion {
  text: string;
  /** Levels (of any track) the question suits; empty means every level. */
  levelIds: string[];
  followUps: string[];
  lookFor: string[];
}

export interface InterviewAnchor {
  value: number;
  text: string;
}

export interface Track {
  id: string;
  name: string;
  description: string;
  /** Most junior first. */
  levels: Level[];
  /**
   * Where the track splits off another one: the level of that track after which this track's
   * own levels follow (the levels up to it are shared, not copied). Null for a track that starts
   * at the bottom of the ladder.
   */
  branchesFrom: { trackId: string; levelId: string } | null;
  /** The competencies this track uses, in ladder order. */
  competencyIds: string[];
}

export interface Level {
  id: string;
  title: string;
  /** Other titles the same level goes by (a management title beside the IC one, say). */
  alsoTitled: string[];
  summary: string;
  /** Ordered steps within the level people may be placed at (empty when it has none). */
  sublevels: Sublevel[];
  trackId: string;
  /** Position in its track, 0 = most junior. */
  rank: number;
  /** The competencies that apply at this level (the track's, less those that start later or stop earlier), in ladder order. */
  competencyIds: string[];
  /** Competency id -> what is expected; exactly the competencies in `competencyIds`. */
  expectations: Record<string, Expectation[]>;
  /** The rating the level expects of a competency by default (see targets.ts). */
  target: number;
  /** Competency id -> the rating the level expects; exactly the competencies in `competencyIds`. */
  targets: Record<string, number>;
  /** Index into `ladder.equivalence`, or null when the level is in no band. */
  band: number | null;
}

export interface Sublevel {
  /** Unique within its level. */
  id: string;
  title: string;
  summary?: string;
}

export interface Expectation {
  /** A stable statement id, when the ladder gives one (unique within the level's list for the competency). */
  id?: string;
  text: string;
  examples: string[];
  /** The name of the included source it comes from; absent for the ladder's own. */
  inheritedFrom?: string;
  /** References for this statement, when the ladder gives any. */
  links?: ReferenceLink[];
}

export interface EquivalenceBand {
  index: number;
  /** Track id -> level id of that track. */
  levelIdByTrack: Record<string, string>;
}
