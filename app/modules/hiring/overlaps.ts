import { formatDateTime } from "~/modules/time-zones";
import { plural } from "~/utils/plural";

/**
 * Interviews that clash in time, as pure logic: a candidate cannot sit two interviews at once,
 * nor can an interviewer give two. An interview is booked by its start alone, so two clash when
 * they start less than INTERVIEW_MINUTES apart. These are warnings: a panel may mean it (a
 * paired interview), so nothing is refused.
 */
export const INTERVIEW_MINUTES = 60;

export type ScheduledInterview = { id: string; interviewerId: string; interviewerName: string; stageName: string; at: Date };
/** An interview of the same interviewer in another loop: only when it is, nothing of its candidate. */
export type InterviewElsewhere = { interviewerId: string; at: Date };

const clash = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) < INTERVIEW_MINUTES * 60_000;

const describe = (interview: ScheduledInterview, timeZone: string) => `${interview.stageName} with ${interview.interviewerName} at ${formatDateTime(interview.at, timeZone)}`;

/**
 * Every clash of a loop's scheduled interviews, in words: runs of the candidate's interviews that
 * follow each other closer than an interview lasts (each run once, however many it holds), and each
 * interview whose interviewer has another one elsewhere at that time. Times are said on the
 * reader's clock (`timeZone`).
 */
export function loopOverlaps(interviews: readonly ScheduledInterview[], elsewhere: readonly InterviewElsewhere[], timeZone: string): string[] {
  const warnings: string[] = [];
  const byTime = [...interviews].sort((a, b) => a.at.getTime() - b.at.getTime());
  let run: ScheduledInterview[] = [];
  const closeRun = () => {
    if (run.length > 1) warnings.push(`The candidate has ${plural(run.length, "# interview")} less than an hour apart: ${run.map((interview) => describe(interview, timeZone)).join("; ")}.`);
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
    const others = elsewhere.filter((other) => other.interviewerId === interview.interviewerId && clash(other.at, interview.at));
    if (others.length) {
      warnings.push(
        `${interview.interviewerName} has ${plural(others.length, "another interview")} in another loop less than an hour from ${interview.stageName} at ${formatDateTime(interview.at, timeZone)}.`,
      );
    }
  }
  return warnings;
}

/** The clashes of one interview just scheduled: with the candidate's other interviews, and with its interviewer's elsewhere. */
export function newInterviewOverlaps(scheduled: ScheduledInterview, loopInterviews: readonly ScheduledInterview[], elsewhere: readonly InterviewElsewhere[], timeZone: string): string[] {
  const warnings: string[] = [];
  const candidate = loopInterviews.filter((other) => other.id !== scheduled.id && clash(other.at, scheduled.at));
  if (candidate.length) warnings.push(`The candidate already has ${candidate.map((interview) => describe(interview, timeZone)).join("; ")}: less than an hour from this one.`);
  const own = loopInterviews.filter((other) => other.id !== scheduled.id && other.interviewerId === scheduled.interviewerId && clash(other.at, scheduled.at));
  const theirs = elsewhere.filter((other) => other.interviewerId === scheduled.interviewerId && clash(other.at, scheduled.at)).length + own.length;
  if (theirs) warnings.push(`${scheduled.interviewerName} already interviews less than an hour from ${formatDateTime(scheduled.at, timeZone)}${own.length ? "" : " in another loop"}.`);
  return warnings;
}
