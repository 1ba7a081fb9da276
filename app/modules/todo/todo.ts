import { daysLeft, DRAFT, SUBMITTED, type Progress } from "~/modules/cycles/cycle-progress";

/**
 * What a person must do next, across workflows, with due dates: pure, from facts the
 * queries gather (todo.server.ts). An item disappears once its work is done. Review
 * cycles are the first workflow; calibration, pairing and scorecards add their own facts.
 */

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
  /** Mentorship programmes the person may still join, until their matching day (app/modules/mentorship/todo.server.ts). */
  programmesToJoin?: { programme: { id: string; name: string }; matchingOn: Date }[];
  /** Published pairs waiting for the person's answer. */
  pairsToAnswer?: (MentorshipPairRef & { dueOn: Date | null })[];
  /** Active pairs with no check-in yet, or none in the last 30 days. */
  checkInsDue?: (MentorshipPairRef & { dueOn: Date })[];
  /** Relationship pulses the person may answer (30 and 90 days into a pair). */
  pulsesDue?: (MentorshipPairRef & { checkpoint: number; dueOn: Date })[];
  /** For admins: programmes whose matching day has come, pairs not published yet. */
  programmesToMatch?: { programme: { id: string; name: string }; matchingOn: Date }[];
};

export type MentorshipPairRef = { programmeId: string; pairId: string; otherName: string; role: "mentee" | "mentor" };

export type TodoItem = {
  key: string;
  kind: "self-assessment" | "manager-review" | "close-cycle" | "calibration-proposals" | "calibration-facilitate" | "scorecard" | "debrief" | "hiring-decision" | "hiring-loop" | "mentorship-join" | "mentorship-answer" | "mentorship-check-in" | "mentorship-pulse" | "mentorship-match";
  title: string;
  /** Where the person stands, in words. */
  detail: string;
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
  for (const { cycle, selfProgress, canAssess } of facts.ownCycles) {
    if (selfProgress === SUBMITTED || !canAssess) continue;
    items.push({
      key: `self:${cycle.id}`,
      kind: "self-assessment",
      title: `Assess yourself for ${cycle.name}`,
      detail: selfProgress === DRAFT ? "Your draft is saved; finish and submit it." : "Not started yet.",
      href: "/assess",
      due: cycle.endsOn,
      daysLeft: daysLeft(cycle.endsOn, now),
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
    items.push({
      key: `reviews:${cycle.id}`,
      kind: "manager-review",
      title: people.length === 1 ? `Review ${people[0]!.person.name} for ${cycle.name}` : `Review ${people.length} reports for ${cycle.name}`,
      detail: `${ready.length ? `${ready.length} ready to review. ` : ""}${names.join("; ")}.`,
      href: people.length === 1 ? `/people/${first.person.id}/review` : "/team",
      due: cycle.endsOn,
      daysLeft: daysLeft(cycle.endsOn, now),
    });
  }
  for (const cycle of facts.cyclesToClose) {
    items.push({
      key: `close:${cycle.id}`,
      kind: "close-cycle",
      title: `Close ${cycle.name}`,
      detail: "Its last day has passed. Closing stops new drafts; submitted work stays as it is.",
      href: `/admin/cycles/${cycle.id}`,
      due: cycle.endsOn,
      daysLeft: daysLeft(cycle.endsOn, now),
    });
  }
  for (const { session, dueOn, total, missing } of facts.proposalsToMake ?? []) {
    items.push({
      key: `proposals:${session.id}`,
      kind: "calibration-proposals",
      title: `Propose ratings for ${session.name}`,
      detail: `${missing} of ${total} ${total === 1 ? "report has" : "reports have"} no proposal yet.`,
      href: `/calibration/${session.id}`,
      due: dueOn,
      daysLeft: dueOn ? daysLeft(dueOn, now) : null,
    });
  }
  for (const { session, stateLabel, nextLabel } of facts.sessionsToRun ?? []) {
    items.push({
      key: `facilitate:${session.id}`,
      kind: "calibration-facilitate",
      title: `Run ${session.name}`,
      detail: `${stateLabel}${nextLabel ? `; next: ${nextLabel.toLowerCase()}` : ""}.`,
      href: `/calibration/${session.id}`,
      due: null,
      daysLeft: null,
    });
  }
  for (const due of facts.scorecardsDue ?? []) {
    // A card is due the day after the interview: evidence fades fast.
    const dueOn = due.scheduledAt ? new Date(due.scheduledAt.getTime() + 24 * 60 * 60 * 1000) : null;
    items.push({
      key: `scorecard:${due.interviewId}`,
      kind: "scorecard",
      title: `Scorecard for ${due.candidate}`,
      detail: `${due.stage}, ${due.opening}. Nobody else's card is visible to you until yours is submitted.`,
      href: `/hiring/interviews/${due.interviewId}`,
      due: dueOn,
      daysLeft: dueOn ? daysLeft(dueOn, now) : null,
    });
  }
  for (const loop of facts.debriefsToAttend ?? []) {
    items.push({
      key: `debrief:${loop.loopId}`,
      kind: "debrief",
      title: `Debrief of ${loop.candidate}`,
      detail: `${loop.opening}. The panel's scores are in; read the disagreements before you meet.`,
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
      daysLeft: null,
    });
  }
  for (const loop of facts.decisionsToRecord ?? []) {
    items.push({
      key: `decision:${loop.loopId}`,
      kind: "hiring-decision",
      title: `Record the decision on ${loop.candidate}`,
      detail: `${loop.opening}. The debrief is open.`,
      href: `/hiring/loops/${loop.loopId}/debrief`,
      due: null,
      daysLeft: null,
    });
  }
  for (const loop of facts.loopsInProgress ?? []) {
    items.push({
      key: `loop:${loop.loopId}`,
      kind: "hiring-loop",
      title: `Follow the loop of ${loop.candidate}`,
      detail: `${loop.opening}. ${
        loop.interviews === 0
          ? "Nobody is assigned to interview yet."
          : loop.submitted === null
            ? "Your own scorecard is not in yet."
            : `${loop.submitted} of ${loop.interviews} scorecards in; the debrief opens when all are.`
      }`,
      href: `/hiring/loops/${loop.loopId}`,
      due: null,
      daysLeft: null,
    });
  }
  for (const { programme, matchingOn } of facts.programmesToJoin ?? []) {
    // Opt-ins close as the matching day begins: the day before is the last.
    const lastDay = new Date(matchingOn.getTime() - 24 * 60 * 60 * 1000);
    items.push({
      key: `mentorship-join:${programme.id}`,
      kind: "mentorship-join",
      title: `Join ${programme.name} as a mentee or mentor`,
      detail: "Optional. Say what you want to grow in, or what you can help others with, before the matching day.",
      href: `/mentorship/${programme.id}`,
      due: lastDay,
      daysLeft: daysLeft(lastDay, now),
    });
  }
  const pairHref = (pair: MentorshipPairRef) => `/mentorship/${pair.programmeId}/pairs/${pair.pairId}`;
  const withWhom = (pair: MentorshipPairRef) => (pair.role === "mentee" ? `your mentor ${pair.otherName}` : `your mentee ${pair.otherName}`);
  for (const pair of facts.pairsToAnswer ?? []) {
    items.push({
      key: `mentorship-answer:${pair.pairId}`,
      kind: "mentorship-answer",
      title: `Answer your pairing with ${pair.otherName}`,
      detail: `Proposed as ${withWhom(pair)}: accept or decline.`,
      href: pairHref(pair),
      due: pair.dueOn,
      daysLeft: pair.dueOn ? daysLeft(pair.dueOn, now) : null,
    });
  }
  for (const pair of facts.checkInsDue ?? []) {
    items.push({
      key: `mentorship-check-in:${pair.pairId}`,
      kind: "mentorship-check-in",
      title: `Record a check-in with ${pair.otherName}`,
      detail: `Note what you and ${withWhom(pair)} worked on; only the two of you see it unless you share it.`,
      href: pairHref(pair),
      due: pair.dueOn,
      daysLeft: daysLeft(pair.dueOn, now),
    });
  }
  for (const pair of facts.pulsesDue ?? []) {
    items.push({
      key: `mentorship-pulse:${pair.pairId}:${pair.checkpoint}`,
      kind: "mentorship-pulse",
      title: `Answer the ${pair.checkpoint}-day pulse on your pairing with ${pair.otherName}`,
      detail: "Two questions, 1 to 5. Only you and the programme's admins see your answers.",
      href: pairHref(pair),
      due: pair.dueOn,
      daysLeft: daysLeft(pair.dueOn, now),
    });
  }
  for (const { programme, matchingOn } of facts.programmesToMatch ?? []) {
    items.push({
      key: `mentorship-match:${programme.id}`,
      kind: "mentorship-match",
      title: `Match and publish ${programme.name}`,
      detail: "Its matching day has come: run the matching, review the pairs and publish them.",
      href: `/mentorship/${programme.id}/matching`,
      due: matchingOn,
      daysLeft: daysLeft(matchingOn, now),
    });
  }
  // Soonest first; undated last.
  return items.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.title.localeCompare(b.title));
}
