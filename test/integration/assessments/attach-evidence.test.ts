import { describe, expect, test } from "vitest";
import * as assessmentRoute from "~/routes/assessments.$assessmentId";
import * as teamRoute from "~/routes/team";
import { db } from "~/db/client.server";
import {
  saveDraft,
  startAssessment,
  submitAssessment,
} from "~/modules/assessments/assessments.server";
import { recordEvidence } from "~/modules/conversations/evidence.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";

/**
 * Evidence recorded between cycles, offered beside a competency of the next self-assessment, is
 * attached in one POST: no retyping, and the rating then has its evidence on the team page too.
 */

type Recorded = Record<string, { id: string; text: string; attached: boolean }[]>;
type TeamPage = {
  hasReports: true;
  groups: { members: { id: string; flags: { kind: string; message: Message }[] }[] }[];
};

const DAY = 24 * 60 * 60 * 1000;

async function setUp() {
  const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const colleague = await createPerson({
    name: "Omar Peer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const now = Date.now();
  await db.reviewCycle.create({
    data: {
      name: `Spring ${engineer.id}`,
      startsOn: new Date(now - 10 * DAY),
      endsOn: new Date(now + 20 * DAY),
      participants: { create: [{ userId: engineer.id }] },
    },
  });
  const viewer = { ...engineer, isHiringAdmin: false };
  const recorded = {
    competencyId: "testing",
    text: "Added contract tests to the billing service",
    url: "https://git.example.com/pr/42",
    occurredOn: new Date(now - 5 * DAY - ((now - 5 * DAY) % DAY)),
  };
  const evidenceId = await recordEvidence(viewer, recorded);
  const othersId = await recordEvidence(
    { ...colleague, isAdmin: false },
    { ...recorded, text: "Omar's own work" },
  );
  const started = await startAssessment(viewer, "self", engineer.id);
  if (!started.ok || started.decision.action !== "open") throw new Error(JSON.stringify(started));
  const assessmentId = started.decision.assessmentId;
  const competencyIds = (
    await db.assessmentRating.findMany({ where: { assessmentId }, select: { competencyId: true } })
  ).map((row) => row.competencyId);
  // Something recorded for every other competency too, so that the whole self-assessment can have evidence.
  const others = [];
  for (const competencyId of competencyIds.filter((id) => id !== "testing"))
    others.push(
      await recordEvidence(viewer, {
        ...recorded,
        competencyId,
        text: `Recorded for ${competencyId}`,
        url: null,
      }),
    );
  return {
    manager,
    engineer,
    viewer,
    evidenceId,
    othersId,
    assessmentId,
    recorded,
    competencyIds,
    others,
  };
}

/** Rates every competency and submits: the self-assessment is complete. */
async function rateAndSubmit(org: Awaited<ReturnType<typeof setUp>>) {
  const saved = await saveDraft(org.viewer, org.assessmentId, {
    baseRevision: 0,
    changes: org.competencyIds.map((competencyId) => ({
      field: `rating:${competencyId}`,
      value: 3,
      base: null,
    })),
  });
  if (!saved.body.ok) throw new Error(JSON.stringify(saved.body));
  expect((await submitAssessment(org.viewer, org.assessmentId, saved.body.revision)).status).toBe(
    200,
  );
}

async function load(assessmentId: string, userId: string) {
  const loader: RouteFunction = assessmentRoute.loader;
  return bodyOf<{ recorded: Recorded }>(
    await loader(
      routeArgs(await signedInRequest(`/assessments/${assessmentId}`, userId), { assessmentId }),
    ),
  );
}

async function attach(assessmentId: string, userId: string, evidenceId: string) {
  const action: RouteFunction = assessmentRoute.action;
  try {
    const result = await action(
      routeArgs(
        await signedInPost(`/assessments/${assessmentId}?section=x`, userId, {
          intent: "attach-evidence",
          evidenceId,
        }),
        { assessmentId },
      ),
    );
    return { status: statusOf(result), location: null };
  } catch (error) {
    return {
      status: statusOf(error),
      location: error instanceof Response ? error.headers.get("Location") : null,
    };
  }
}

async function flagsOf(managerId: string, personId: string): Promise<string[]> {
  const loader: RouteFunction = teamRoute.loader;
  const page = bodyOf<TeamPage>(await loader(routeArgs(await signedInRequest("/team", managerId))));
  return page.groups
    .flatMap((group) => group.members)
    .find((member) => member.id === personId)!
    .flags.map((flag) => wordsOf(translatorOf(undefined), flag.message));
}

describe("evidence recorded between cycles", () => {
  test("is attached to the self-assessment in one click, once, and the team page no longer says the rating has no evidence", async () => {
    const org = await setUp();
    const offered = (await load(org.assessmentId, org.engineer.id)).recorded;
    expect(offered.testing).toMatchObject([
      { id: org.evidenceId, text: org.recorded.text, attached: false },
    ]);

    expect(await attach(org.assessmentId, org.engineer.id, org.evidenceId)).toEqual({
      status: 302,
      location: `/assessments/${org.assessmentId}?section=x#testing`,
    });
    expect((await load(org.assessmentId, org.engineer.id)).recorded.testing).toMatchObject([
      { id: org.evidenceId, attached: true },
    ]);
    // Attaching again adds nothing.
    expect((await attach(org.assessmentId, org.engineer.id, org.evidenceId)).status).toBe(302);
    const evidence = await db.ratingEvidence.findMany({
      where: { rating: { assessmentId: org.assessmentId, competencyId: "testing" } },
      select: { text: true, url: true, occurredOn: true },
    });
    expect(evidence).toEqual([
      { text: org.recorded.text, url: org.recorded.url, occurredOn: org.recorded.occurredOn },
    ]);

    // Someone else's evidence is not there to attach.
    expect((await attach(org.assessmentId, org.engineer.id, org.othersId)).status).toBe(404);
    expect(
      await db.ratingEvidence.count({ where: { rating: { assessmentId: org.assessmentId } } }),
    ).toBe(1);

    for (const evidenceId of org.others)
      expect((await attach(org.assessmentId, org.engineer.id, evidenceId)).status).toBe(302);
    await rateAndSubmit(org);
    expect(await flagsOf(org.manager.id, org.engineer.id)).toEqual(["Manager review not started"]);
  });

  test("left unattached, the rating is flagged without evidence: what the one click saves", async () => {
    const org = await setUp();
    await rateAndSubmit(org);
    const n = org.competencyIds.length;
    expect(await flagsOf(org.manager.id, org.engineer.id)).toContain(
      `${n} of ${n} ratings without evidence`,
    );
    // The draft is locked once submitted: nothing is attached any more.
    expect((await attach(org.assessmentId, org.engineer.id, org.evidenceId)).status).toBe(409);
  });
});
