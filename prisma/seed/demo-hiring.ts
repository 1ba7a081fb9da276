import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import {
  addCandidate,
  assignInterviewer,
  recordDecision,
} from "../../app/modules/hiring/loops.server.ts";
import { createOpening, saveStage } from "../../app/modules/hiring/openings.server.ts";
import { moveCandidate } from "../../app/modules/hiring/pipeline.server.ts";
import { saveScorecardDraft, submitScorecard } from "../../app/modules/hiring/scorecards.server.ts";

export const DEMO_OPENING_TITLE = "Senior Engineer, Identity";

const DAY = 24 * 60 * 60 * 1000;

const STAGES = [
  { name: "Coding", competencyIds: ["code-quality", "testing", "security", "operations"] },
  {
    name: "System design",
    competencyIds: [
      "system-design",
      "technical-judgement",
      "technical-direction",
      "data-and-measurement",
    ],
  },
  { name: "Delivery and product", competencyIds: ["planning", "execution", "product-thinking"] },
  {
    name: "Collaboration",
    competencyIds: [
      "written-communication",
      "collaboration",
      "feedback",
      "mentoring",
      "hiring",
      "organisational-influence",
    ],
  },
];

/** The interviewer of each stage, by email: Identity and Mobile people, whom no browser test signs in as. */
const PANEL = [
  "henrik.sorensen@example.com",
  "yuki.sato@example.com",
  "marcus.reid@example.com",
  "diego.santos@example.com",
];

type Card = { scores: number[]; recommendation: string; notes: string };

/**
 * The demo's hiring, ready to explore: Grace Liu (hiring admin) has opened a Senior Engineer role
 * with a four-stage plan covering the level. One candidate's loop is in progress (two cards in, one
 * draft, one not started), so it is on Grace's home page; another's cards are all in, so its
 * debrief is open and the decision is Grace's to record (on her home page too); an earlier
 * candidate's loop was decided after two interviewers disagreed on system design, so the
 * decision and the statistics have something to show. The pipeline has candidates in every
 * stage: two waiting in screen, one at the offer stage, one rejected at screen with a reason and
 * the no-hire above, beside the two in interviews. Made through the hiring module, as Grace and
 * the interviewers would. Idempotent.
 */
export async function seedDemoHiring(now = new Date()): Promise<void> {
  if (
    await db.hiringOpening.findFirst({ where: { title: DEMO_OPENING_TITLE }, select: { id: true } })
  )
    return;
  const people = await db.user.findMany({
    where: { email: { in: ["grace.liu@example.com", ...PANEL] } },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const byEmail = new Map<string, Viewer>(people.map((person) => [person.email, person]));
  const grace = byEmail.get("grace.liu@example.com");
  const panel = PANEL.map((email) => byEmail.get(email));
  if (!grace || panel.some((person) => !person)) return;
  const interviewers = panel as Viewer[];

  const opened = await createOpening(grace, {
    title: DEMO_OPENING_TITLE,
    ladderId: "engineering",
    levelId: "ic3",
    adminEmails: [],
    starterPlan: false,
  });
  if (!opened.ok)
    throw new Error(`The demo opening was not created: ${JSON.stringify(opened.fieldErrors)}`);
  const openingId = opened.openingId;
  for (const stage of STAGES) {
    const saved = await saveStage(grace, openingId, stage);
    if (!saved.ok)
      throw new Error(
        `The demo plan's stage ${stage.name} was refused: ${JSON.stringify(saved.fieldErrors)}`,
      );
  }
  const stages = await db.hiringStage.findMany({
    where: { openingId },
    orderBy: { position: "asc" },
    select: { id: true },
  });

  // Added a week before the interviews, staffed (so moved on to interviews) five days before them.
  async function loop(
    candidate: { name: string; email: string; source: string; notes: string },
    scheduledAt: Date,
  ) {
    const { loopId } = await addCandidate(
      grace!,
      openingId,
      candidate,
      new Date(scheduledAt.getTime() - 7 * DAY),
    );
    for (const [index, stage] of stages.entries()) {
      const assigned = await assignInterviewer(
        grace!,
        loopId,
        {
          stageId: stage.id,
          email: interviewers[index]!.email,
          scheduledAt: new Date(scheduledAt.getTime() + index * 90 * 60 * 1000),
        },
        new Date(scheduledAt.getTime() - 5 * DAY),
      );
      if (!assigned.ok)
        throw new Error(`The demo loop was not staffed: ${JSON.stringify(assigned.fieldErrors)}`);
    }
    return {
      loopId,
      interviewOf: (person: Viewer, stageIndex: number) => interviewIn(loopId, person, stageIndex),
    };
  }

  async function interviewIn(loopId: string, person: Viewer, stageIndex: number): Promise<string> {
    const interview = await db.hiringInterview.findFirstOrThrow({
      where: { loopId, interviewerId: person.id, stageId: stages[stageIndex]!.id },
      select: { id: true },
    });
    return interview.id;
  }

  async function card(
    person: Viewer,
    interviewId: string,
    stageIndex: number,
    { scores, recommendation, notes }: Card,
    submitAt: Date | null,
  ) {
    const competencyIds = STAGES[stageIndex]!.competencyIds;
    const changes = [
      ...competencyIds.flatMap((competencyId, index) => [
        { field: `rating:${competencyId}`, value: scores[index] ?? null, base: null },
        {
          field: `notes:${competencyId}`,
          value: scores[index] === undefined ? "" : `${notes} (${competencyId.replace(/-/g, " ")})`,
          base: "",
        },
      ]),
      { field: "recommendation", value: recommendation, base: null },
      { field: "summary", value: notes, base: "" },
    ];
    const saved = await saveScorecardDraft(
      person,
      interviewId,
      { baseRevision: 0, changes },
      submitAt ?? now,
    );
    if (!saved.body.ok)
      throw new Error(`A demo scorecard was not saved: ${JSON.stringify(saved.body)}`);
    if (!submitAt) return;
    const submitted = await submitScorecard(person, interviewId, saved.body.revision, submitAt);
    if (submitted.status !== 200)
      throw new Error(`A demo scorecard was not submitted: ${JSON.stringify(submitted.body)}`);
  }

  // An earlier candidate, decided five weeks ago: two interviewers in system design, who disagreed.
  const pastAt = new Date(now.getTime() - 40 * DAY);
  const past = await loop(
    {
      name: "Robin Okoye",
      email: "robin.okoye@example.net",
      source: "Careers page",
      notes: "Eight years in payments; wants to move into identity.",
    },
    pastAt,
  );
  const second = await assignInterviewer(
    grace,
    past.loopId,
    {
      stageId: stages[1]!.id,
      email: interviewers[0]!.email,
      scheduledAt: new Date(pastAt.getTime() + 6 * 60 * 60 * 1000),
    },
    new Date(pastAt.getTime() - 5 * DAY),
  );
  if (!second.ok)
    throw new Error(`The demo loop was not staffed: ${JSON.stringify(second.fieldErrors)}`);
  const pastCards: Card[] = [
    {
      scores: [3, 2, 3, 3],
      recommendation: "yes",
      notes: "Clean, well-tested solution; talked through failure modes unprompted",
    },
    {
      scores: [1, 2, 2, 2],
      recommendation: "no",
      notes: "Jumped to a design before asking about scale; struggled to weigh trade-offs",
    },
    {
      scores: [3, 3, 2],
      recommendation: "yes",
      notes: "Concrete examples of planning a migration and cutting scope",
    },
    {
      scores: [3, 2, 2, 3, 2, 2],
      recommendation: "no",
      notes: "Clear writer; little evidence of mentoring or of influence beyond the team",
    },
  ];
  for (const [index, person] of interviewers.entries())
    await card(
      person,
      await past.interviewOf(person, index),
      index,
      pastCards[index]!,
      new Date(pastAt.getTime() + (index + 1) * 6 * 60 * 60 * 1000),
    );
  const secondCard: Card = {
    scores: [3, 3, 2, 2],
    recommendation: "yes",
    notes: "Asked about scale first and sketched a sound token store; thin on metrics",
  };
  await card(
    interviewers[0]!,
    await past.interviewOf(interviewers[0]!, 1),
    1,
    secondCard,
    new Date(pastAt.getTime() + 30 * 60 * 60 * 1000),
  );
  await recordDecision(
    grace,
    past.loopId,
    {
      decision: "no-hire",
      rationale:
        "Strong coder, but system design fell short of the Senior bar and the panel split; encouraged to reapply in a year.",
    },
    new Date(pastAt.getTime() + 2 * DAY),
  );

  // A loop ready to debrief: interviewed last week, every card in, no decision yet.
  const debriefAt = new Date(now.getTime() - 8 * DAY);
  const ready = await loop(
    {
      name: "Morgan Ellis",
      email: "morgan.ellis@example.net",
      source: "Recruiter outreach",
      notes: "Leads a small platform team today; looking to return to hands-on work.",
    },
    debriefAt,
  );
  const readyCards: Card[] = [
    {
      scores: [3, 3, 3, 2],
      recommendation: "yes",
      notes: "Wrote readable code and tested the edge cases first",
    },
    {
      scores: [3, 2, 3, 3],
      recommendation: "yes",
      notes: "Sound design of the session store; weighed cost against latency",
    },
    {
      scores: [3, 3, 3],
      recommendation: "strong-yes",
      notes: "Planned a risky migration in reversible steps",
    },
    {
      scores: [3, 3, 3, 4, 2, 3],
      recommendation: "yes",
      notes: "Mentors two engineers today and can show how they grew",
    },
  ];
  for (const [index, person] of interviewers.entries())
    await card(
      person,
      await ready.interviewOf(person, index),
      index,
      readyCards[index]!,
      new Date(debriefAt.getTime() + (index + 1) * 6 * 60 * 60 * 1000),
    );

  // The loop in progress: interviews over the last two days and tomorrow.
  const current = await loop(
    {
      name: "Jordan Avery",
      email: "jordan.avery@example.net",
      source: "Referral (Henrik Sorensen)",
      notes: "Currently a senior engineer on an authentication team; notice period six weeks.",
    },
    new Date(now.getTime() - 2 * DAY),
  );
  await card(
    interviewers[0]!,
    await current.interviewOf(interviewers[0]!, 0),
    0,
    {
      scores: [3, 3, 2, 3],
      recommendation: "yes",
      notes: "Refactored the exercise in small steps with tests first",
    },
    new Date(now.getTime() - 2 * DAY + 3 * 60 * 60 * 1000),
  );
  await card(
    interviewers[1]!,
    await current.interviewOf(interviewers[1]!, 1),
    1,
    {
      scores: [4, 3, 3, 3],
      recommendation: "strong-yes",
      notes: "Designed the token service with clear reasoning about consistency and cost",
    },
    new Date(now.getTime() - DAY),
  );
  await card(
    interviewers[2]!,
    await current.interviewOf(interviewers[2]!, 2),
    2,
    { scores: [3], recommendation: "yes", notes: "Walked through a quarter's plan" },
    null,
  );

  // The rest of the pipeline: two candidates to screen, one rejected at screen, one at the offer stage (after an interview loop run outside Rungs).
  const added = async (
    candidate: { name: string; email: string; source: string; notes: string },
    daysAgo: number,
  ) => {
    const { loopId } = await addCandidate(
      grace!,
      openingId,
      candidate,
      new Date(now.getTime() - daysAgo * DAY),
    );
    const { candidateId } = await db.hiringLoop.findUniqueOrThrow({
      where: { id: loopId },
      select: { candidateId: true },
    });
    return candidateId;
  };
  const moved = async (
    candidateId: string,
    request: Parameters<typeof moveCandidate>[3],
    daysAgo: number,
  ) => {
    const result = await moveCandidate(
      grace!,
      openingId,
      candidateId,
      request,
      new Date(now.getTime() - daysAgo * DAY),
    );
    if (!result.ok)
      throw new Error(`A demo candidate was not moved: ${JSON.stringify(result.fieldErrors)}`);
  };
  await added(
    {
      name: "Sam Rivera",
      email: "sam.rivera@example.net",
      source: "Careers page",
      notes: "Backend engineer at a bank; OAuth and SAML integrations.",
    },
    3,
  );
  await added(
    {
      name: "Nadia Karim",
      email: "nadia.karim@example.net",
      source: "Meetup talk on passkeys",
      notes: "Six years in mobile; wants to move to the identity platform.",
    },
    9,
  );
  const rejected = await added(
    {
      name: "Chris Dubois",
      email: "chris.dubois@example.net",
      source: "Agency",
      notes: "Front-end specialist.",
    },
    16,
  );
  await moved(
    rejected,
    {
      to: "rejected",
      reason: "experience",
      note: "No back-end or identity work yet; suggested the Web team's opening.",
    },
    14,
  );
  const offered = await added(
    {
      name: "Alex Moreau",
      email: "alex.moreau@example.net",
      source: "Referral (Yuki Sato)",
      notes: "Former colleague of Yuki's; interviewed by the Mobile team's loop in the spring.",
    },
    30,
  );
  await moved(offered, { to: "interviews", reason: null, note: "" }, 26);
  await moved(offered, { to: "offer", reason: null, note: "" }, 5);
}
