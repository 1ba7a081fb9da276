import {
  equivalentLevels,
  expectationsFor,
  getCompetency,
  getLevel,
  trackOfLevel,
  type Competency,
  type Expectation,
  type Ladder,
} from "~/modules/ladders";

/**
 * Interview kits: what an interviewer takes into a stage, drawn from the ladder at the role's
 * level. Nothing about a competency is typed twice: questions, follow-ups and what good answers
 * show come from the competency's `interview`, expectations from the level, and the meaning of
 * each score from the interview anchors (else the ladder's scale).
 */

/** Why a question is in the kit: it suits every level, names the role's level, or names a level of another track in the same equivalence band (see `questionMatch`). */
export type QuestionMatch = "every-level" | "level" | "equivalent";

export interface KitQuestion {
  text: string;
  followUps: string[];
  /** What a good answer shows. */
  lookFor: string[];
  match: QuestionMatch;
}

export interface KitAnchor {
  value: number;
  /** The scale's label for the value ("Consistent"). */
  label: string;
  /** What the score means for this competency in an interview. */
  meaning: string;
  /** Where the meaning comes from: the competency's interview anchors, or the ladder's scale when it has none for the value. */
  source: "interview" | "scale";
}

export interface KitCompetency {
  competencyId: string;
  name: string;
  description: string;
  /** False when the stage covers a competency the level does not use (it then has no expectations or target). */
  appliesAtLevel: boolean;
  /** The rating the level expects (its bar), null when the competency does not apply. */
  target: number | null;
  expectations: Expectation[];
  questions: KitQuestion[];
  anchors: KitAnchor[];
}

export interface InterviewKit {
  levelId: string;
  trackId: string;
  /** The stage's competencies the ladder knows, in the stage's order. */
  competencies: KitCompetency[];
  /** Competencies with no question suited to the level: the interviewer has to bring their own. */
  withoutQuestions: string[];
  /** Covered competencies the level does not use. */
  notAtLevel: string[];
  /** Ids the ladder does not know (a competency renamed or removed since the plan was made). */
  unknown: string[];
}

/**
 * Does a question suit the level? Returns why, or null when it does not. A question naming no
 * level suits every level; one naming the level suits it; one naming a level of another track in
 * the level's equivalence band suits it too, unless the question also names levels of the role's
 * own track (`ownTrackIds`): then its author chose the levels of this track, and equivalence does
 * not override that choice.
 */
export function questionMatch(
  levelIds: readonly string[],
  levelId: string,
  equivalentIds: ReadonlySet<string>,
  ownTrackIds: ReadonlySet<string>,
): QuestionMatch | null {
  if (levelIds.length === 0) return "every-level";
  if (levelIds.includes(levelId)) return "level";
  if (levelIds.some((id) => equivalentIds.has(id)) && !levelIds.some((id) => ownTrackIds.has(id)))
    return "equivalent";
  return null;
}

/** The competency's interview questions suited to a level, in the ladder's order. */
export function questionsForLevel(
  ladder: Ladder,
  competency: Competency,
  levelId: string,
): KitQuestion[] {
  const equivalentIds = new Set(equivalentLevels(ladder, levelId).map((level) => level.id));
  const ownTrackIds = new Set(trackOfLevel(ladder, levelId)?.levels.map((level) => level.id) ?? []);
  return (competency.interview?.questions ?? []).flatMap((question) => {
    const match = questionMatch(question.levelIds, levelId, equivalentIds, ownTrackIds);
    return match === null
      ? []
      : [
          {
            text: question.text,
            followUps: [...question.followUps],
            lookFor: [...question.lookFor],
            match,
          },
        ];
  });
}

/** The anchored meaning of each score on the ladder's scale, in scale order. */
export function anchorsFor(ladder: Ladder, competency: Competency): KitAnchor[] {
  const anchors = new Map(
    (competency.interview?.anchors ?? []).map((anchor) => [anchor.value, anchor.text]),
  );
  return ladder.scale.map((point) => {
    const text = anchors.get(point.value);
    return text === undefined
      ? { value: point.value, label: point.label, meaning: point.meaning, source: "scale" }
      : { value: point.value, label: point.label, meaning: text, source: "interview" };
  });
}

/**
 * The kit for a stage covering `competencyIds` when hiring at `levelId`: for each competency,
 * the suited questions with their follow-ups and what to look for, the level's expectations and
 * target, and the meaning of each score. Null when the ladder has no such level.
 */
export function interviewKit(
  ladder: Ladder,
  levelId: string,
  competencyIds: readonly string[],
): InterviewKit | null {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return null;
  const kit: InterviewKit = {
    levelId,
    trackId: level.trackId,
    competencies: [],
    withoutQuestions: [],
    notAtLevel: [],
    unknown: [],
  };
  for (const competencyId of new Set(competencyIds)) {
    const competency = getCompetency(ladder, competencyId);
    if (competency === undefined) {
      kit.unknown.push(competencyId);
      continue;
    }
    const appliesAtLevel = level.competencyIds.includes(competencyId);
    const questions = questionsForLevel(ladder, competency, levelId);
    kit.competencies.push({
      competencyId,
      name: competency.name,
      description: competency.description,
      appliesAtLevel,
      target: level.targets[competencyId] ?? null,
      expectations: expectationsFor(ladder, levelId, competencyId),
      questions,
      anchors: anchorsFor(ladder, competency),
    });
    if (questions.length === 0) kit.withoutQuestions.push(competencyId);
    if (!appliesAtLevel) kit.notAtLevel.push(competencyId);
  }
  return kit;
}
