// Staffing a loop, and what a loop still allows once it is decided, withdrawn (its candidate
// rejected) or purged: each refusal is a precise status and changes nothing.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addCandidate, assignInterviewer } from "~/modules/hiring/loops.server";
import { saveScorecardDraft } from "~/modules/hiring/scorecards.server";
import {
  action as debriefAction,
  loader as debriefLoader,
} from "~/routes/hiring.loops.$loopId.debrief";
import { action as loopAction, loader as loopLoader } from "~/routes/hiring.loops.$loopId._index";
import { action as pipelineAction } from "~/routes/hiring.openings.$openingId.pipeline";
import { createPerson } from "../../utils/factories";
import {
  asViewer,
  bodyOf,
  call,
  get,
  hiringSetUp,
  post,
  routeArgs,
  scoreAndSubmit,
  statusOf,
} from "./helpers";

type Facts = Awaited<ReturnType<typeof hiringSetUp>>;
type LoopPage = Awaited<ReturnType<typeof loopLoader>>;
type DebriefPage = Awaited<ReturnType<typeof debriefLoader>>;

const onLoop = (loopId: string, userId: string, fields: Record<string, string>) =>
  call(async () =>
    loopAction(routeArgs(await post(`/hiring/loops/${loopId}`, userId, fields), { loopId })),
  );
const onDebrief = (loopId: string, userId: string, fields: Record<string, string>) =>
  call(async () =>
    debriefAction(
      routeArgs(await post(`/hiring/loops/${loopId}/debrief`, userId, fields), { loopId }),
    ),
  );
const loopPage = async (loopId: string, userId: string) =>
  bodyOf<LoopPage>(
    await loopLoader(routeArgs(await get(`/hiring/loops/${loopId}`, userId), { loopId })),
  );
const debriefPage = async (loopId: string, userId: string) =>
  bodyOf<DebriefPage>(
    await debriefLoader(
      routeArgs(await get(`/hiring/loops/${loopId}/debrief`, userId), { loopId }),
    ),
  );
const loopRow = (loopId: string) =>
  db.hiringLoop.findUniqueOrThrow({
    where: { id: loopId },
    select: {
      state: true,
      decision: true,
      rationale: true,
      decidedById: true,
      debriefOpenedAt: true,
      debriefOpenedById: true,
    },
  });
const candidateOf = (loopId: string) =>
  db.hiringCandidate.findFirstOrThrow({ where: { loops: { some: { id: loopId } } } });

async function submitBoth(facts: Facts) {
  await scoreAndSubmit(facts.ana, facts.anaInterview, ["code-quality", "testing"], 3, "ANA", "yes");
  await scoreAndSubmit(
    facts.ben,
    facts.benInterview,
    ["system-design", "technical-judgement"],
    3,
    "BEN",
    "yes",
  );
}

/** Rejects the loop's candidate through the pipeline, which withdraws their loop still undecided. */
async function reject(facts: Facts, loopId: string) {
  const candidateId = (await candidateOf(loopId)).id;
  const rejected = await call(async () =>
    pipelineAction(
      routeArgs(
        await post(`/hiring/openings/${facts.openingId}/pipeline`, facts.grace.id, {
          intent: "move",
          candidateId,
          to: "rejected",
          reason: "withdrew",
        }),
        { openingId: facts.openingId },
      ),
    ),
  );
  expect(statusOf(rejected)).toBe(302);
  expect((await loopRow(loopId)).state).toBe("withdrawn");
}

const PURGED_LOOP =
  "This candidate's data was purged, so the hire can no longer be linked to a person.";

describe("staffing a loop", () => {
  test("a hiring admin takes off an interviewer with no card, and joins the panel while nobody else's card is in, their own card in or not", async () => {
    const facts = await hiringSetUp();
    const { grace, loopId, stages } = facts;
    const before = await loopPage(loopId, grace.id);
    expect(
      before.interviews.map((interview) => [interview.interviewer.name, interview.removable]),
    ).toEqual([
      ["Ana Interviewer", true],
      ["Ben Interviewer", true],
    ]);
    const removed = await onLoop(loopId, grace.id, {
      intent: "unassign",
      interviewId: facts.anaInterview,
    });
    expect([statusOf(removed), (removed as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/loops/${loopId}?done=unassigned`,
    ]);
    expect(
      await db.hiringInterview.findMany({ where: { loopId }, select: { interviewerId: true } }),
    ).toEqual([{ interviewerId: facts.ben.id }]);
    // Ben is on the panel, his card not in: Grace has read nothing and may score.
    expect(
      statusOf(
        await onLoop(loopId, grace.id, {
          intent: "assign",
          stageId: stages[1]!.id,
          email: grace.email,
        }),
      ),
    ).toBe(302);
    const design = (
      await db.hiringInterview.findFirstOrThrow({
        where: { loopId, interviewerId: grace.id },
        select: { id: true },
      })
    ).id;
    await scoreAndSubmit(
      grace,
      design,
      ["system-design", "technical-judgement"],
      3,
      "GRACE",
      "yes",
    );
    // Her own card is the only one in: it tells her nothing of anyone else's, so she joins Coding too.
    const again = await onLoop(loopId, grace.id, {
      intent: "assign",
      stageId: stages[0]!.id,
      email: grace.email,
    });
    expect([statusOf(again), (again as Response).headers.get("Location")]).toEqual([
      302,
      `/hiring/loops/${loopId}?done=assigned`,
    ]);
    expect(await db.hiringInterview.count({ where: { loopId, interviewerId: grace.id } })).toBe(2);
  });
});

describe("a loop once decided, withdrawn or purged", () => {
  test("decided: the debrief opened early once, dissent only after the decision and from those who saw the debrief, no second decision, no staffing", async () => {
    const facts = await hiringSetUp();
    const { grace, ana, ben, stranger, loopId, stages } = facts;
    await scoreAndSubmit(
      ben,
      facts.benInterview,
      ["system-design", "technical-judgement"],
      2,
      "BEN",
      "no",
    );
    expect(statusOf(await onLoop(loopId, grace.id, { intent: "open-debrief" }))).toBe(302);
    const opened = await loopRow(loopId);
    expect(opened.debriefOpenedById).toBe(grace.id);
    const twice = await onLoop(loopId, grace.id, { intent: "open-debrief" });
    expect([statusOf(twice), bodyOf<{ message: string }>(twice).message]).toEqual([
      409,
      "The debrief is already open, decided, or not yours to open.",
    ]);
    expect(await loopRow(loopId)).toEqual(opened);
    // Ben read the debrief, but dissent stands beside a decision: there is none yet.
    const early = await onDebrief(loopId, ben.id, { intent: "dissent", text: "Too soon" });
    expect([statusOf(early), bodyOf<{ message: string }>(early).message]).toEqual([
      409,
      "Dissent is recorded beside a decision, by those who could see the debrief.",
    ]);
    expect(await db.hiringDissent.count({ where: { loopId } })).toBe(0);

    expect(
      statusOf(
        await onDebrief(loopId, grace.id, {
          intent: "decide",
          decision: "hire",
          rationale: "FIRST-RATIONALE",
        }),
      ),
    ).toBe(302);
    const decided = await loopRow(loopId);
    expect([decided.state, decided.decision, decided.rationale]).toEqual([
      "decided",
      "hire",
      "FIRST-RATIONALE",
    ]);
    expect(await debriefPage(loopId, grace.id)).toMatchObject({
      available: true,
      can: { decide: false, dissent: true },
    });
    const second = await onDebrief(loopId, grace.id, {
      intent: "decide",
      decision: "no-hire",
      rationale: "SECOND",
    });
    expect([statusOf(second), bodyOf<{ message: string }>(second).message]).toEqual([
      409,
      "The decision is recorded once, by a hiring admin of the opening, after the debrief opens.",
    ]);
    expect(statusOf(await onLoop(loopId, grace.id, { intent: "open-debrief" }))).toBe(409);
    expect(await loopRow(loopId)).toEqual(decided);

    // Nobody joins or leaves the panel the decision was taken on, not even Ana, whose card never came.
    const page = await loopPage(loopId, grace.id);
    expect([
      page.can.staff,
      page.can.decide,
      page.interviews.map((interview) => interview.removable),
    ]).toEqual([false, false, [false, false]]);
    const staffed = "Only the opening's hiring admins staff a loop, before its decision.";
    const assigned = await onLoop(loopId, grace.id, {
      intent: "assign",
      stageId: stages[0]!.id,
      email: stranger.email,
    });
    expect([statusOf(assigned), bodyOf<{ message: string }>(assigned).message]).toEqual([
      403,
      staffed,
    ]);
    const unassigned = await onLoop(loopId, grace.id, {
      intent: "unassign",
      interviewId: facts.anaInterview,
    });
    expect([statusOf(unassigned), bodyOf<{ message: string }>(unassigned).message]).toEqual([
      403,
      staffed,
    ]);
    expect(
      (await db.hiringInterview.findMany({ where: { loopId }, select: { interviewerId: true } }))
        .map((row) => row.interviewerId)
        .sort(),
    ).toEqual([ana.id, ben.id].sort());

    // Ana never saw the debrief: she has no dissent to record. Ben does.
    expect(
      statusOf(await onDebrief(loopId, ana.id, { intent: "dissent", text: "ANA-DISSENT" })),
    ).toBe(409);
    expect(
      statusOf(await onDebrief(loopId, ben.id, { intent: "dissent", text: "BEN-DISSENT" })),
    ).toBe(302);
    expect(
      await db.hiringDissent.findMany({
        where: { loopId },
        select: { authorId: true, text: true },
      }),
    ).toEqual([{ authorId: ben.id, text: "BEN-DISSENT" }]);
  });

  test("withdrawn with every card in: the debrief is there to read, but no decision is recorded on it", async () => {
    const facts = await hiringSetUp();
    await submitBoth(facts);
    await reject(facts, facts.loopId);
    expect(await debriefPage(facts.loopId, facts.grace.id)).toMatchObject({
      available: true,
      can: { decide: false },
    });
    const decided = await onDebrief(facts.loopId, facts.grace.id, {
      intent: "decide",
      decision: "hire",
      rationale: "Hire after all",
    });
    expect([statusOf(decided), bodyOf<{ message: string }>(decided).message]).toEqual([
      409,
      "The decision is recorded once, by a hiring admin of the opening, after the debrief opens.",
    ]);
    expect(await loopRow(facts.loopId)).toMatchObject({
      state: "withdrawn",
      decision: null,
      decidedById: null,
    });
    expect((await candidateOf(facts.loopId)).pipelineStage).toBe("rejected");
  });

  test("withdrawn before the cards are in: nobody staffs it, opens its debrief early or writes a card in it", async () => {
    const facts = await hiringSetUp();
    const { grace, ana, stranger, openingId, stages } = facts;
    const { loopId } = await addCandidate(asViewer(grace), openingId, {
      name: "Wes Withdrawn",
      email: "",
      source: "",
      notes: "",
    });
    expect(
      (
        await assignInterviewer(asViewer(grace), loopId, {
          stageId: stages[0]!.id,
          email: ana.email,
          scheduledAt: null,
        })
      ).ok,
    ).toBe(true);
    const interview = (
      await db.hiringInterview.findFirstOrThrow({ where: { loopId }, select: { id: true } })
    ).id;
    await reject(facts, loopId);

    const page = await loopPage(loopId, grace.id);
    expect([page.can.staff, page.debrief.canOpenEarly]).toEqual([false, false]);
    const assigned = await onLoop(loopId, grace.id, {
      intent: "assign",
      stageId: stages[1]!.id,
      email: stranger.email,
    });
    expect([statusOf(assigned), bodyOf<{ message: string }>(assigned).message]).toEqual([
      403,
      "Only the opening's hiring admins staff a loop, before its decision.",
    ]);
    expect(await db.hiringInterview.count({ where: { loopId } })).toBe(1);
    const opened = await onLoop(loopId, grace.id, { intent: "open-debrief" });
    expect([statusOf(opened), bodyOf<{ message: string }>(opened).message]).toEqual([
      409,
      "The debrief is already open, decided, or not yours to open.",
    ]);
    expect(await loopRow(loopId)).toMatchObject({
      state: "withdrawn",
      debriefOpenedAt: null,
      debriefOpenedById: null,
    });
    const saved = await saveScorecardDraft(asViewer(ana), interview, {
      baseRevision: 0,
      changes: [{ field: "rating:code-quality", value: 3, base: null }],
    });
    expect(saved).toEqual({
      status: 409,
      body: { ok: false, kind: "locked", message: { key: "hiring:scorecard.locked.closed" } },
    });
    expect(await db.hiringScorecard.count({ where: { interviewId: interview } })).toBe(0);
  });

  test("purged after a hire: the hire is no longer linked to a person (the opening's admin is told the candidate was purged), and no dissent is added", async () => {
    const facts = await hiringSetUp();
    const { grace, ben, loopId } = facts;
    await submitBoth(facts);
    expect(
      statusOf(
        await onDebrief(loopId, grace.id, { intent: "decide", decision: "hire", rationale: "Yes" }),
      ),
    ).toBe(302);
    expect(statusOf(await onLoop(loopId, grace.id, { intent: "purge", confirm: "purge" }))).toBe(
      302,
    );
    const purged = await candidateOf(loopId);
    expect([purged.pipelineStage, purged.purgedAt !== null]).toEqual(["offer", true]);

    const page = await loopPage(loopId, grace.id);
    expect([page.can.manage, page.can.linkHire, page.can.dissent]).toEqual([false, false, false]);
    const joined = await createPerson({ name: "Casey Joined" });
    const linked = await onLoop(loopId, grace.id, { intent: "link-hire", email: joined.email });
    expect([statusOf(linked), bodyOf<{ message: string }>(linked).message]).toEqual([
      409,
      PURGED_LOOP,
    ]);
    expect(await candidateOf(loopId)).toEqual(purged);
    // Someone who does not manage the opening is told what anyone is who may not link.
    const byInterviewer = await onLoop(loopId, ben.id, {
      intent: "link-hire",
      email: joined.email,
    });
    expect([statusOf(byInterviewer), bodyOf<{ message: string }>(byInterviewer).message]).toEqual([
      409,
      "Only a hire is linked to a person, by a hiring admin of the opening.",
    ]);
    const dissent = await onDebrief(loopId, ben.id, { intent: "dissent", text: "BEN-DISSENT" });
    expect(statusOf(dissent)).toBe(409);
    expect(await db.hiringDissent.count({ where: { loopId } })).toBe(0);
  });

  test("linking a hire: only the opening's hiring admins, only after a decision to hire, only once the candidate took the offer; each refusal changes nothing", async () => {
    const noHire = await hiringSetUp();
    await submitBoth(noHire);
    expect(
      statusOf(
        await onDebrief(noHire.loopId, noHire.grace.id, {
          intent: "decide",
          decision: "no-hire",
          rationale: "Not now",
        }),
      ),
    ).toBe(302);
    const joined = await createPerson({ name: "Casey Joined" });
    expect((await loopPage(noHire.loopId, noHire.grace.id)).can.linkHire).toBe(false);
    const notAHire = await onLoop(noHire.loopId, noHire.grace.id, {
      intent: "link-hire",
      email: joined.email,
    });
    expect([statusOf(notAHire), bodyOf<{ message: string }>(notAHire).message]).toEqual([
      409,
      "Only a hire is linked to a person, by a hiring admin of the opening.",
    ]);
    expect((await candidateOf(noHire.loopId)).hiredPersonId).toBeNull();

    const hire = await hiringSetUp();
    await submitBoth(hire);
    // A hire at another level than the opening's is a hire too.
    expect(
      statusOf(
        await onDebrief(hire.loopId, hire.grace.id, {
          intent: "decide",
          decision: "hire-other-level",
          levelId: "ic4",
          rationale: "Yes, one level up",
        }),
      ),
    ).toBe(302);
    // Ben interviewed and reads the debrief, but does not manage the opening.
    expect((await loopPage(hire.loopId, hire.ben.id)).can.linkHire).toBe(false);
    const byInterviewer = await onLoop(hire.loopId, hire.ben.id, {
      intent: "link-hire",
      email: joined.email,
    });
    expect(statusOf(byInterviewer)).toBe(409);
    expect((await candidateOf(hire.loopId)).hiredPersonId).toBeNull();
    // The candidate stepped back from the offer (written straight: the pipeline's own moves are tested elsewhere).
    const candidate = await candidateOf(hire.loopId);
    await db.hiringCandidate.update({
      where: { id: candidate.id },
      data: { pipelineStage: "interviews" },
    });
    expect((await loopPage(hire.loopId, hire.grace.id)).can.linkHire).toBe(true);
    const notTaken = await onLoop(hire.loopId, hire.grace.id, {
      intent: "link-hire",
      email: joined.email,
    });
    expect([statusOf(notTaken), bodyOf<{ message: string }>(notTaken).message]).toEqual([
      409,
      "Only a candidate at the offer stage or hired is linked to a person.",
    ]);
    expect((await candidateOf(hire.loopId)).hiredPersonId).toBeNull();
    await db.hiringCandidate.update({
      where: { id: candidate.id },
      data: { pipelineStage: "offer" },
    });
    const linked = await onLoop(hire.loopId, hire.grace.id, {
      intent: "link-hire",
      email: joined.email,
    });
    expect(statusOf(linked)).toBe(302);
    expect(await candidateOf(hire.loopId)).toMatchObject({
      hiredPersonId: joined.id,
      pipelineStage: "hired",
    });
  });
});
