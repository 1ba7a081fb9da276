/**
 * Interviews that clash in time, as pure logic: a candidate cannot sit two interviews at once,
 * nor can an interviewer give two. An interview is booked by its start alone, so two clash when
 * they start less than INTERVIEW_MINUTES apart. These are warnings: a panel may mean it (a
 * paired interview), so nothing is refused.
 */

/** An interview's length, as hiring counts clashes and calendar invitations show it. */
export const INTERVIEW_MINUTES = 60;

export type ScheduledInterview = {
  id: string;
  interviewerId: string;
  interviewerName: string;
  stageName: string;
  at: Date;
};
/** An interview of the same interviewer in another loop: only when it is, nothing of its candidate. */
export type InterviewElsewhere = { interviewerId: string; at: Date };

/** An interview as a clash names it; `at` is the instant (ISO), said on the reader's clock where it is worded. */
export type ClashingInterview = { stageName: string; interviewerName: string; at: string };

/**
 * A clash in time, for the page to word: the candidate's run of interviews closer than an
 * interview lasts, and an interviewer's other interviews in another loop near one of this loop's.
 */
export type Clash =
  | { kind: "candidate-run"; interviews: ClashingInterview[] }
  | { kind: "interviewer-elsewhere"; interview: ClashingInterview; others: number };

const clash = (a: Date, b: Date) =>
  Math.abs(a.getTime() - b.getTime()) < INTERVIEW_MINUTES * 60_000;

const named = (interview: ScheduledInterview): ClashingInterview => ({
  stageName: interview.stageName,
  interviewerName: interview.interviewerName,
  at: interview.at.toISOString(),
});

/**
 * Every clash of a loop's scheduled interviews: runs of the candidate's interviews that follow each
 * other closer than an interview lasts (each run once, however many it holds), and each interview
 * whose interviewer has another one elsewhere at that time.
 */
export function loopOverlaps(
  interviews: readonly ScheduledInterview[],
  elsewhere: readonly InterviewElsewhere[],
): Clash[] {
  const clashes: Clash[] = [];
  const byTime = [...interviews].sort((a, b) => a.at.getTime() - b.at.getTime());
  let run: ScheduledInterview[] = [];
  const closeRun = () => {
    if (run.length > 1) clashes.push({ kind: "candidate-run", interviews: run.map(named) });
  };
  for (const interview of byTime) {
    const last = run[run.length - 1];
    if (last && clash(last.at, interview.at)) run.push(interview);
    else {
      closeRun();
      run = [interview];
    }
  }
  closeRun();
  for (const interview of byTime) {
    const others = elsewhere.filter(
      (other) => other.interviewerId === interview.interviewerId && clash(other.at, interview.at),
    );
    if (others.length)
      clashes.push({
        kind: "interviewer-elsewhere",
        interview: named(interview),
        others: others.length,
      });
  }
  return clashes;
}

/**
 * Whether an interview just scheduled clashes: with another of the candidate's, or with another of
 * its interviewer's elsewhere. The loop's page then says its clashes, the new one among them.
 */
export function makesClash(
  scheduled: ScheduledInterview,
  loopInterviews: readonly ScheduledInterview[],
  elsewhere: readonly InterviewElsewhere[],
): boolean {
  return (
    loopInterviews.some((other) => other.id !== scheduled.id && clash(other.at, scheduled.at)) ||
    elsewhere.some(
      (other) => other.interviewerId === scheduled.interviewerId && clash(other.at, scheduled.at),
    )
  );
}
