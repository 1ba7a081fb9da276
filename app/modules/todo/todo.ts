import { daysLeft } from "~/modules/days";
import { DRAFT, SUBMITTED, type Progress } from "~/modules/progress";
import type { Message } from "~/i18n/messages";

/**
 * What a person must do next, across workflows, with due dates: pure, from facts each domain's
 * to-do provider gathers (todo.server.ts). An item disappears once its work is done. This is the
 * one place that turns facts into items: the home page, the navigation's count and the email
 * digests all read its answer.
 */

/**
 * What the reminders' pass asks each provider (todo.server.ts, todoChangesIn): whose lists may have
 * gained an item or a due date from rows written since `writtenSince` (by the database's clock), or
 * from the time passing from `from` to `to` (a cycle starting, a programme's matching day, a pulse
 * opening). Saying too many is harmless (their lists are worked out again); too few is a reminder late.
 */
export type ChangeWindow = { writtenSince: Date; from: Date; to: Date };

/** A provider's answer: these people; the managers of these; every admin; or everyone (a programme anyone may join opened). */
export type TodoChanges = {
  people: string[];
  managersOf?: string[];
  admins?: boolean;
  everyone?: boolean;
};

export type CycleRef = { id: string; name: string; endsOn: Date };

export type TodoFacts = {
  /** The person's own place in each open cycle they take part in. */
  ownCycles: { cycle: CycleRef; selfProgress: Progress; canAssess: boolean }[];
  /** Their direct reports in open cycles whose manager review is not submitted. */
  reportsToReview: {
    cycle: CycleRef;
    person: { id: string; name: string };
    selfProgress: Progress;
    managerProgress: Progress;
  }[];
  /** For admins: open cycles past their last day. */
  cyclesToClose: CycleRef[];
  /** Calibration sessions open for proposals where some of the person's reports have none yet. */
  proposalsToMake?: {
    session: { id: string; name: string };
    dueOn: Date | null;
    total: number;
    missing: number;
  }[];
  /**
   * Calibration sessions the person facilitates that are not published yet, each with its state and
   * the next one as calibration names them (session-state.ts); the message words each.
   */
  sessionsToRun?: { session: { id: string; name: string }; state: string; next: string | null }[];
  /** Interviews whose scorecard the person has not submitted (app/modules/hiring/todo.server.ts). */
  scorecardsDue?: {
    interviewId: string;
    candidate: string;
    opening: string;
    stage: string;
    scheduledAt: Date | null;
  }[];
  /** Loops whose debrief is open, the person's own cards in, no decision yet. */
  debriefsToAttend?: { loopId: string; candidate: string; opening: string }[];
  /** Loops of openings the person is a hiring admin of, debrief open, no decision yet. */
  decisionsToRecord?: { loopId: string; candidate: string; opening: string }[];
  /** Loops of those openings still waiting for scorecards; `submitted` is null where the person may not count them. */
  loopsInProgress?: {
    loopId: string;
    candidate: string;
    opening: string;
    interviews: number;
    submitted: number | null;
  }[];
  /** Candidates of those openings waiting in a stage of the pipeline: in screen or offer, or in interviews with no loop open. */
  candidatesWaiting?: {
    candidateId: string;
    candidate: string;
    stage: "screen" | "interviews" | "offer";
    since: Date;
    openingId: string;
    opening: string;
  }[];
  /** Trainees' seats on the person's past interviews that they have not signed off (app/modules/hiring/panels.server.ts). */
  signOffsDue?: {
    seatId: string;
    trainee: string;
    stage: string;
    mode: string;
    scheduledAt: Date | null;
  }[];
  /** Mentorship programmes the person may still join, until their matching day (app/modules/mentorship/todo.server.ts). */
  programmesToJoin?: { programme: { id: string; name: string }; matchingOn: Date }[];
  /** Mentees' requests waiting for the person's answer as a mentor, until pairs are published. */
  requestsToAnswer?: { programmeId: string; requestId: string; menteeName: string; dueOn: Date }[];
  /** The person's requests a mentor declined, while they may still ask someone else (none asked since, none accepted). */
  requestsDeclined?: { programmeId: string; requestId: string; mentorName: string; dueOn: Date }[];
  /** Published pairs waiting for the person's answer. */
  pairsToAnswer?: (MentorshipPairRef & { dueOn: Date | null })[];
  /** Active pairs with no check-in yet, or none in the last 30 days. */
  checkInsDue?: (MentorshipPairRef & { dueOn: Date })[];
  /** Relationship pulses the person may answer (30 and 90 days into a pair). */
  pulsesDue?: (MentorshipPairRef & { checkpoint: number; dueOn: Date })[];
  /** For admins: programmes whose matching day has come, pairs not published yet. */
  programmesToMatch?: { programme: { id: string; name: string }; matchingOn: Date }[];
  /** Active pairs asked how they went, from two weeks before their programme's last day (due that day). */
  pairOutcomesDue?: (MentorshipPairRef & { dueOn: Date })[];
  /** For admins: published programmes where a decline (since the last matching run) left someone to pair again, or a rerun is not published yet. */
  programmesToRerun?: { programme: { id: string; name: string } }[];
  /** For admins: programmes past their last day, not closed. */
  programmesToClose?: { programme: { id: string; name: string }; endsOn: Date }[];
  /**
   * Direct reports whose latest self-assessment outside any cycle has no manager review since,
   * while no cycle of theirs is under way (app/modules/cycles/todo.server.ts).
   */
  reviewsOutsideCycles?: { assessmentId: string; person: { id: string; name: string } }[];
  /** Blind pre-reads the person calibrates in: people they rate independently, and how many they have not rated (app/modules/calibration/todo.server.ts). */
  preReadsToGive?: { session: SessionRef; total: number; missing: number }[];
  /** Live sessions the person calibrates in: proposals of others' reports they may mark, and how many have no mark from them. */
  proposalsToMark?: { session: SessionRef; total: number; missing: number }[];
  /** Published sessions whose outcomes the person is to show their reports (or, as facilitator, people with no active manager). */
  outcomesToRelease?: { session: SessionRef; effectiveOn: Date | null; waiting: number }[];
  /** For admins: live sessions with people whose outcome the facilitator may not record (themselves, their managers up the line). */
  outcomesToRecord?: { session: SessionRef; missing: number }[];
  /** Feedback the person was asked for and has not given, in open cycles (app/modules/feedback/todo.server.ts). */
  feedbackToGive?: {
    requestId: string;
    subjectName: string;
    channel: "peer" | "upward";
    dueOn: Date;
    /** The fewest answers the request's subject reads together (feedback's anonymityFloor): an upward item states it. */
    floor: number;
  }[];
  /** Peer nominations of the person's reports waiting for their approval, per report and cycle. */
  nominationsToDecide?: {
    cycle: CycleRef;
    person: { id: string; name: string };
    waiting: number;
    dueOn: Date;
  }[];
  /** People with fewer peers asked than their cycle wants: the person's own (when they nominate) or their reports' (when the manager does). */
  peersToNominate?: {
    cycle: CycleRef;
    person: { id: string; name: string };
    own: boolean;
    live: number;
    minPeers: number;
    dueOn: Date;
    /** For the person who nominates: the latest of their peers declined (by their manager or the colleague), which left them short. */
    declined?: { requestId: string; reviewerName: string };
  }[];
  /** The person's reports left with too few peers because a reviewer left (was deactivated) or declined. */
  reviewersToReplace?: {
    cycle: CycleRef;
    person: { id: string; name: string };
    reviewerName: string;
    why: "left" | "declined";
    dueOn: Date;
  }[];
  /**
   * Feedback released to the person and not yet opened by them (app/modules/feedback/todo.server.ts):
   * their peers' answers, and as a manager their reports' upward aggregate, once their outcome in the
   * cycle is released and there is something they may read.
   */
  feedbackReleased?: {
    cycle: { id: string; name: string };
    personId: string;
    channel: "peer" | "upward";
  }[];
  /**
   * Open actions agreed in the person's one-to-ones and skip-levels, theirs or the other person's
   * (app/modules/conversations/todo.server.ts): on both lists until done or dropped.
   */
  conversationActions?: {
    actionId: string;
    seriesId: string;
    kind: "one-to-one" | "skip-level";
    mine: boolean;
    otherName: string;
    dueOn: Date | null;
  }[];
  /** Reports' interest in stretch opportunities that the person, their manager, has not read yet (app/modules/opportunities/todo.server.ts). */
  opportunityInterests?: {
    opportunityId: string;
    title: string;
    personId: string;
    personName: string;
  }[];
  /** The person's open opportunities that someone expressed interest in, to choose from by the day they start. */
  opportunitiesToDecide?: {
    opportunityId: string;
    title: string;
    interested: number;
    startsOn: Date;
  }[];
  /** Choices made on opportunities the person expressed interest in, until they have read them. */
  opportunityOutcomes?: { opportunityId: string; title: string; chosen: boolean }[];
  /** Key results the person owns or contributes to with no check-in in the last week of an open period (app/modules/goals/todo.server.ts). */
  keyResultCheckInsDue?: {
    keyResultId: string;
    objectiveId: string;
    title: string;
    dueOn: Date;
  }[];
  /** Sponsorships of the person that they have not seen yet (app/modules/sponsorship/todo.server.ts). */
  sponsorshipsToSee?: { sponsorshipId: string; sponsorName: string }[];
  /** Open team health check-ins the person was asked in and has not answered (app/modules/team-health/todo.server.ts). */
  teamHealthToAnswer?: { checkInId: string; team: string; closesAt: Date }[];
  /** Team health actions the person owns, not done yet. */
  teamHealthActions?: {
    actionId: string;
    checkInId: string;
    teamId: string;
    team: string;
    dueOn: Date;
  }[];
  /** Nominations of the person's direct reports made by someone else, with nothing added by them yet, while the window is open (app/modules/promotions/todo.server.ts). */
  promotionNominationsToAdd?: {
    nominationId: string;
    nomineeName: string;
    targetTitle: string;
    windowName: string;
    dueOn: Date;
  }[];
  /** Draft packets the person writes (their own, or as the nominee's manager), until submitted or the window moves on. */
  promotionPacketsToWrite?: {
    nominationId: string;
    nomineeName: string;
    own: boolean;
    windowName: string;
    gaps: number;
    dueOn: Date;
  }[];
  /** Promotion windows whose votes are being taken, with how many nominees the person votes on and has not yet (app/modules/promotions/committee-todo.server.ts). */
  promotionBallotsDue?: { window: { id: string; name: string }; owed: number; dueOn: Date }[];
  /** Promotion decisions released to the person and not yet read by them. */
  promotionAnswers?: { nominationId: string; window: string }[];
};

export type SessionRef = { id: string; name: string };

export type MentorshipPairRef = {
  programmeId: string;
  pairId: string;
  otherName: string;
  role: "mentee" | "mentor";
};

export const TODO_KINDS = [
  "self-assessment",
  "manager-review",
  "close-cycle",
  "calibration-proposals",
  "calibration-preread",
  "calibration-marks",
  "calibration-facilitate",
  "calibration-outcomes",
  "calibration-release",
  "scorecard",
  "debrief",
  "hiring-decision",
  "hiring-loop",
  "hiring-candidate",
  "interviewer-sign-off",
  "mentorship-join",
  "mentorship-answer",
  "mentorship-request",
  "mentorship-request-declined",
  "mentorship-check-in",
  "mentorship-pulse",
  "mentorship-match",
  "mentorship-outcome",
  "mentorship-rerun",
  "mentorship-close",
  "feedback-answer",
  "feedback-approve",
  "feedback-nominate",
  "feedback-replace",
  "feedback-released",
  "conversation-action",
  "opportunity-interest",
  "opportunity-decide",
  "opportunity-outcome",
  "goal-check-in",
  "sponsorship-new",
  "team-health-answer",
  "team-health-action",
  "promotion-add",
  "promotion-packet",
  "promotion-ballots",
  "promotion-answer",
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export type TodoItem = {
  /**
   * `<kind>:<subject id>`: the same while the same thing is owed (a cycle, a session, a loop, a
   * pair, an assessment), so a reminder sent for it is not sent again; a new subject, a new key.
   */
  key: string;
  kind: TodoKind;
  /** The action, naming no candidate and no rating: fit for an email subject. Worded in the reader's language where it is shown. */
  title: Message;
  /** Where the person stands, sentence by sentence, for the signed-in pages only (it may name a candidate). */
  detail: Message[];
  /** A path in the app (starts with "/"). */
  href: string;
  due: Date | null;
  /** Whole days until the end of the due date (negative once past). */
  daysLeft: number | null;
};

/** A to-do's words, before they are worded in the reader's language (the home page's, an email's): a key of the `home` namespace's `todo` messages. */
const say = (key: string, values?: Message["values"]): Message => ({
  key: `home:todo.${key}`,
  ...(values ? { values } : {}),
});

function progressWord(progress: Progress): "submitted" | "draft" | "none" {
  return progress === SUBMITTED ? "submitted" : progress === DRAFT ? "draft" : "none";
}

export function todoItems(facts: TodoFacts, now: Date): TodoItem[] {
  const items: TodoItem[] = [];
  const add = (
    kind: TodoKind,
    subjectId: string,
    item: Omit<TodoItem, "key" | "kind" | "daysLeft">,
  ) =>
    items.push({
      key: `${kind}:${subjectId}`,
      kind,
      ...item,
      daysLeft: item.due ? daysLeft(item.due, now) : null,
    });

  for (const { cycle, selfProgress, canAssess } of facts.ownCycles) {
    if (selfProgress === SUBMITTED || !canAssess) continue;
    add("self-assessment", cycle.id, {
      title: say("selfAssessment.title", { cycle: cycle.name }),
      detail: [say(selfProgress === DRAFT ? "selfAssessment.draft" : "selfAssessment.notStarted")],
      href: "/assess",
      due: cycle.endsOn,
    });
  }
  const byCycle = new Map<string, { cycle: CycleRef; people: TodoFacts["reportsToReview"] }>();
  for (const entry of facts.reportsToReview) {
    const group = byCycle.get(entry.cycle.id) ?? { cycle: entry.cycle, people: [] };
    group.people.push(entry);
    byCycle.set(entry.cycle.id, group);
  }
  for (const { cycle, people } of byCycle.values()) {
    const ready = people.filter((entry) => entry.selfProgress === SUBMITTED);
    const first = [...people].sort(
      (a, b) =>
        Number(b.selfProgress === SUBMITTED) - Number(a.selfProgress === SUBMITTED) ||
        a.person.name.localeCompare(b.person.name),
    )[0]!;
    const whereEach = people.map((entry) =>
      say("managerReview.person", {
        name: entry.person.name,
        self: progressWord(entry.selfProgress),
        drafted: entry.managerProgress === DRAFT ? "yes" : "no",
      }),
    );
    add("manager-review", cycle.id, {
      title:
        people.length === 1
          ? say("managerReview.titleOne", { name: people[0]!.person.name, cycle: cycle.name })
          : say("managerReview.titleMany", { count: people.length, cycle: cycle.name }),
      detail: [
        ...(ready.length ? [say("managerReview.ready", { count: ready.length })] : []),
        ...whereEach,
      ],
      href: people.length === 1 ? `/people/${first.person.id}/review` : "/team",
      due: cycle.endsOn,
    });
  }
  for (const { assessmentId, person } of facts.reviewsOutsideCycles ?? []) {
    // Keyed by the self-assessment: a later one is a new request, a new reminder.
    add("manager-review", assessmentId, {
      title: say("managerReview.titleOutside", { name: person.name }),
      detail: [say("managerReview.outside", { name: person.name })],
      href: `/people/${person.id}/review`,
      due: null,
    });
  }
  for (const cycle of facts.cyclesToClose) {
    add("close-cycle", cycle.id, {
      title: say("closeCycle.title", { cycle: cycle.name }),
      detail: [say("closeCycle.detail")],
      href: `/admin/cycles/${cycle.id}`,
      due: cycle.endsOn,
    });
  }
  for (const { session, dueOn, total, missing } of facts.proposalsToMake ?? []) {
    add("calibration-proposals", session.id, {
      title: say("proposals.title", { session: session.name }),
      detail: [say("proposals.detail", { missing, total })],
      href: `/calibration/${session.id}`,
      due: dueOn,
    });
  }
  for (const { session, total, missing } of facts.preReadsToGive ?? []) {
    if (missing === 0) continue;
    add("calibration-preread", session.id, {
      title: say("preread.title", { session: session.name }),
      detail: [say("preread.detail", { missing, total })],
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, total, missing } of facts.proposalsToMark ?? []) {
    if (missing === 0) continue;
    add("calibration-marks", session.id, {
      title: say("marks.title", { session: session.name }),
      detail: [say("marks.detail", { missing, total })],
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, state, next } of facts.sessionsToRun ?? []) {
    add("calibration-facilitate", session.id, {
      title: say("facilitate.title", { session: session.name }),
      detail: [say("facilitate.detail", { state, next: next ?? "none" })],
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, missing } of facts.outcomesToRecord ?? []) {
    if (missing === 0) continue;
    add("calibration-outcomes", session.id, {
      title: say("outcomes.title", { session: session.name }),
      detail: [say("outcomes.detail", { missing })],
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, effectiveOn, waiting } of facts.outcomesToRelease ?? []) {
    if (waiting === 0) continue;
    // Promotions take effect on their day whether or not anyone was told: tell people first.
    add("calibration-release", session.id, {
      title: say("release.title", { session: session.name }),
      detail: [say("release.detail", { waiting })],
      href: `/calibration/${session.id}`,
      due: effectiveOn,
    });
  }
  const candidate = (name: string) => say("hiring.candidate", { candidate: name });
  for (const due of facts.scorecardsDue ?? []) {
    // A card is due the day after the interview: evidence fades fast.
    const dueOn = due.scheduledAt
      ? new Date(due.scheduledAt.getTime() + 24 * 60 * 60 * 1000)
      : null;
    add("scorecard", due.interviewId, {
      title: say("hiring.scorecard.title", { stage: due.stage, opening: due.opening }),
      detail: [candidate(due.candidate), say("hiring.scorecard.detail")],
      href: `/hiring/interviews/${due.interviewId}`,
      due: dueOn,
    });
  }
  for (const seat of facts.signOffsDue ?? []) {
    // A sign-off is due the day after the interview the trainee sat in on, while it is fresh.
    add("interviewer-sign-off", seat.seatId, {
      title: say("hiring.signOff.title", { stage: seat.stage }),
      detail: [say("hiring.signOff.detail", { trainee: seat.trainee, mode: seat.mode })],
      href: `/hiring/seats/${seat.seatId}`,
      due: seat.scheduledAt ? new Date(seat.scheduledAt.getTime() + 24 * 60 * 60 * 1000) : null,
    });
  }
  for (const loop of facts.debriefsToAttend ?? []) {
    add("debrief", loop.loopId, {
      title: say("hiring.debrief.title", { opening: loop.opening }),
      detail: [candidate(loop.candidate), say("hiring.debrief.detail")],
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
    });
  }
  for (const loop of facts.decisionsToRecord ?? []) {
    add("hiring-decision", loop.loopId, {
      title: say("hiring.decision.title", { opening: loop.opening }),
      detail: [candidate(loop.candidate), say("hiring.decision.detail")],
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
    });
  }
  for (const loop of facts.loopsInProgress ?? []) {
    add("hiring-loop", loop.loopId, {
      title: say("hiring.loop.title", { opening: loop.opening }),
      detail: [
        candidate(loop.candidate),
        loop.interviews === 0
          ? say("hiring.loop.nobodyAssigned")
          : loop.submitted === null
            ? say("hiring.loop.yoursNotIn")
            : say("hiring.loop.scorecardsIn", {
                submitted: loop.submitted,
                interviews: loop.interviews,
              }),
      ],
      href: `/hiring/loops/${loop.loopId}`,
      due: null,
    });
  }
  for (const waiting of facts.candidatesWaiting ?? []) {
    const days = Math.max(
      0,
      Math.floor((now.getTime() - waiting.since.getTime()) / (24 * 60 * 60 * 1000)),
    );
    // Keyed by the stage too: waiting in the next stage is a new thing to do.
    add("hiring-candidate", `${waiting.candidateId}:${waiting.stage}`, {
      title: say(`hiring.waiting.${waiting.stage}.title`, { opening: waiting.opening }),
      detail: [
        candidate(waiting.candidate),
        say(`hiring.waiting.${waiting.stage}.detail`, { days }),
      ],
      href: `/hiring/openings/${waiting.openingId}/pipeline`,
      due: null,
    });
  }
  for (const { programme, matchingOn } of facts.programmesToJoin ?? []) {
    // Opt-ins close as the matching day begins: the day before is the last.
    add("mentorship-join", programme.id, {
      title: say("mentorship.join.title", { programme: programme.name }),
      detail: [say("mentorship.join.detail")],
      href: `/mentorship/${programme.id}`,
      due: new Date(matchingOn.getTime() - 24 * 60 * 60 * 1000),
    });
  }
  for (const request of facts.requestsToAnswer ?? []) {
    add("mentorship-request", request.requestId, {
      title: say("mentorship.request.title", { name: request.menteeName }),
      detail: [say("mentorship.request.detail")],
      href: `/mentorship/${request.programmeId}/requests`,
      due: request.dueOn,
    });
  }
  for (const request of facts.requestsDeclined ?? []) {
    // Told once per decline (the key is the request); gone once they ask someone else or a mentor accepts.
    add("mentorship-request-declined", request.requestId, {
      title: say("mentorship.declined.title", { name: request.mentorName }),
      detail: [say("mentorship.declined.detail")],
      href: `/mentorship/${request.programmeId}/mentors`,
      due: request.dueOn,
    });
  }
  const pairHref = (pair: MentorshipPairRef) =>
    `/mentorship/${pair.programmeId}/pairs/${pair.pairId}`;
  // Who the other person is to the reader: their mentor when the reader is the mentee.
  const other = (pair: MentorshipPairRef) => ({
    name: pair.otherName,
    other: pair.role === "mentee" ? "mentor" : "mentee",
  });
  for (const pair of facts.pairsToAnswer ?? []) {
    add("mentorship-answer", pair.pairId, {
      title: say("mentorship.answer.title", { name: pair.otherName }),
      detail: [say("mentorship.answer.detail", other(pair))],
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const pair of facts.checkInsDue ?? []) {
    add("mentorship-check-in", pair.pairId, {
      title: say("mentorship.checkIn.title", { name: pair.otherName }),
      detail: [say("mentorship.checkIn.detail", other(pair))],
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const pair of facts.pulsesDue ?? []) {
    add("mentorship-pulse", `${pair.pairId}:${pair.checkpoint}`, {
      title: say("mentorship.pulse.title", { days: pair.checkpoint, name: pair.otherName }),
      detail: [say("mentorship.pulse.detail")],
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const { programme, matchingOn } of facts.programmesToMatch ?? []) {
    add("mentorship-match", programme.id, {
      title: say("mentorship.match.title", { programme: programme.name }),
      detail: [say("mentorship.match.detail")],
      href: `/mentorship/${programme.id}/matching`,
      due: matchingOn,
    });
  }
  for (const pair of facts.pairOutcomesDue ?? []) {
    add("mentorship-outcome", pair.pairId, {
      title: say("mentorship.outcome.title", { name: pair.otherName }),
      detail: [say("mentorship.outcome.detail")],
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const { programme } of facts.programmesToRerun ?? []) {
    add("mentorship-rerun", programme.id, {
      title: say("mentorship.rerun.title", { programme: programme.name }),
      detail: [say("mentorship.rerun.detail")],
      href: `/mentorship/${programme.id}/matching`,
      due: null,
    });
  }
  for (const { programme, endsOn } of facts.programmesToClose ?? []) {
    add("mentorship-close", programme.id, {
      title: say("mentorship.close.title", { programme: programme.name }),
      detail: [say("mentorship.close.detail")],
      href: `/mentorship/${programme.id}`,
      due: endsOn,
    });
  }
  for (const action of facts.conversationActions ?? []) {
    const meeting = action.kind === "one-to-one" ? "oneToOne" : "skipLevel";
    // The action's words are the two people's: the title (an email's subject) and detail say only whose it is and where.
    add("conversation-action", action.actionId, {
      title: say(action.mine ? "conversation.mine.title" : "conversation.theirs.title", {
        meeting,
        name: action.otherName,
      }),
      detail: [
        say(action.mine ? "conversation.mine.detail" : "conversation.theirs.detail", {
          name: action.otherName,
        }),
      ],
      href: `/conversations/${action.seriesId}`,
      due: action.dueOn,
    });
  }
  for (const interest of facts.opportunityInterests ?? []) {
    // The note is for the opportunity's page: an email says only who and where.
    add("opportunity-interest", `${interest.opportunityId}/${interest.personId}`, {
      title: say("opportunity.interest.title", { title: interest.title }),
      detail: [say("opportunity.interest.detail", { name: interest.personName })],
      href: `/opportunities/${interest.opportunityId}`,
      due: null,
    });
  }
  for (const opportunity of facts.opportunitiesToDecide ?? []) {
    add("opportunity-decide", opportunity.opportunityId, {
      title: say("opportunity.decide.title", { title: opportunity.title }),
      detail: [say("opportunity.decide.detail", { count: opportunity.interested })],
      href: `/opportunities/${opportunity.opportunityId}`,
      due: opportunity.startsOn,
    });
  }
  for (const outcome of facts.opportunityOutcomes ?? []) {
    add("opportunity-outcome", outcome.opportunityId, {
      title: say("opportunity.outcome.title", { title: outcome.title }),
      detail: [
        say(outcome.chosen ? "opportunity.outcome.chosen" : "opportunity.outcome.notChosen"),
      ],
      href: `/opportunities/${outcome.opportunityId}`,
      due: null,
    });
  }
  for (const due of facts.keyResultCheckInsDue ?? []) {
    add("goal-check-in", due.keyResultId, {
      title: say("goal.checkIn.title", { title: due.title }),
      detail: [say("goal.checkIn.detail")],
      href: `/goals/objectives/${due.objectiveId}#kr-${due.keyResultId}`,
      due: due.dueOn,
    });
  }
  for (const sponsorship of facts.sponsorshipsToSee ?? []) {
    add("sponsorship-new", sponsorship.sponsorshipId, {
      title: say("sponsorship.title"),
      detail: [say("sponsorship.detail", { name: sponsorship.sponsorName })],
      href: "/sponsorships",
      due: null,
    });
  }
  for (const checkIn of facts.teamHealthToAnswer ?? []) {
    add("team-health-answer", checkIn.checkInId, {
      title: say("teamHealth.answer.title", { team: checkIn.team }),
      detail: [say("teamHealth.answer.detail")],
      href: `/team-health/${checkIn.checkInId}`,
      due: checkIn.closesAt,
    });
  }
  for (const action of facts.teamHealthActions ?? []) {
    add("team-health-action", action.actionId, {
      title: say("teamHealth.action.title", { team: action.team }),
      detail: [say("teamHealth.action.detail")],
      href: `/team-health/${action.checkInId}/teams/${action.teamId}`,
      due: action.dueOn,
    });
  }
  for (const request of facts.feedbackToGive ?? []) {
    const channel = request.channel === "upward" ? "upward" : "peer";
    add("feedback-answer", request.requestId, {
      title: say(`feedback.give.${channel}.title`, { name: request.subjectName }),
      detail: [
        channel === "upward"
          ? say("feedback.give.upward.detail", { floor: request.floor })
          : say("feedback.give.peer.detail"),
      ],
      href: `/feedback/${request.requestId}`,
      due: request.dueOn,
    });
  }
  for (const entry of facts.nominationsToDecide ?? []) {
    add("feedback-approve", `${entry.cycle.id}/${entry.person.id}`, {
      title: say("feedback.approve.title", { name: entry.person.name }),
      detail: [say("feedback.approve.detail", { waiting: entry.waiting, cycle: entry.cycle.name })],
      href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
      due: entry.dueOn,
    });
  }
  for (const entry of facts.reviewersToReplace ?? []) {
    add("feedback-replace", `${entry.cycle.id}/${entry.person.id}`, {
      title: say("feedback.replace.title", { name: entry.person.name }),
      detail: [
        say("feedback.replace.detail", {
          reviewer: entry.reviewerName,
          why: entry.why === "declined" ? "declined" : "left",
          name: entry.person.name,
          cycle: entry.cycle.name,
        }),
      ],
      href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
      due: entry.dueOn,
    });
  }
  for (const entry of facts.peersToNominate ?? []) {
    // Left short by a decline: a new thing to do (keyed by the declined request), so it is told again.
    const declined = entry.own ? entry.declined : undefined;
    add(
      "feedback-nominate",
      `${entry.cycle.id}/${entry.person.id}${declined ? `/${declined.requestId}` : ""}`,
      {
        title: declined
          ? say("feedback.nominate.titleAnother", { cycle: entry.cycle.name })
          : entry.own
            ? say("feedback.nominate.titleOwn", { cycle: entry.cycle.name })
            : say("feedback.nominate.titleFor", { name: entry.person.name }),
        detail: [
          ...(declined ? [say("feedback.nominate.declined", { name: declined.reviewerName })] : []),
          say("feedback.nominate.detail", { live: entry.live, min: entry.minPeers }),
        ],
        href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
        due: entry.dueOn,
      },
    );
  }
  for (const { cycle, personId, channel } of facts.feedbackReleased ?? []) {
    const reading = channel === "upward" ? "upward" : "own";
    // Keyed by cycle and channel: the person's own feedback and their reports' upward aggregate are two readings.
    add("feedback-released", `${cycle.id}/${channel}`, {
      title: say(`feedback.released.${reading}.title`, { cycle: cycle.name }),
      detail: [say(`feedback.released.${reading}.detail`)],
      href: `/feedback/cycles/${cycle.id}/people/${personId}`,
      due: null,
    });
  }
  for (const entry of facts.promotionNominationsToAdd ?? []) {
    add("promotion-add", entry.nominationId, {
      title: say("promotion.add.title", { name: entry.nomineeName }),
      detail: [
        say("promotion.add.detail", {
          name: entry.nomineeName,
          target: entry.targetTitle,
          window: entry.windowName,
        }),
      ],
      href: `/promotions/nominations/${entry.nominationId}`,
      due: entry.dueOn,
    });
  }
  for (const entry of facts.promotionPacketsToWrite ?? []) {
    add("promotion-packet", entry.nominationId, {
      title: entry.own
        ? say("promotion.packet.title", { window: entry.windowName })
        : say("promotion.packet.titleFor", { name: entry.nomineeName }),
      detail: [say("promotion.packet.detail", { gaps: entry.gaps })],
      href: `/promotions/nominations/${entry.nominationId}`,
      due: entry.dueOn,
    });
  }
  for (const { window, owed, dueOn } of facts.promotionBallotsDue ?? []) {
    if (owed === 0) continue;
    // Keyed by the window: the votes owed in it are one thing to do, whoever the nominees are.
    add("promotion-ballots", window.id, {
      title: say("promotions.ballots.title", { window: window.name }),
      detail: [say("promotions.ballots.detail", { count: owed })],
      href: `/promotions/windows/${window.id}/meeting`,
      due: dueOn,
    });
  }
  for (const answer of facts.promotionAnswers ?? []) {
    // The title (an email's subject) says a decision is there, never what it is.
    add("promotion-answer", answer.nominationId, {
      title: say("promotions.answer.title", { window: answer.window }),
      detail: [say("promotions.answer.detail")],
      href: `/promotions/outcome/${answer.nominationId}`,
      due: null,
    });
  }
  // Soonest first; undated last.
  // Items due together keep the order they are listed in above (the sort is stable), the same in every language.
  return items.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
}
