import { daysLeft } from "~/modules/days";
import { DRAFT, SUBMITTED, type Progress } from "~/modules/progress";
import { plural } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

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
export type TodoChanges = { people: string[]; managersOf?: string[]; admins?: boolean; everyone?: boolean };

export type CycleRef = { id: string; name: string; endsOn: Date };

export type TodoFacts = {
  /** The person's own place in each open cycle they take part in. */
  ownCycles: { cycle: CycleRef; selfProgress: Progress; canAssess: boolean }[];
  /** Their direct reports in open cycles whose manager review is not submitted. */
  reportsToReview: { cycle: CycleRef; person: { id: string; name: string }; selfProgress: Progress; managerProgress: Progress }[];
  /** For admins: open cycles past their last day. */
  cyclesToClose: CycleRef[];
  /** Calibration sessions open for proposals where some of the person's reports have none yet. */
  proposalsToMake?: { session: { id: string; name: string }; dueOn: Date | null; total: number; missing: number }[];
  /** Calibration sessions the person facilitates that are not published yet. */
  sessionsToRun?: { session: { id: string; name: string }; stateLabel: string; nextLabel: string | null }[];
  /** Interviews whose scorecard the person has not submitted (app/modules/hiring/todo.server.ts). */
  scorecardsDue?: { interviewId: string; candidate: string; opening: string; stage: string; scheduledAt: Date | null }[];
  /** Loops whose debrief is open, the person's own cards in, no decision yet. */
  debriefsToAttend?: { loopId: string; candidate: string; opening: string }[];
  /** Loops of openings the person is a hiring admin of, debrief open, no decision yet. */
  decisionsToRecord?: { loopId: string; candidate: string; opening: string }[];
  /** Loops of those openings still waiting for scorecards; `submitted` is null where the person may not count them. */
  loopsInProgress?: { loopId: string; candidate: string; opening: string; interviews: number; submitted: number | null }[];
  /** Candidates of those openings waiting in a stage of the pipeline: in screen or offer, or in interviews with no loop open. */
  candidatesWaiting?: { candidateId: string; candidate: string; stage: "screen" | "interviews" | "offer"; since: Date; openingId: string; opening: string }[];
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
  feedbackToGive?: { requestId: string; subjectName: string; channel: "peer" | "upward"; dueOn: Date }[];
  /** Peer nominations of the person's reports waiting for their approval, per report and cycle. */
  nominationsToDecide?: { cycle: CycleRef; person: { id: string; name: string }; waiting: number; dueOn: Date }[];
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
  reviewersToReplace?: { cycle: CycleRef; person: { id: string; name: string }; reviewerName: string; why: "left" | "declined"; dueOn: Date }[];
  /**
   * Feedback released to the person and not yet opened by them (app/modules/feedback/todo.server.ts):
   * their peers' answers, and as a manager their reports' upward aggregate, once their outcome in the
   * cycle is released and there is something they may read.
   */
  feedbackReleased?: { cycle: { id: string; name: string }; personId: string; channel: "peer" | "upward" }[];
  /**
   * Open actions agreed in the person's one-to-ones and skip-levels, theirs or the other person's
   * (app/modules/conversations/todo.server.ts): on both lists until done or dropped.
   */
  conversationActions?: { actionId: string; seriesId: string; kind: "one-to-one" | "skip-level"; mine: boolean; otherName: string; dueOn: Date | null }[];
};

export type SessionRef = { id: string; name: string };

export type MentorshipPairRef = { programmeId: string; pairId: string; otherName: string; role: "mentee" | "mentor" };

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
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export type TodoItem = {
  /**
   * `<kind>:<subject id>`: the same while the same thing is owed (a cycle, a session, a loop, a
   * pair, an assessment), so a reminder sent for it is not sent again; a new subject, a new key.
   */
  key: string;
  kind: TodoKind;
  /** The action in plain words, naming no candidate and no rating: fit for an email subject. */
  title: string;
  /** Where the person stands, in words, for the signed-in pages only (it may name a candidate). */
  detail: string;
  /** A path in the app (starts with "/"). */
  href: string;
  due: Date | null;
  /** Whole days until the end of the due date (negative once past). */
  daysLeft: number | null;
};

function waitingWord(progress: Progress): string {
  return progress === SUBMITTED ? "submitted" : progress === DRAFT ? "draft started" : "not started";
}

export function todoItems(facts: TodoFacts, now: Date): TodoItem[] {
  const items: TodoItem[] = [];
  const add = (kind: TodoKind, subjectId: string, item: Omit<TodoItem, "key" | "kind" | "daysLeft">) =>
    items.push({ key: `${kind}:${subjectId}`, kind, ...item, daysLeft: item.due ? daysLeft(item.due, now) : null });

  for (const { cycle, selfProgress, canAssess } of facts.ownCycles) {
    if (selfProgress === SUBMITTED || !canAssess) continue;
    add("self-assessment", cycle.id, {
      title: `Assess yourself for ${cycle.name}`,
      detail: selfProgress === DRAFT ? "Your draft is saved; finish and submit it." : "Not started yet.",
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
    const first = [...people].sort((a, b) => Number(b.selfProgress === SUBMITTED) - Number(a.selfProgress === SUBMITTED) || a.person.name.localeCompare(b.person.name))[0]!;
    const names = people.map((entry) => `${entry.person.name} (self-assessment ${waitingWord(entry.selfProgress)}${entry.managerProgress === DRAFT ? ", your review drafted" : ""})`);
    add("manager-review", cycle.id, {
      title: people.length === 1 ? `Review ${people[0]!.person.name} for ${cycle.name}` : `Review ${plural(people.length, "# report")} for ${cycle.name}`,
      detail: `${ready.length ? `${ready.length} ready to review. ` : ""}${names.join("; ")}.`,
      href: people.length === 1 ? `/people/${first.person.id}/review` : "/team",
      due: cycle.endsOn,
    });
  }
  for (const { assessmentId, person } of facts.reviewsOutsideCycles ?? []) {
    // Keyed by the self-assessment: a later one is a new request, a new reminder.
    add("manager-review", assessmentId, {
      title: `Review ${person.name}`,
      detail: `${person.name} submitted a self-assessment outside any review cycle; your review answers it.`,
      href: `/people/${person.id}/review`,
      due: null,
    });
  }
  for (const cycle of facts.cyclesToClose) {
    add("close-cycle", cycle.id, {
      title: `Close ${cycle.name}`,
      detail: "Its last day has passed. Closing stops new drafts; submitted work stays as it is.",
      href: `/admin/cycles/${cycle.id}`,
      due: cycle.endsOn,
    });
  }
  for (const { session, dueOn, total, missing } of facts.proposalsToMake ?? []) {
    add("calibration-proposals", session.id, {
      title: `Propose ratings for ${session.name}`,
      detail: `${missing} of ${plural(total, "# report")} ${plural(missing, "has")} no proposal yet.`,
      href: `/calibration/${session.id}`,
      due: dueOn,
    });
  }
  for (const { session, total, missing } of facts.preReadsToGive ?? []) {
    if (missing === 0) continue;
    add("calibration-preread", session.id, {
      title: `Give your pre-read ratings for ${session.name}`,
      detail: `Blind pre-read: ${missing} of ${plural(total, "# person")} not rated by you yet. Proposals stay hidden until the session goes live.`,
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, total, missing } of facts.proposalsToMark ?? []) {
    if (missing === 0) continue;
    add("calibration-marks", session.id, {
      title: `Mark the proposals in ${session.name}`,
      detail: `${missing} of ${plural(total, "# proposal")} without your mark: agree, question it, or no view.`,
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, stateLabel, nextLabel } of facts.sessionsToRun ?? []) {
    add("calibration-facilitate", session.id, {
      title: `Run ${session.name}`,
      detail: `${stateLabel}${nextLabel ? `; next: ${nextLabel.toLowerCase()}` : ""}.`,
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, missing } of facts.outcomesToRecord ?? []) {
    if (missing === 0) continue;
    add("calibration-outcomes", session.id, {
      title: `Record outcomes in ${session.name}`,
      detail: `${plural(missing, "# person has")} no final outcome and ${plural(missing, "is")} the facilitator or one of their managers: an admin records ${plural(missing, "it")}, or the session cannot be locked.`,
      href: `/calibration/${session.id}`,
      due: null,
    });
  }
  for (const { session, effectiveOn, waiting } of facts.outcomesToRelease ?? []) {
    if (waiting === 0) continue;
    // Promotions take effect on their day whether or not anyone was told: tell people first.
    add("calibration-release", session.id, {
      title: `Release outcomes of ${session.name}`,
      detail: `The session is published. ${plural(waiting, "# person has")} not been shown their outcome yet.`,
      href: `/calibration/${session.id}`,
      due: effectiveOn,
    });
  }
  for (const due of facts.scorecardsDue ?? []) {
    // A card is due the day after the interview: evidence fades fast.
    const dueOn = due.scheduledAt ? new Date(due.scheduledAt.getTime() + 24 * 60 * 60 * 1000) : null;
    add("scorecard", due.interviewId, {
      title: `Scorecard for your ${due.stage} interview (${due.opening})`,
      detail: `Candidate: ${due.candidate}. Nobody else's card is visible to you until yours is submitted.`,
      href: `/hiring/interviews/${due.interviewId}`,
      due: dueOn,
    });
  }
  for (const loop of facts.debriefsToAttend ?? []) {
    add("debrief", loop.loopId, {
      title: `Debrief for ${loop.opening}`,
      detail: `Candidate: ${loop.candidate}. The panel's scores are in; read the disagreements before you meet.`,
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
    });
  }
  for (const loop of facts.decisionsToRecord ?? []) {
    add("hiring-decision", loop.loopId, {
      title: `Record a hiring decision for ${loop.opening}`,
      detail: `Candidate: ${loop.candidate}. The debrief is open.`,
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
    });
  }
  for (const loop of facts.loopsInProgress ?? []) {
    add("hiring-loop", loop.loopId, {
      title: `Follow an interview loop for ${loop.opening}`,
      detail: `Candidate: ${loop.candidate}. ${
        loop.interviews === 0
          ? "Nobody is assigned to interview yet."
          : loop.submitted === null
            ? "Your own scorecard is not in yet."
            : `${loop.submitted} of ${plural(loop.interviews, "# scorecard")} in; the debrief opens when all are.`
      }`,
      href: `/hiring/loops/${loop.loopId}`,
      due: null,
    });
  }
  for (const waiting of facts.candidatesWaiting ?? []) {
    const days = Math.max(0, Math.floor((now.getTime() - waiting.since.getTime()) / (24 * 60 * 60 * 1000)));
    const since = `${days === 0 ? "Since today" : `For ${plural(days, "# day")}`}`;
    // Keyed by the stage too: waiting in the next stage is a new thing to do.
    add("hiring-candidate", `${waiting.candidateId}:${waiting.stage}`, {
      title: waiting.stage === "screen" ? `Screen a candidate for ${waiting.opening}` : waiting.stage === "offer" ? `Follow an offer for ${waiting.opening}` : `Start an interview loop for ${waiting.opening}`,
      detail: `Candidate: ${waiting.candidate}. ${
        waiting.stage === "screen"
          ? `${since} in screen: move them on to interviews, or reject them with a reason.`
          : waiting.stage === "offer"
            ? `${since} at the offer stage: record the hire, or a rejection with its reason.`
            : `${since} in interviews with no loop open: start another loop, or move them on.`
      }`,
      href: `/hiring/openings/${waiting.openingId}/pipeline`,
      due: null,
    });
  }
  for (const { programme, matchingOn } of facts.programmesToJoin ?? []) {
    // Opt-ins close as the matching day begins: the day before is the last.
    add("mentorship-join", programme.id, {
      title: `Join ${programme.name} as a mentee or mentor`,
      detail: "Optional. Say what you want to grow in, or what you can help others with, before the matching day.",
      href: `/mentorship/${programme.id}`,
      due: new Date(matchingOn.getTime() - 24 * 60 * 60 * 1000),
    });
  }
  for (const request of facts.requestsToAnswer ?? []) {
    add("mentorship-request", request.requestId, {
      title: `Answer ${possessive(request.menteeName)} request for you as their mentor`,
      detail: "Accept to pair now, or decline with a note; the matching pairs everyone else.",
      href: `/mentorship/${request.programmeId}/requests`,
      due: request.dueOn,
    });
  }
  for (const request of facts.requestsDeclined ?? []) {
    // Told once per decline (the key is the request); gone once they ask someone else or a mentor accepts.
    add("mentorship-request-declined", request.requestId, {
      title: `Choose another mentor: ${request.mentorName} declined your request`,
      detail: "Ask another of the programme's mentors before the matching day, or leave it to the matching.",
      href: `/mentorship/${request.programmeId}/mentors`,
      due: request.dueOn,
    });
  }
  const pairHref = (pair: MentorshipPairRef) => `/mentorship/${pair.programmeId}/pairs/${pair.pairId}`;
  const withWhom = (pair: MentorshipPairRef) => (pair.role === "mentee" ? `your mentor ${pair.otherName}` : `your mentee ${pair.otherName}`);
  for (const pair of facts.pairsToAnswer ?? []) {
    add("mentorship-answer", pair.pairId, {
      title: `Answer your pairing with ${pair.otherName}`,
      detail: `Proposed as ${withWhom(pair)}: accept or decline.`,
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const pair of facts.checkInsDue ?? []) {
    add("mentorship-check-in", pair.pairId, {
      title: `Record a check-in with ${pair.otherName}`,
      detail: `Note what you and ${withWhom(pair)} worked on; only the two of you see it unless you share it.`,
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const pair of facts.pulsesDue ?? []) {
    add("mentorship-pulse", `${pair.pairId}:${pair.checkpoint}`, {
      title: `Answer the ${pair.checkpoint}-day pulse on your pairing with ${pair.otherName}`,
      detail: "Two questions, 1 to 5. Only you and the programme's admins see your answers.",
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const { programme, matchingOn } of facts.programmesToMatch ?? []) {
    add("mentorship-match", programme.id, {
      title: `Match and publish ${programme.name}`,
      detail: "Its matching day has come: run the matching, review the pairs and publish them.",
      href: `/mentorship/${programme.id}/matching`,
      due: matchingOn,
    });
  }
  for (const pair of facts.pairOutcomesDue ?? []) {
    add("mentorship-outcome", pair.pairId, {
      title: `Record how your pairing with ${pair.otherName} went`,
      detail: `The programme ends soon: either of you records the outcome, which ends the pair.`,
      href: pairHref(pair),
      due: pair.dueOn,
    });
  }
  for (const { programme } of facts.programmesToRerun ?? []) {
    add("mentorship-rerun", programme.id, {
      title: `Rerun the matching of ${programme.name}`,
      detail: "A pair was declined since the last matching run, or a rerun is not published yet: rerun for those left unpaired and publish.",
      href: `/mentorship/${programme.id}/matching`,
      due: null,
    });
  }
  for (const { programme, endsOn } of facts.programmesToClose ?? []) {
    add("mentorship-close", programme.id, {
      title: `Close ${programme.name}`,
      detail: "Its last day has passed. Closing keeps every pair, check-in and outcome as it is.",
      href: `/mentorship/${programme.id}`,
      due: endsOn,
    });
  }
  for (const action of facts.conversationActions ?? []) {
    const meeting = action.kind === "one-to-one" ? "one-to-one" : "skip-level";
    // The action's words are the two people's: the title (an email's subject) and detail say only whose it is and where.
    add("conversation-action", action.actionId, {
      title: action.mine ? `Follow through on an action from your ${meeting} with ${action.otherName}` : `Check in on ${possessive(action.otherName)} action from your ${meeting}`,
      detail: action.mine ? "Mark it done on the conversation's page once it is, or drop it together." : `${action.otherName} owns it; it heads your next meeting's agenda until it is done or dropped.`,
      href: `/conversations/${action.seriesId}`,
      due: action.dueOn,
    });
  }
  for (const request of facts.feedbackToGive ?? []) {
    add("feedback-answer", request.requestId, {
      title: request.channel === "upward" ? `Give feedback about your manager, ${request.subjectName}` : `Give ${request.subjectName} feedback`,
      detail: request.channel === "upward" ? "Your manager reads it only together with at least two other reports' answers, never with your name." : "An example per competency: what they did and what it changed.",
      href: `/feedback/${request.requestId}`,
      due: request.dueOn,
    });
  }
  for (const entry of facts.nominationsToDecide ?? []) {
    add("feedback-approve", `${entry.cycle.id}/${entry.person.id}`, {
      title: `Approve ${possessive(entry.person.name)} peer reviewers`,
      detail: `${plural(entry.waiting, "# nomination")} waiting for you in ${entry.cycle.name}.`,
      href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
      due: entry.dueOn,
    });
  }
  for (const entry of facts.reviewersToReplace ?? []) {
    add("feedback-replace", `${entry.cycle.id}/${entry.person.id}`, {
      title: `Choose another peer reviewer for ${entry.person.name}`,
      detail: `${entry.reviewerName} ${entry.why === "declined" ? "declined to give feedback" : "left, so their request was withdrawn"}; ${entry.person.name} now has fewer peers than ${entry.cycle.name} asks for.`,
      href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
      due: entry.dueOn,
    });
  }
  for (const entry of facts.peersToNominate ?? []) {
    // Left short by a decline: a new thing to do (keyed by the declined request), so it is told again.
    const declined = entry.own ? entry.declined : undefined;
    add("feedback-nominate", `${entry.cycle.id}/${entry.person.id}${declined ? `/${declined.requestId}` : ""}`, {
      title: declined ? `Choose another peer for your feedback in ${entry.cycle.name}` : entry.own ? `Choose who gives you feedback in ${entry.cycle.name}` : `Choose who gives ${entry.person.name} feedback`,
      detail: `${declined ? `${declined.reviewerName} will not give you feedback. ` : ""}${plural(entry.live, "# peer")} asked of at least ${entry.minPeers}.`,
      href: `/feedback/cycles/${entry.cycle.id}/people/${entry.person.id}`,
      due: entry.dueOn,
    });
  }
  for (const { cycle, personId, channel } of facts.feedbackReleased ?? []) {
    // Keyed by cycle and channel: the person's own feedback and their reports' upward aggregate are two readings.
    add("feedback-released", `${cycle.id}/${channel}`, {
      title: channel === "upward" ? `Read your reports' upward feedback from ${cycle.name}` : `Read your feedback from ${cycle.name}`,
      detail:
        channel === "upward"
          ? "Your reports' answers about you are released, as an aggregate without names. Add what you take from it to a one-to-one or your growth plan."
          : "Your colleagues' feedback is released with your outcome. Add what you take from it to your next one-to-one or your growth plan.",
      href: `/feedback/cycles/${cycle.id}/people/${personId}`,
      due: null,
    });
  }
  // Soonest first; undated last.
  return items.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.title.localeCompare(b.title));
}
