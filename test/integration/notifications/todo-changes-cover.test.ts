// The reminders' pass works out the lists of only the people todoChangesIn names (app/modules/todo/todo.server.ts).
// Its promise: whoever's to-do list gains an item, or sees an item's due date move, because of a write
// or of the time passing, is named for a window that covers it. Each scenario makes one change the way
// a route would (through the workflow's own service), compares everyone's list before and after at the
// same moment, and checks that everyone whose list gained something was named. Date only is faked, so
// every write is stamped with the test's clock, which only moves forward: a window one second wide
// holds the scenario's own writes and nobody else's.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import {
  saveDraft,
  startAssessment,
  submitAssessment,
} from "~/modules/assessments/assessments.server";
import {
  advanceSession,
  createSession,
  inviteCalibrator,
  recordOutcome,
  saveProposal,
} from "~/modules/calibration/sessions.server";
import { addAction } from "~/modules/conversations/agenda.server";
import { startSeries } from "~/modules/conversations/series.server";
import { addParticipants, closeCycle, openCycle } from "~/modules/cycles/cycles.server";
import {
  decideNomination,
  declineRequest,
  nominatePeer,
  saveFeedbackSettings,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { assignInterviewer, recordDecision } from "~/modules/hiring/loops.server";
import { seatTrainee, setTrainingStep } from "~/modules/hiring/panels.server";
import { publishPairs, runMatching } from "~/modules/mentorship/matching.server";
import { answerPairAs, recordCheckIn } from "~/modules/mentorship/pairs.server";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { setPersonActive, updatePerson } from "~/modules/people/service.server";
import { getTrackLevelCheck } from "~/modules/people/track-levels.server";
import { answerRequest, askMentor } from "~/modules/mentorship/requests.server";
import {
  chooseForOpportunity,
  expressInterest,
  postOpportunity,
} from "~/modules/opportunities/opportunities.server";
import { recordSponsorship } from "~/modules/sponsorship/sponsorship.server";
import { addKeyResult, checkIn, createObjective, createPeriod } from "~/modules/goals/goals.server";
import { todoChangesIn, todoFor } from "~/modules/todo/todo.server";
import type { ChangeWindow } from "~/modules/todo/todo";
import { createAdmin, createPerson } from "../../utils/factories";
import { asViewer, hiringSetUp, scoreAndSubmit } from "../hiring/helpers";
import { joinAs, parsedFields, programmeFields } from "../mentorship/helpers";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
/** A `writtenSince` no write reaches: only the time passing can name anyone. */
const NOTHING_WRITTEN = new Date("2100-01-01T00:00:00Z");

type Person = { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean };

// Tuesday 24 November 2026, 08:00 UTC.
let clock = Date.parse("2026-11-24T08:00:00Z");

/** Moves the clock (and so every write's stamp) on to `at`; never back. */
function moveTo(at: number): number {
  expect(at).toBeGreaterThanOrEqual(clock);
  clock = at;
  vi.setSystemTime(clock);
  return clock;
}
const later = (by = MINUTE) => moveTo(clock + by);
/** A day as forms take it (YYYY-MM-DD), `days` from the clock's day. */
const dayFrom = (days: number) => new Date(clock + days * DAY).toISOString().slice(0, 10);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
});
afterEach(() => {
  vi.useRealTimers();
});

type Lists = Map<string, { name: string; entries: Set<string> }>;

/** Every active person's to-do list at `now`, each item as its key and due date. */
async function snapshot(now: Date): Promise<Lists> {
  const people = await db.user.findMany({
    where: { deactivatedAt: null },
    select: { id: true, name: true, isAdmin: true },
  });
  const lists: Lists = new Map();
  for (const person of people) {
    const items = await todoFor({ id: person.id, isAdmin: person.isAdmin }, now);
    lists.set(person.id, {
      name: person.name,
      entries: new Set(items.map((item) => `${item.key}@${item.due?.toISOString() ?? "none"}`)),
    });
  }
  return lists;
}

/** Whose list after has an entry (a new key, or a key with another due date) it did not have before, with those entries. */
function gained(before: Lists, after: Lists): Map<string, { name: string; entries: string[] }> {
  const gains = new Map<string, { name: string; entries: string[] }>();
  for (const [id, { name, entries }] of after) {
    const had = before.get(id)?.entries ?? new Set<string>();
    const added = [...entries].filter((entry) => !had.has(entry));
    if (added.length) gains.set(id, { name, entries: added });
  }
  return gains;
}

/** Those of `gains` the window's answer leaves out, in words: who, and what they gained. */
async function missed(
  window: ChangeWindow,
  gains: Map<string, { name: string; entries: string[] }>,
): Promise<string[]> {
  const named = await todoChangesIn(window);
  if (named === "everyone") return [];
  return [...gains]
    .filter(([id]) => !named.has(id))
    .map(([, { name, entries }]) => `${name}: ${entries.join(", ")}`);
}

type Gains = ReturnType<typeof gained>;

/** The kinds of the items the person gained. */
const kindsGained = (gains: Gains, person: { id: string }) =>
  (gains.get(person.id)?.entries ?? []).map((entry) => entry.slice(0, entry.indexOf(":")));

/**
 * One change, written a minute after whatever came before: everyone's lists at that moment before
 * and after it; somebody gained something, and the window of that minute's writes names them all.
 */
async function afterWrite(change: () => Promise<unknown>): Promise<Gains> {
  const written = later();
  const now = new Date(written);
  const before = await snapshot(now);
  await change();
  const gains = gained(before, await snapshot(now));
  expect(gains.size, "the change adds to somebody's list").toBeGreaterThan(0);
  expect(
    await missed({ writtenSince: new Date(written - SECOND), from: now, to: now }, gains),
  ).toEqual([]);
  return gains;
}

/** The time passing from `from` to `to`, nothing written: whoever's list gained something is named by the time alone. */
async function afterTime(from: number, to: number): Promise<Gains> {
  moveTo(from);
  const before = await snapshot(new Date(from));
  moveTo(to);
  const gains = gained(before, await snapshot(new Date(to)));
  expect(gains.size, "the time passing adds to somebody's list").toBeGreaterThan(0);
  expect(
    await missed({ writtenSince: NOTHING_WRITTEN, from: new Date(from), to: new Date(to) }, gains),
  ).toEqual([]);
  return gains;
}

/** A team of a manager and two engineers (ic2), the manager reporting to a director outside it. */
async function team(label: string) {
  const teamRow = await db.team.create({ data: { name: `${label} ${Math.random()}` } });
  const director = await createPerson({ name: `${label} Director`, track: "manager", level: "m2" });
  const manager = await createPerson({
    name: `${label} Manager`,
    track: "manager",
    level: "m1",
    managerId: director.id,
    teamId: teamRow.id,
  });
  const lena = await createPerson({
    name: `${label} Lena`,
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    teamId: teamRow.id,
  });
  const omar = await createPerson({
    name: `${label} Omar`,
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    teamId: teamRow.id,
  });
  return { teamId: teamRow.id, director, manager, lena, omar };
}

/** Opens a cycle for the team through the cycles module, as the admin's form does. */
async function openTeamCycle(
  admin: Person,
  teamId: string,
  startsOn = dayFrom(-1),
  endsOn = dayFrom(60),
) {
  const opened = await openCycle(admin.id, {
    name: `Cycle ${Math.random()}`,
    startsOn,
    endsOn,
    participants: "teams",
    teamIds: [teamId],
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.cycleId;
}

describe("the reminders' change scans name everyone whose list a write or the clock changed", () => {
  test("review cycles: opened, joined, a participant moved to another manager, started and ended; a self-assessment submitted outside any cycle, and owed again when a cycle closes", async () => {
    later();
    const admin = await createAdmin({ name: "Cycles Admin" });
    const { teamId, manager, lena, omar } = await team("Cycles");

    // Opened for the team: each engineer and the manager assess themselves, the manager reviews the two.
    let cycleId = "";
    const opened = await afterWrite(async () => {
      cycleId = await openTeamCycle(admin, teamId);
    });
    for (const person of [lena, omar, manager])
      expect(kindsGained(opened, person)).toContain("self-assessment");
    expect(kindsGained(opened, manager)).toContain("manager-review");

    // A new joiner added to the open cycle: they assess themselves, their manager reviews them.
    const joinerManager = await createPerson({
      name: "Joiner Manager",
      track: "manager",
      level: "m1",
    });
    const joiner = await createPerson({
      name: "Joiner Engineer",
      track: "ic",
      level: "ic2",
      managerId: joinerManager.id,
    });
    const joined = await afterWrite(() => addParticipants(admin.id, cycleId, [joiner.email]));
    expect(kindsGained(joined, joiner)).toEqual(["self-assessment"]);
    expect(kindsGained(joined, joinerManager)).toEqual(["manager-review"]);

    // Omar moves to another manager while the cycle is open (the admin's person form): the new manager reviews him.
    // Named by the scan of people written (todoChangesIn's own), not by a provider.
    const newManager = await createPerson({
      name: "Cycles New Manager",
      track: "manager",
      level: "m1",
    });
    const moved = await afterWrite(async () => {
      const result = await updatePerson(
        admin.id,
        omar.id,
        {
          name: omar.name,
          email: omar.email,
          teamId,
          managerEmail: newManager.email,
          track: "ic",
          level: "ic2",
        },
        await getTrackLevelCheck(),
      );
      expect(result.ok).toBe(true);
    });
    expect(kindsGained(moved, newManager)).toEqual(["manager-review"]);

    // Outside any cycle: an engineer's submitted self-assessment asks their manager for a review.
    later();
    const outside = await team("Outside");
    const viewer = { ...outside.lena, isHiringAdmin: false };
    const started = await startAssessment(viewer, "self", outside.lena.id);
    if (!started.ok || started.decision.action !== "open") throw new Error(JSON.stringify(started));
    const assessmentId = started.decision.assessmentId;
    const competencies = await db.assessmentRating.findMany({
      where: { assessmentId },
      select: { competencyId: true },
    });
    const saved = await saveDraft(viewer, assessmentId, {
      baseRevision: 0,
      changes: competencies.map(({ competencyId }) => ({
        field: `rating:${competencyId}`,
        value: 3,
        base: null,
      })),
    });
    if (!saved.body.ok) throw new Error(JSON.stringify(saved.body));
    const revision = saved.body.revision;
    const submitted = await afterWrite(async () =>
      expect((await submitAssessment(viewer, assessmentId, revision)).status).toBe(200),
    );
    expect(kindsGained(submitted, outside.manager)).toEqual(["manager-review"]);

    // A cycle opened for that team holds the review; closed without it, the review outside any cycle is owed again.
    later();
    const heldBy = await openTeamCycle(admin, outside.teamId);
    const closed = await afterWrite(async () =>
      expect(await closeCycle(admin.id, heldBy)).toEqual({ ok: true }),
    );
    expect(kindsGained(closed, outside.manager)).toEqual(["manager-review"]);

    // A cycle opened today that starts in three days: nothing to do until its first day, then its participants assess themselves.
    later();
    const soon = await team("Soon");
    const startsOn = dayFrom(3);
    await openTeamCycle(admin, soon.teamId, startsOn, dayFrom(60));
    const firstDay = Date.parse(`${startsOn}T00:00:00Z`);
    const starting = await afterTime(firstDay - DAY, firstDay + SECOND);
    for (const person of [soon.lena, soon.omar, soon.manager])
      expect(kindsGained(starting, person)).toContain("self-assessment");
    expect(kindsGained(starting, soon.manager)).toContain("manager-review");

    // A cycle's last day ends: from the next day the admins are asked to close it.
    later();
    const ending = await team("Ending");
    const lastDay = dayFrom(2);
    const endingId = await openTeamCycle(admin, ending.teamId, dayFrom(-10), lastDay);
    const dayAfter = Date.parse(`${lastDay}T00:00:00Z`) + DAY;
    const ended = await afterTime(dayAfter - 12 * 60 * MINUTE, dayAfter + MINUTE);
    expect(ended.get(admin.id)?.entries.map((entry) => entry.split("@")[0])).toContain(
      `close-cycle:${endingId}`,
    );
  });

  test("calibration: a session moved to proposals, its blind pre-read (a peer invited during it), live (its facilitator moved under someone it calibrates) and published; a manager leaving before releasing; a calibrator's line changing whom they rate", async () => {
    // Three days on, so that no cycle of the test before ended within the windows here (the cycles'
    // time rule names the admins for two days after a cycle's end, which would hide a miss below).
    later(3 * DAY);
    const admin = await createAdmin({ name: "Calibration Admin" });
    const as = (person: Omit<Person, "isHiringAdmin">): Person => ({
      ...person,
      isHiringAdmin: false,
    });
    const sam = await createPerson({ name: "Calibration Sam", track: "manager", level: "m1" });
    const kim = await createPerson({ name: "Calibration Kim", track: "manager", level: "m1" });
    const fay = await createPerson({ name: "Calibration Fay", track: "manager", level: "m1" });
    const pete = await createPerson({ name: "Calibration Pete", track: "manager", level: "m1" });
    const lena = await createPerson({
      name: "Calibrated Lena",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const omar = await createPerson({
      name: "Calibrated Omar",
      track: "ic",
      level: "ic3",
      managerId: sam.id,
    });
    const pia = await createPerson({
      name: "Calibrated Pia",
      track: "ic",
      level: "ic2",
      managerId: kim.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Calibrated ${lena.id}`,
        startsOn: new Date(clock - 30 * DAY),
        endsOn: new Date(clock + 60 * DAY),
        participants: { create: [lena, omar, pia].map((person) => ({ userId: person.id })) },
      },
    });
    const created = await createSession(as(admin), {
      name: "Winter calibration",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: fay.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: true,
      calibratorEmails: [pete.email],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const { sessionId } = created;
    const entryOf = async (person: { id: string }) =>
      (
        await db.calibrationEntry.findUniqueOrThrow({
          where: { sessionId_personId: { sessionId, personId: person.id } },
          select: { id: true },
        })
      ).id;
    const advance = (state: string, options: { effectiveOn?: Date } = {}) =>
      advanceSession(as(fay), sessionId, state, options);

    // Proposals open: each manager proposes for their reports.
    const proposals = await afterWrite(() => advance("proposals"));
    expect(kindsGained(proposals, sam)).toEqual(["calibration-proposals"]);
    expect(kindsGained(proposals, kim)).toEqual(["calibration-proposals"]);

    later();
    for (const [manager, person] of [
      [sam, lena],
      [sam, omar],
      [kim, pia],
    ] as const)
      await saveProposal(as(manager), await entryOf(person), {
        rating: 3,
        outcome: "stay",
        text: "",
      });
    // The blind pre-read: every calibrator rates the others' reports.
    const preread = await afterWrite(() => advance("preread"));
    for (const person of [sam, kim, pete])
      expect(kindsGained(preread, person)).toEqual(["calibration-preread"]);

    // A peer invited during the pre-read rates them too.
    const quinn = await createPerson({ name: "Calibration Quinn", track: "manager", level: "m1" });
    const invited = await afterWrite(async () =>
      expect(await inviteCalibrator(as(fay), sessionId, quinn.email)).toEqual({ ok: true }),
    );
    expect(kindsGained(invited, quinn)).toEqual(["calibration-preread"]);

    // Live: every calibrator marks the proposals.
    const live = await afterWrite(() => advance("live"));
    for (const person of [sam, kim, pete, quinn])
      expect(kindsGained(live, person)).toEqual(["calibration-marks"]);

    // Fay, the facilitator, is moved under Lena, whom the session calibrates: she may not record
    // Lena's outcome, so the admins are asked to. Then she is moved back.
    const check = await getTrackLevelCheck();
    const moveFay = (managerEmail?: string) =>
      updatePerson(
        admin.id,
        fay.id,
        { name: fay.name, email: fay.email, managerEmail, track: "manager", level: "m1" },
        check,
      );
    const underLena = await afterWrite(async () =>
      expect((await moveFay(lena.email)).ok).toBe(true),
    );
    expect(kindsGained(underLena, admin)).toEqual(["calibration-outcomes"]);
    later();
    expect((await moveFay()).ok).toBe(true);

    later();
    for (const person of [lena, omar, pia]) {
      const id = await entryOf(person);
      const { revision } = await db.calibrationEntry.findUniqueOrThrow({
        where: { id },
        select: { revision: true },
      });
      expect(
        await recordOutcome(as(fay), id, { rating: 3, outcome: "stay", text: "", revision }),
      ).toEqual({ ok: true });
    }
    await advance("locked");
    // Published: each manager releases their reports' outcomes.
    const published = await afterWrite(() => advance("published"));
    expect(kindsGained(published, sam)).toEqual(["calibration-release"]);
    expect(kindsGained(published, kim)).toEqual(["calibration-release"]);

    // Kim leaves before releasing Pia's outcome: the facilitator releases it in her place.
    const left = await afterWrite(async () =>
      expect(await setPersonActive(admin.id, kim.id, false)).toEqual({ ok: true }),
    );
    expect(kindsGained(left, fay)).toEqual(["calibration-release"]);

    // A calibrator does not rate the people above them. Carl reports to Dana, who reports to Paul,
    // the one person a second session calibrates: Carl has nothing to pre-read until Dana moves
    // under someone else, and Paul is no longer above him.
    later();
    const paul = await createPerson({ name: "Calibrated Paul", track: "manager", level: "m2" });
    const dana = await createPerson({
      name: "Calibration Dana",
      track: "manager",
      level: "m1",
      managerId: paul.id,
    });
    const carl = await createPerson({
      name: "Calibration Carl",
      track: "ic",
      level: "ic2",
      managerId: dana.id,
    });
    const olga = await createPerson({ name: "Calibration Olga", track: "manager", level: "m2" });
    const spring = await db.reviewCycle.create({
      data: {
        name: `Spring ${paul.id}`,
        startsOn: new Date(clock - 30 * DAY),
        endsOn: new Date(clock + 60 * DAY),
        participants: { create: [{ userId: paul.id }] },
      },
    });
    const second = await createSession(as(admin), {
      name: "Spring calibration",
      cycleId: spring.id,
      ladderId: "engineering",
      facilitatorEmail: fay.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: true,
      calibratorEmails: [carl.email],
    });
    if (!second.ok) throw new Error(JSON.stringify(second.fieldErrors));
    await advanceSession(as(fay), second.sessionId, "proposals");
    await advanceSession(as(fay), second.sessionId, "preread");
    const danaMoved = await afterWrite(async () =>
      expect(
        (
          await updatePerson(
            admin.id,
            dana.id,
            {
              name: dana.name,
              email: dana.email,
              managerEmail: olga.email,
              track: "manager",
              level: "m1",
            },
            check,
          )
        ).ok,
      ).toBe(true),
    );
    expect(kindsGained(danaMoved, carl)).toEqual(["calibration-preread"]);
  });

  test("hiring: an interviewer assigned to a loop; a trainee seated on an interview; the last scorecard in opens the debrief; a hire takes the candidate to the offer", async () => {
    later();
    const { grace, ana, ben, stranger, loopId, stages, anaInterview, benInterview } =
      await hiringSetUp();
    // Assigned to the Coding stage: the new interviewer owes a scorecard.
    const assigned = await afterWrite(async () => {
      const result = await assignInterviewer(asViewer(grace), loopId, {
        stageId: stages[0]!.id,
        email: stranger.email,
        scheduledAt: new Date(clock + 2 * DAY),
      });
      expect(result.ok).toBe(true);
    });
    expect(kindsGained(assigned, stranger)).toEqual(["scorecard"]);

    // A trainee seated on Ben's interview: Ben owes the sign-off.
    later();
    const trainee = await createPerson({ name: "Trainee Tia" });
    expect(
      (
        await setTrainingStep(asViewer(grace), {
          email: trainee.email,
          competencyIds: ["system-design", "technical-judgement"],
          step: "shadow",
        })
      ).ok,
    ).toBe(true);
    later();
    const seated = await afterWrite(async () =>
      expect(
        await seatTrainee(asViewer(grace), loopId, {
          interviewId: benInterview,
          personId: trainee.id,
        }),
      ).toEqual({ ok: true }),
    );
    expect(kindsGained(seated, ben)).toEqual(["interviewer-sign-off"]);

    later();
    const strangerInterview = (
      await db.hiringInterview.findFirstOrThrow({
        where: { loopId, interviewerId: stranger.id },
        select: { id: true },
      })
    ).id;
    await scoreAndSubmit(ana, anaInterview, ["code-quality", "testing"], 3, "Solid", "yes");
    await scoreAndSubmit(
      stranger,
      strangerInterview,
      ["code-quality", "testing"],
      3,
      "Fine",
      "yes",
    );
    // Ben's card, the last: the interviewers attend the debrief, the opening's hiring admin records the decision.
    const debrief = await afterWrite(() =>
      scoreAndSubmit(
        ben,
        benInterview,
        ["system-design", "technical-judgement"],
        4,
        "Strong",
        "strong-yes",
      ),
    );
    for (const person of [ana, ben, stranger])
      expect(kindsGained(debrief, person)).toEqual(["debrief"]);
    expect(kindsGained(debrief, grace)).toEqual(["hiring-decision"]);

    // Hired: the candidate waits in the offer stage for the opening's hiring admin.
    const decided = await afterWrite(async () =>
      expect(
        await recordDecision(asViewer(grace), loopId, {
          decision: "hire",
          rationale: "A strong loop",
        }),
      ).toEqual({ ok: true }),
    );
    expect(kindsGained(decided, grace)).toEqual(["hiring-candidate"]);
  });

  test("mentorship: a programme opened, a mentee's request asked and declined, its matching day, pairs published and accepted, the pair's pulse, check-in (and one recorded late) and outcome falling due, and its last day", async () => {
    later();
    const admin = { ...(await createAdmin({ name: "Mentorship Admin" })), isHiringAdmin: false };
    const checkout = await db.team.create({ data: { name: `Checkout ${Math.random()}` } });
    const search = await db.team.create({ data: { name: `Search ${Math.random()}` } });
    const sam = await createPerson({
      name: "Mentorship Sam",
      track: "manager",
      level: "m2",
      teamId: checkout.id,
    });
    const lena = await createPerson({
      name: "Mentee Lena",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
      teamId: checkout.id,
    });
    const omar = await createPerson({
      name: "Mentee Omar",
      track: "ic",
      level: "ic1",
      managerId: sam.id,
      teamId: checkout.id,
    });
    const ravi = await createPerson({
      name: "Mentor Ravi",
      track: "ic",
      level: "ic4",
      teamId: search.id,
    });
    const nora = await createPerson({
      name: "Mentor Nora",
      track: "ic",
      level: "ic5",
      teamId: search.id,
    });

    // Opened to everyone: anyone on its ladder may join, until the matching day.
    let programmeId = "";
    const [matchingOn, endsOn] = [dayFrom(10), dayFrom(200)];
    const opened = await afterWrite(async () => {
      const created = await createProgramme(
        admin,
        parsedFields(programmeFields({ matchingOn, startsOn: dayFrom(20), endsOn })),
      );
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      programmeId = created.programmeId;
    });
    for (const person of [lena, omar, ravi, nora])
      expect(kindsGained(opened, person)).toEqual(["mentorship-join"]);

    later();
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(omar, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"], { capacity: 1 });
    await joinAs(nora, programmeId, "mentor", ["testing"], { capacity: 1 });
    // Lena asks Ravi: he answers her request.
    const asked = await afterWrite(() =>
      askMentor(lena, programmeId, { mentorId: ravi.id, rank: 1 }),
    );
    expect(kindsGained(asked, ravi)).toEqual(["mentorship-request"]);
    // Ravi declines: Lena may ask someone else.
    const request = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
      select: { id: true },
    });
    const declined = await afterWrite(() =>
      answerRequest(ravi, programmeId, request.id, "declined", "Not this season"),
    );
    expect(kindsGained(declined, lena)).toEqual(["mentorship-request-declined"]);

    // The matching day comes: the admins match and publish.
    const matchingDay = Date.parse(`${matchingOn}T00:00:00Z`);
    const matching = await afterTime(matchingDay - MINUTE, matchingDay + MINUTE);
    expect(kindsGained(matching, admin)).toEqual(["mentorship-match"]);

    // The admin matches; the pairs published ask each side for an answer.
    later(9 * 60 * MINUTE);
    await runMatching(admin, programmeId, { objective: "most-matched", fairness: false });
    const published = await afterWrite(() => publishPairs(admin, programmeId));
    const offered = await db.mentorshipPair.findMany({
      where: { programmeId, status: "offered" },
      select: { id: true, menteeId: true, mentorId: true },
    });
    expect(offered.length).toBeGreaterThan(0);
    for (const pair of offered)
      for (const id of [pair.menteeId, pair.mentorId])
        expect(kindsGained(published, { id })).toEqual(["mentorship-answer"]);

    // Both sides accept: the active pair owes a check-in.
    later();
    const people = [lena, omar, ravi, nora];
    const pair = offered[0]!;
    const [mentee, mentor] = [
      people.find((person) => person.id === pair.menteeId)!,
      people.find((person) => person.id === pair.mentorId)!,
    ];
    await answerPairAs(mentee, programmeId, pair.id, "accepted", "");
    const accepted = await afterWrite(() =>
      answerPairAs(mentor, programmeId, pair.id, "accepted", ""),
    );
    expect(kindsGained(accepted, mentee)).toEqual(["mentorship-check-in"]);
    expect(kindsGained(accepted, mentor)).toEqual(["mentorship-check-in"]);
    const activeSince = clock;

    // A check-in five days in; thirty days in, both answer the pulse.
    moveTo(activeSince + 5 * DAY);
    const checkInDay = new Date(clock).toISOString().slice(0, 10);
    expect(
      await recordCheckIn(mentee, programmeId, pair.id, {
        occurredOn: checkInDay,
        note: "Went through the test plan",
        competencies: ["testing"],
        shared: true,
      }),
    ).toEqual({ ok: true });
    const pulse = await afterTime(activeSince + 30 * DAY - MINUTE, activeSince + 30 * DAY + MINUTE);
    expect(kindsGained(pulse, mentee)).toEqual(["mentorship-pulse"]);
    expect(kindsGained(pulse, mentor)).toEqual(["mentorship-pulse"]);
    // Thirty days after that check-in, the next is due.
    const nextCheckIn = Date.parse(`${checkInDay}T00:00:00Z`) + 30 * DAY;
    const due = await afterTime(nextCheckIn - MINUTE, nextCheckIn + MINUTE);
    expect(kindsGained(due, mentee)).toEqual(["mentorship-check-in"]);
    expect(kindsGained(due, mentor)).toEqual(["mentorship-check-in"]);
    // Recorded late, a check-in dated two days after the last one moves the next one's day (still past: owed, due two days later).
    moveTo(nextCheckIn + 5 * DAY);
    const lateDay = new Date(Date.parse(`${checkInDay}T00:00:00Z`) + 2 * DAY)
      .toISOString()
      .slice(0, 10);
    const late = await afterWrite(async () =>
      expect(
        await recordCheckIn(mentor, programmeId, pair.id, {
          occurredOn: lateDay,
          note: "Caught up",
          competencies: ["testing"],
          shared: true,
        }),
      ).toEqual({ ok: true }),
    );
    expect(kindsGained(late, mentee)).toEqual(["mentorship-check-in"]);

    // Two weeks before the programme's last day, the active pair is asked how it went.
    const lastDay = Date.parse(`${endsOn}T00:00:00Z`);
    const outcome = await afterTime(lastDay - 14 * DAY - MINUTE, lastDay - 14 * DAY + MINUTE);
    expect(kindsGained(outcome, mentee)).toContain("mentorship-outcome");
    // From the day after its last, the admins close it.
    const over = await afterTime(lastDay + DAY - MINUTE, lastDay + DAY + MINUTE);
    expect(kindsGained(over, admin)).toEqual(["mentorship-close"]);
  });

  test("career conversations: an action agreed for the other person", async () => {
    later();
    const manager = await createPerson({
      name: "Conversation Manager",
      track: "manager",
      level: "m1",
    });
    const engineer = await createPerson({
      name: "Conversation Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const seriesId = await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: new Date(clock + 2 * DAY),
      },
    );
    const meeting = await db.conversationMeeting.findFirstOrThrow({
      where: { seriesId },
      select: { id: true },
    });
    // The manager writes an action the engineer owns: on both lists until done.
    const added = await afterWrite(() =>
      addAction({ id: manager.id, isAdmin: false }, meeting.id, {
        text: "Draft the talk proposal",
        ownerId: engineer.id,
        dueOn: new Date(clock + 9 * DAY),
      }),
    );
    expect(kindsGained(added, engineer)).toEqual(["conversation-action"]);
    expect(kindsGained(added, manager)).toEqual(["conversation-action"]);
  });

  test("stretch work and sponsorship: interest expressed, a choice made, a sponsorship recorded", async () => {
    later();
    const { director, manager, lena, omar } = await team("Stretch");
    const id = await postOpportunity(manager, {
      kind: "gig",
      title: "Flaky test hunt",
      description: "",
      ladderId: "engineering",
      competencyIds: ["testing"],
      hoursPerWeek: 2,
      startsOn: dayFrom(30),
      endsOn: dayFrom(60),
    });
    // Lena's manager posted it: told of her interest, and a choice to make.
    const interested = await afterWrite(() =>
      expressInterest(lena, id, "I keep a list of them already."),
    );
    expect(kindsGained(interested, manager).sort()).toEqual([
      "opportunity-decide",
      "opportunity-interest",
    ]);
    await afterWrite(() => expressInterest(omar, id, "Count me in."));
    const chosen = await afterWrite(() =>
      chooseForOpportunity(manager, id, {
        personId: lena.id,
        criteriaIds: ["testing"],
        reason: "Lena's list is the head start.",
      }),
    );
    expect(kindsGained(chosen, omar)).toEqual(["opportunity-outcome"]);
    expect(kindsGained(chosen, lena)).toEqual(["opportunity-outcome"]);
    const sponsored = await afterWrite(() =>
      recordSponsorship(director, {
        sponseeEmail: lena.email,
        advocacy: "role",
        role: "Test lead",
        note: "",
        until: dayFrom(90),
      }),
    );
    expect(kindsGained(sponsored, lena)).toEqual(["sponsorship-new"]);
  });

  test("goals: a key result added asks its owner and contributor for a check-in; a week after one, the time alone asks again", async () => {
    later();
    const admin = await createAdmin({ name: "Goals Admin" });
    const { lena, omar } = await team("Goals");
    const periodId = await createPeriod(admin, {
      name: "Goals period",
      startsOn: dayFrom(-1),
      endsOn: dayFrom(60),
    });
    const objectiveId = await createObjective(lena, {
      periodId,
      level: "person",
      teamId: null,
      title: "Faster builds",
      why: "",
      commitment: "committed",
      parentId: null,
    });
    let keyResultId = "";
    const added = await afterWrite(async () => {
      keyResultId = (
        await addKeyResult(lena, objectiveId, {
          title: "Build minutes",
          kind: "metric",
          unit: "min",
          direction: "decrease",
          startValue: 20,
          targetValue: 10,
          contributorEmails: omar.email,
        })
      ).id;
    });
    expect(kindsGained(added, lena)).toEqual(["goal-check-in"]);
    expect(kindsGained(added, omar)).toEqual(["goal-check-in"]);
    const checked = later();
    await checkIn(lena, keyResultId, { value: 18, confidence: "onTrack", note: "" });
    const again = await afterTime(checked + MINUTE, checked + 7 * DAY + MINUTE);
    expect(kindsGained(again, lena)).toContain("goal-check-in");
    expect(kindsGained(again, omar)).toContain("goal-check-in");
  });

  test("peer and upward feedback: asked for, nominated, approved, declined, and a due date moved", async () => {
    later();
    const admin = { ...(await createAdmin({ name: "Feedback Admin" })), isHiringAdmin: false };
    const { teamId, manager, lena, omar } = await team("Feedback");
    const priya = await createPerson({
      name: "Feedback Priya",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      teamId,
    });
    const cycleId = await openTeamCycle(admin, teamId);
    const settings = (dueOn: string) =>
      FeedbackSettingsSchema.parse({ peer: true, upward: true, dueOn, minPeers: 1, maxPeers: 2 });

    // Peer and upward feedback asked for: each participant nominates their peers; the manager's reports are asked about them.
    const asked = await afterWrite(() =>
      saveFeedbackSettings(admin, cycleId, settings(dayFrom(30))),
    );
    for (const person of [lena, omar, priya])
      expect(kindsGained(asked, person).sort()).toEqual(["feedback-answer", "feedback-nominate"]);

    // Lena nominates Omar: her manager approves or declines.
    let requestId = "";
    const nominated = await afterWrite(async () => {
      const result = await nominatePeer(lena, cycleId, lena.id, omar.id);
      if (!result.ok) throw new Error(result.message.key);
      requestId = result.requestId;
    });
    expect(kindsGained(nominated, manager)).toEqual(["feedback-approve"]);

    // Approved: Omar is asked for his feedback on Lena.
    const approved = await afterWrite(() => decideNomination(manager, requestId, "approve", null));
    expect(kindsGained(approved, omar)).toEqual(["feedback-answer"]);

    // Omar declines: Lena, who nominates, chooses another peer; her manager is asked to replace him.
    const declined = await afterWrite(async () =>
      expect(
        await declineRequest(omar, requestId, "I have not worked with Lena this half"),
      ).toEqual({ ok: true }),
    );
    expect(kindsGained(declined, manager)).toEqual(["feedback-replace"]);
    expect(kindsGained(declined, lena)).toEqual(["feedback-nominate"]);

    // The due day moved: every item due on it moves with it.
    const moved = await afterWrite(() =>
      saveFeedbackSettings(admin, cycleId, settings(dayFrom(40))),
    );
    expect(kindsGained(moved, priya)).toContain("feedback-nominate");
  });
});
