import { db } from "~/db/client.server";
import { ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { CheckInInput } from "~/modules/goals/forms";
import {
  checkInByToken,
  goalsPage,
  keyResultCheckInFacts,
  objectivePage,
} from "~/modules/goals/goals.server";
import { canCheckIn, canTokenCheckIn } from "~/modules/goals/policy";
import type { Viewer } from "~/modules/identity/policy";
import { issueApiToken, type CallingToken } from "./tokens.server";

/**
 * Goals through the API (decision 097): the objectives of a period the token's person may read,
 * as the goals pages show them, and check-ins on the key results a token names, each allowed only
 * while the token's person may check in on that key result themselves.
 */

/** A person's own token that checks in on one key result, issued from its page by someone who may check in on it. */
export async function issueCheckInToken(
  viewer: Viewer,
  keyResultId: string,
): Promise<{ id: string; name: string; token: string }> {
  const facts = await keyResultCheckInFacts(keyResultId);
  if (!facts) throw new NotFoundError({ key: "goals:errors.none" });
  // Reading it first: someone who may not read the objective learns nothing of the key result.
  const { objectiveId, title } = await db.keyResult.findUniqueOrThrow({
    where: { id: keyResultId },
    select: { objectiveId: true, title: true },
  });
  await objectivePage(viewer, objectiveId);
  if (!canCheckIn(viewer.id, facts.people, facts.period))
    throw new ForbiddenError({ key: "goals:errors.mayNotCheckIn" });
  return issueApiToken(
    viewer.id,
    `Check-ins: ${title}`.slice(0, 100),
    ["goals:check-in"],
    "person",
    [keyResultId],
  );
}

/** The objectives of a period (the open one unless named) as the tree shows the token's person, each with its key results. */
export async function objectivesByApi(viewer: Viewer, periodId: string | null) {
  const tree = await goalsPage(viewer, { periodId });
  const objectives = [];
  for (const objective of tree.objectives) {
    const page = await objectivePage(viewer, objective.id);
    objectives.push({
      id: objective.id,
      level: objective.level,
      title: objective.title,
      commitment: objective.commitment,
      owner: objective.ownerName,
      team: objective.teamName,
      supports: objective.parentId,
      progress: objective.progress,
      keyResults: page.keyResults.map((kr) => ({
        id: kr.id,
        title: kr.title,
        kind: kr.kind,
        unit: kr.unit,
        direction: kr.direction,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
        owner: kr.ownerName,
        latestValue: kr.latest?.value ?? null,
        confidence: kr.latest?.confidence ?? null,
        progress: kr.progress,
        finalScore: kr.finalScore,
      })),
    });
  }
  return {
    period: tree.period
      ? {
          id: tree.period.id,
          name: tree.period.name,
          startsOn: tree.period.startsOn.toISOString().slice(0, 10),
          endsOn: tree.period.endsOn.toISOString().slice(0, 10),
          closed: tree.period.closedAt !== null,
        }
      : null,
    objectives,
  };
}

/**
 * A token's check-in: a key result it names, which its person may check in on at this moment (the
 * policy, at every call). A key result that does not exist, or one the token does not name and its
 * person may not read, is a 404; one it does not name, or its person may no longer check in on, a 403.
 */
export async function checkInByApi(
  token: CallingToken,
  viewer: Viewer,
  keyResultId: string,
  input: CheckInInput,
): Promise<{
  id: string;
  keyResultId: string;
  value: number;
  confidence: string;
  note: string;
  at: string;
}> {
  const facts = await keyResultCheckInFacts(keyResultId);
  if (!facts) throw new NotFoundError({ key: "goals:errors.none" });
  const { objectiveId } = await db.keyResult.findUniqueOrThrow({
    where: { id: keyResultId },
    select: { objectiveId: true },
  });
  await objectivePage(viewer, objectiveId);
  if (
    !canTokenCheckIn(
      { personId: token.personId, keyResultIds: token.keyResultIds },
      keyResultId,
      facts.people,
      facts.period,
    )
  )
    throw new ForbiddenError({ key: "goals:errors.mayNotCheckIn" });
  if (facts.binary && input.value !== 0 && input.value !== 1)
    throw new InvalidError({ key: "goals:errors.binary" });
  const id = await checkInByToken(token, keyResultId, input);
  const row = await db.keyResultCheckIn.findUniqueOrThrow({
    where: { id },
    select: { value: true, confidence: true, note: true, at: true },
  });
  return { id, keyResultId, ...row, at: row.at.toISOString() };
}
