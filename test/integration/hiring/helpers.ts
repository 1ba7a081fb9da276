import { expect } from "vitest";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { addCandidate, assignInterviewer } from "~/modules/hiring/loops.server";
import { createOpening, saveStage } from "~/modules/hiring/openings.server";
import { saveScorecardDraft, submitScorecard } from "~/modules/hiring/scorecards.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/** Runs a loader or action and returns what it answered or threw. */
export async function call(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

export const asViewer = (user: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
}): Viewer => ({
  id: user.id,
  name: user.name,
  email: user.email,
  isAdmin: user.isAdmin,
  isHiringAdmin: user.isHiringAdmin,
});

/** A form post with repeated fields allowed. */
export async function post(
  url: string,
  userId: string,
  fields: Record<string, string | string[]>,
): Promise<Request> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return signedInRequest(url, userId, { method: "POST", body });
}

export async function get(url: string, userId: string): Promise<Request> {
  return signedInRequest(url, userId);
}

export { bodyOf, routeArgs, statusOf };

/**
 * An opening for a Senior Engineer (ic3) with two stages, Coding (code-quality, testing) and
 * Design (system-design, technical-judgement), a candidate, and two interviewers from two teams:
 * Ana in Coding, Ben in Design. Grace is the opening's hiring admin; Olga another hiring admin.
 */
export async function hiringSetUp() {
  const [teamA, teamB] = await Promise.all([
    db.team.create({ data: { name: `Alpha ${Math.random()}` } }),
    db.team.create({ data: { name: `Beta ${Math.random()}` } }),
  ]);
  const grace = await createPerson({ name: "Grace Hiring", isHiringAdmin: true });
  const olga = await createPerson({ name: "Olga Otheradmin", isHiringAdmin: true });
  const admin = await createAdmin({ name: "Ada Admin" });
  const ana = await createPerson({
    name: "Ana Interviewer",
    track: "ic",
    level: "ic4",
    teamId: teamA.id,
  });
  const ben = await createPerson({
    name: "Ben Interviewer",
    track: "ic",
    level: "ic3",
    teamId: teamB.id,
  });
  const stranger = await createPerson({ name: "Stranger Engineer", track: "ic", level: "ic2" });
  const created = await createOpening(asViewer(grace), {
    title: "Senior Engineer, Payments",
    ladderId: "engineering",
    levelId: "ic3",
    adminEmails: [],
    starterPlan: false,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const openingId = created.openingId;
  for (const stage of [
    { name: "Coding", competencyIds: ["code-quality", "testing"] },
    { name: "Design", competencyIds: ["system-design", "technical-judgement"] },
  ]) {
    const saved = await saveStage(asViewer(grace), openingId, stage);
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
  }
  const stages = await db.hiringStage.findMany({
    where: { openingId },
    orderBy: { position: "asc" },
  });
  const { loopId } = await addCandidate(asViewer(grace), openingId, {
    name: "Casey Candidate",
    email: "casey@example.org",
    source: "Referral",
    notes: "CANDIDATE-PRIVATE-NOTE",
  });
  for (const [stage, person] of [
    [stages[0]!, ana],
    [stages[1]!, ben],
  ] as const) {
    const assigned = await assignInterviewer(asViewer(grace), loopId, {
      stageId: stage.id,
      email: person.email,
      scheduledAt: new Date("2026-11-20T10:00:00Z"),
    });
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.fieldErrors));
  }
  const interviews = await db.hiringInterview.findMany({ where: { loopId } });
  const interviewOf = (personId: string) =>
    interviews.find((interview) => interview.interviewerId === personId)!.id;
  return {
    grace,
    olga,
    admin,
    ana,
    ben,
    stranger,
    openingId,
    stages,
    loopId,
    anaInterview: interviewOf(ana.id),
    benInterview: interviewOf(ben.id),
  };
}

/** Saves and submits a card through the module: every competency of the stage scored `score`, with `notes`. */
export async function scoreAndSubmit(
  user: Parameters<typeof asViewer>[0],
  interviewId: string,
  competencyIds: readonly string[],
  score: number,
  notes: string,
  recommendation: string,
) {
  const changes = [
    ...competencyIds.flatMap((competencyId) => [
      { field: `rating:${competencyId}`, value: score, base: null },
      { field: `notes:${competencyId}`, value: `${notes} on ${competencyId}`, base: "" },
    ]),
    { field: "recommendation", value: recommendation, base: null },
    { field: "summary", value: `${notes} summary`, base: "" },
  ];
  const saved = await saveScorecardDraft(asViewer(user), interviewId, { baseRevision: 0, changes });
  if (!saved.body.ok) throw new Error(JSON.stringify(saved.body));
  const submitted = await submitScorecard(asViewer(user), interviewId, saved.body.revision);
  expect(submitted.status).toBe(200);
}
