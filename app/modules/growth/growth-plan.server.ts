/** A person's growth plan: a target level and up to three focus competencies. */
import { requirePersonVisible } from "~/modules/identity/permissions.server";
import type { Viewer } from "~/modules/identity/policy";
import { ForbiddenError } from "~/modules/errors";
import { competenciesForTrack, getCompetency, getLevel, getTrack } from "~/modules/ladders";
import {
  ladderForLevel,
  ladderForPerson,
  ladderInLanguage,
  servedLadders,
} from "~/modules/ladders/registry.server";
import { withSourceTexts, type SourceTexts } from "~/modules/ladders/translations";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { listOf, messageText, type Message } from "~/i18n/messages";
import { db } from "~/db/client.server";
import { canChangeGrowthPlan } from "./policy";
import { MAX_FOCUS } from "./profile-plan";
import { storedGrowthPlan } from "./queries.server";

export type GrowthPlanView = {
  ladderVersionId: string;
  targetLevelId: string;
  targetTitle: string;
  trackName: string | null;
  /** The ladder served now has no such level: the plan names one of an earlier version. */
  targetEarlier: boolean;
  /** `earlier`: the ladder served now has no such competency. */
  focus: { competencyId: string; name: string; earlier: boolean }[];
  updatedAt: Date;
  /** Its ladder texts shown in the source, where the reader's translation lacks them. */
  sourceTexts?: SourceTexts;
};

/**
 * The stored plan in the words of the ladder version it was made with, in the reader's language
 * as an assessment's are (`requireLadderOfVersionIn`): a later version that renames a level or a
 * competency does not rename it here, and one that drops it leaves it marked as from an earlier
 * version. Null when there is none. One statement (the plan with its focus rows) for the growth pages.
 */
export async function readGrowthPlan(
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<GrowthPlanView | null> {
  const plan = await storedGrowthPlan(personId);
  if (!plan) return null;
  const [translated, served] = await Promise.all([
    requireLadderOfVersionIn(plan.ladderVersionId, language),
    servedLadders(),
  ]);
  const { ladder } = translated;
  const current = served.find((entry) => entry.ladder.meta.id === ladder.meta.id)?.ladder;
  const level = getLevel(ladder, plan.targetLevelId);
  // The texts the translation lacks, to mark as the ladder pages do (decision 124).
  return withSourceTexts(
    {
      ladderVersionId: plan.ladderVersionId,
      targetLevelId: plan.targetLevelId,
      targetTitle: level?.title ?? plan.targetLevelId,
      trackName: (level && getTrack(ladder, level.trackId)?.name) ?? null,
      targetEarlier: !current || !getLevel(current, plan.targetLevelId),
      focus: plan.focus.map((competencyId) => ({
        competencyId,
        name: getCompetency(ladder, competencyId)?.name ?? competencyId,
        earlier: !current || !getCompetency(current, competencyId),
      })),
      updatedAt: plan.updatedAt,
    } satisfies GrowthPlanView,
    translated,
  );
}

/**
 * Before a change to the person's plan: NotFoundError unless the viewer may see the
 * person at all (as if they did not exist), ForbiddenError unless they may change it.
 */
export async function requireGrowthPlanChange(viewer: Viewer, personId: string): Promise<void> {
  await requirePersonVisible(viewer, personId);
  if (!canChangeGrowthPlan(viewer, personId))
    throw new ForbiddenError({ key: "growth:errors.onlyPersonChangesPlan" });
}

/** `fieldErrors`: keys with their values (`messageText`), worded by the form's `ErrorList` or `wordsOf`. */
export type SavePlanResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Replaces the person's plan in one transaction, recording the ladder version
 * served now. The target must be a level of a served ladder and every focus
 * competency one its track uses; otherwise nothing is written.
 */
export async function saveGrowthPlan(
  personId: string,
  input: { target: string; focus: readonly string[] },
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<SavePlanResult> {
  // The target is a level of the person's own ladder (any ladder's, for someone not yet placed on one).
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { ladderId: true, level: true },
  });
  const own = person?.level ? await ladderForPerson(person) : undefined;
  const served = own ?? (await ladderForLevel(input.target));
  const level = served ? getLevel(served.ladder, input.target) : undefined;
  if (!served || !level)
    return {
      ok: false,
      fieldErrors: {
        target: [
          messageText({ key: "growth:plan.errors.noSuchLevel", values: { level: input.target } }),
        ],
      },
    };
  const focus = [...new Set(input.focus)];
  if (focus.length > MAX_FOCUS)
    return {
      ok: false,
      fieldErrors: {
        focus: [
          messageText({ key: "growth:plan.errors.tooManyFocus", values: { max: MAX_FOCUS } }),
        ],
      },
    };
  const usable = new Set(
    competenciesForTrack(served.ladder, level.trackId).map((competency) => competency.id),
  );
  const unknown = focus.filter((id) => !usable.has(id));
  if (unknown.length) {
    return {
      ok: false,
      fieldErrors: {
        focus: [
          messageText({
            key: "growth:plan.errors.noSuchCompetency",
            values: {
              // The level's title in the reader's language (decision 115); the ids as they were sent.
              level:
                getLevel(ladderInLanguage(served.ladder, language).ladder, level.id)?.title ??
                level.id,
              count: unknown.length,
              competencies: listOf(unknown),
            },
          }),
        ],
      },
    };
  }
  await db.$transaction(async (tx) => {
    const plan = await tx.growthPlan.upsert({
      where: { personId },
      create: { personId, ladderVersionId: served.versionId, targetLevelId: level.id },
      update: { ladderVersionId: served.versionId, targetLevelId: level.id },
      select: { id: true },
    });
    await tx.growthFocus.deleteMany({ where: { planId: plan.id } });
    if (focus.length) {
      await tx.growthFocus.createMany({
        data: focus.map((competencyId, position) => ({ planId: plan.id, competencyId, position })),
      });
    }
  });
  return { ok: true };
}

export type FocusAdded = { ok: true; added: boolean } | { ok: false; message: Message | string };

/**
 * Adds a competency to the person's growth plan as a focus from another page (their released
 * feedback), keeping the target and the focus already chosen: saved as saveGrowthPlan saves any
 * plan. Refused, with what to do, when there is no plan yet or it holds the most focus competencies;
 * a competency already a focus changes nothing.
 */
export async function addGrowthFocus(
  viewer: Viewer,
  personId: string,
  competencyId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<FocusAdded> {
  await requireGrowthPlanChange(viewer, personId);
  const plan = await storedGrowthPlan(personId);
  if (!plan)
    return {
      ok: false,
      message: { key: "growth:plan.errors.noPlan" },
    };
  if (plan.focus.includes(competencyId)) return { ok: true, added: false };
  if (plan.focus.length >= MAX_FOCUS)
    return {
      ok: false,
      message: { key: "growth:plan.errors.focusFull", values: { max: MAX_FOCUS } },
    };
  const saved = await saveGrowthPlan(
    personId,
    { target: plan.targetLevelId, focus: [...plan.focus, competencyId] },
    language,
  );
  if (!saved.ok)
    return {
      ok: false,
      message: Object.values(saved.fieldErrors).flat()[0] ?? {
        key: "growth:plan.errors.notAFocus",
      },
    };
  return { ok: true, added: true };
}
