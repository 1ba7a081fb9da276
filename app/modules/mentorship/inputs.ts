/**
 * From what the database knows about a programme's people to the matching's plain input
 * (types.ts), and the prefills of the opt-in forms. Pure: the server module gathers the facts.
 */
import { getLevel, targetFor, type Ladder } from "~/modules/ladders";
import { effectiveBand, menteeTarget } from "./levels";
import type { Role } from "./lifecycle";
import type { Goal, MatchingInput, MenteeInput, MentorInput, Objective, PairRef } from "./types";
import type { Message } from "~/i18n/messages";

/** Everyone above a person, from their kept reporting line "/<top>/…/<manager>/" (app/modules/people/reporting-line.server.ts). */
export function chainFromLinePath(linePath: string): string[] {
  return linePath.split("/").filter(Boolean);
}

/** A person's ratings in one submitted review: the level it was made against and each competency's rating. */
export type ReviewRatings = { levelId: string; ratings: ReadonlyMap<string, number> };

/**
 * How far a mentee has to go on a goal, in rating points. Ratings are made against the level
 * assessed, and the scale puts the next level's bar one point above the assessed level's
 * target, so: the assessed level's target for the competency, plus one when the mentee aims
 * higher than that level, minus their rating; never below 0. A goal nobody has rated counts as
 * rated at the target (a gap of 1 towards a higher level).
 */
export function goalGap(
  ladder: Ladder,
  competencyId: string,
  targetLevelId: string,
  review: ReviewRatings | null,
  ownLevelId: string,
): number {
  const assessedLevelId = review && getLevel(ladder, review.levelId) ? review.levelId : ownLevelId;
  const ownTarget = targetFor(ladder, assessedLevelId, competencyId) ?? 0;
  const required = ownTarget + (targetLevelId === assessedLevelId ? 0 : 1);
  const top = ladder.scale.at(-1)?.value ?? required;
  const rating = review?.ratings.get(competencyId) ?? ownTarget;
  return Math.max(0, Math.min(required, top) - rating);
}

/** What a mentor can teach, prefilled: the competencies their latest submitted manager review rates at or above their level's target. */
export function teachableFromReview(ladder: Ladder, review: ReviewRatings | null): string[] {
  if (!review || !getLevel(ladder, review.levelId)) return [];
  const known = new Set(ladder.competencies.map((competency) => competency.id));
  return [...review.ratings]
    .filter(
      ([competencyId, rating]) =>
        known.has(competencyId) &&
        rating >= (targetFor(ladder, review.levelId, competencyId) ?? Infinity),
    )
    .map(([competencyId]) => competencyId)
    .sort(
      (a, b) =>
        ladder.competencies.findIndex((c) => c.id === a) -
        ladder.competencies.findIndex((c) => c.id === b),
    );
}

/** How many of a mentor's strengths the opt-in ticks for them: a mentor offering everything tells mentees nothing. */
export const PREFILLED_STRENGTHS = 3;

/**
 * The strongest of what a mentor can teach, the ones the opt-in ticks: those their review rates
 * furthest above their level's target first, then those at it, in the ladder's order among
 * equals; at most PREFILLED_STRENGTHS.
 */
export function strongestFromReview(
  ladder: Ladder,
  review: ReviewRatings | null,
  limit = PREFILLED_STRENGTHS,
): string[] {
  if (!review) return [];
  const above = (competencyId: string) =>
    (review.ratings.get(competencyId) ?? 0) -
    (targetFor(ladder, review.levelId, competencyId) ?? 0);
  const teachable = teachableFromReview(ladder, review);
  return teachable
    .map((competencyId, order) => ({ competencyId, order, above: above(competencyId) }))
    .sort((a, b) => b.above - a.above || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.competencyId)
    .sort((a, b) => teachable.indexOf(a) - teachable.indexOf(b));
}

/** One opt-in with the facts about its person that matching needs. */
export type ParticipantFacts = {
  userId: string;
  role: Role;
  /** Their named time zone: their own choice, else the organisation's. */
  timeZone: string;
  capacity: number | null;
  competencies: readonly string[];
  teamId: string | null;
  linePath: string;
  levelId: string | null;
  /** The target level of the person's growth plan, if they have one. */
  growthPlanTarget: string | null;
  /** For mentees: their latest submitted manager review, else self-assessment. */
  review: ReviewRatings | null;
};

export type ProgrammeSettings = {
  maxMenteesPerMentor: number;
  allowRepeatPairs: boolean;
  crossTeamOnly: boolean;
  maxTimeZoneHours: number | null;
  weightGoals: number;
  weightCrossTeam: number;
  weightLevel: number;
};

export type LeftOut = { userId: string; role: Role; reason: Message };

/** People without a team are each their own team: the same-team rule and the cross-team factor never hold against them. */
const teamOf = (person: { userId: string; teamId: string | null }) =>
  person.teamId ?? `no-team:${person.userId}`;

/**
 * The matching's input for a programme. Pins and forbids are an admin's; every declined pair is
 * forbidden too, so a rerun does not offer it again. Someone whose level the ladder does not
 * place (no band for it or anywhere on its path) cannot be compared by level and is left out,
 * with the reason.
 */
export function buildMatchingInput(options: {
  ladder: Ladder;
  settings: ProgrammeSettings;
  /** The programme's first and last days, over which time zones are compared. */
  days: { startsOn: Date; endsOn: Date };
  participants: readonly ParticipantFacts[];
  /** Accepted pairs of other programmes: mentee and mentor. */
  pastPairs: readonly PairRef[];
  pins: readonly PairRef[];
  forbids: readonly PairRef[];
  objective: Objective;
  fairness: boolean;
}): { input: MatchingInput; leftOut: LeftOut[] } {
  const { ladder, settings, participants } = options;
  const leftOut: LeftOut[] = [];
  const pastMentors = new Map<string, string[]>();
  for (const pair of options.pastPairs)
    pastMentors.set(pair.menteeId, [...(pastMentors.get(pair.menteeId) ?? []), pair.mentorId]);
  const mentees: MenteeInput[] = [];
  const mentors: MentorInput[] = [];
  for (const person of participants) {
    const level = person.levelId ? getLevel(ladder, person.levelId) : undefined;
    if (person.role === "mentee") {
      const target = menteeTarget(ladder, person.levelId, person.growthPlanTarget);
      const targetBand = target ? effectiveBand(ladder, target.level.id) : null;
      if (!level || !target || targetBand === null) {
        leftOut.push({
          userId: person.userId,
          role: "mentee",
          reason: { key: "mentorship:leftOutReason.menteeLevel" },
        });
        continue;
      }
      const goals: Goal[] = person.competencies.map((competencyId) => ({
        competencyId,
        gap: goalGap(ladder, competencyId, target.level.id, person.review, level.id),
      }));
      mentees.push({
        id: person.userId,
        teamId: teamOf(person),
        timeZone: person.timeZone,
        targetBand,
        goals,
        managementChainIds: chainFromLinePath(person.linePath),
        pastMentorIds: pastMentors.get(person.userId) ?? [],
      });
    } else {
      const band = level ? effectiveBand(ladder, level.id) : null;
      if (band === null) {
        leftOut.push({
          userId: person.userId,
          role: "mentor",
          reason: { key: "mentorship:leftOutReason.mentorLevel" },
        });
        continue;
      }
      mentors.push({
        id: person.userId,
        teamId: teamOf(person),
        timeZone: person.timeZone,
        ...(person.capacity === null ? {} : { capacity: person.capacity }),
        band,
        strengths: [...person.competencies],
        managementChainIds: chainFromLinePath(person.linePath),
      });
    }
  }
  return {
    input: {
      mentees,
      mentors,
      rules: {
        maxMenteesPerMentor: settings.maxMenteesPerMentor,
        allowRepeatPairs: settings.allowRepeatPairs,
        crossTeamOnly: settings.crossTeamOnly,
        maxTimeZoneDifferenceHours: settings.maxTimeZoneHours,
        startsOn: options.days.startsOn,
        endsOn: options.days.endsOn,
        pins: options.pins,
        forbids: options.forbids,
      },
      weights: {
        goals: settings.weightGoals,
        crossTeam: settings.weightCrossTeam,
        level: settings.weightLevel,
      },
      objective: options.objective,
      fairness: options.fairness,
      competencyNames: Object.fromEntries(
        ladder.competencies.map((competency) => [competency.id, competency.name]),
      ),
    },
    leftOut,
  };
}
