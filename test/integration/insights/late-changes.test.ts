import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as editRoute from "~/routes/admin.people.$personId";
import * as insightsRoute from "~/routes/insights._index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { saveOptIn, withdrawOptIn } from "~/modules/mentorship/opt-in.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { changesWithFewerThan } from "../../utils/derive";
import { removeInterview } from "~/modules/hiring/loops.server";
import { asViewer, hiringSetUp } from "../hiring/helpers";

/**
 * Changes Rungs learns of after the day they took effect (decision 075, amended): a level since
 * entered late, a candidate's moves a viewer could read only once their own scorecard was in (or once
 * she was taken off the panel), a mentee's goals changed or their opt-in withdrawn. Each counts in the
 * batch still filling when Rungs learned of it, so a figure already read stays as it was until the
 * floor's worth of people changed it since.
 */

const DAY = 86_400_000;
type Level = {
  level: string;
  n: unknown;
  promotions: unknown;
  unknownStarts: unknown;
  suppressed: boolean;
  median: unknown;
  medianInterval: unknown;
  points: unknown;
};
type View = {
  timeInLevel: { track: string; levels: Level[] }[];
  mentoring: unknown;
  hiring: { candidates: number; funnel: unknown } | null;
};
const view = async (viewerId: string) =>
  bodyOf<View>(await insightsRoute.loader(routeArgs(await signedInRequest("/insights", viewerId))));
const ic2 = (read: View) =>
  JSON.stringify(
    read.timeInLevel
      .find((track) => track.track === "ic")
      ?.levels.find((level) => level.level === "ic2") ?? null,
  );
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const now = () => Date.now();

describe("a change dated before the latest batch closed", () => {
  test("a level since entered late on the person form moves time in level only once the floor's worth of people changed the level since it last moved", async () => {
    const admin = await createAdmin();
    const now = Date.now();
    const people = [];
    for (let index = 0; index < 5; index++)
      people.push(
        await createPerson({
          track: "ic",
          level: "ic2",
          createdAt: new Date(now - (300 - 10 * index) * DAY),
        }),
      );
    const first = await view(admin.id);
    // Four arrivals closed a batch: the level is shown, as it stood when the fourth arrived.
    expect(JSON.parse(ic2(first))).toMatchObject({ n: 4, suppressed: false });

    const readings: string[] = [];
    for (const [index, person] of people.slice(0, 3).entries()) {
      const levelSince = dayOf(now - (900 + 100 * index) * DAY);
      const edited = await editRoute.action(
        routeArgs(
          await signedInPost(`/admin/people/${person.id}`, admin.id, {
            intent: "update",
            name: person.name,
            email: person.email,
            track: "ic",
            level: "ic2",
            levelSince,
          }),
          { personId: person.id },
        ),
      );
      expect(statusOf(edited)).toBe(200);
      readings.push(ic2(await view(admin.id)));
    }
    // The two first corrections are two people (with the fifth arrival, three): nothing read moves.
    expect(readings.slice(0, 2)).toEqual([ic2(first), ic2(first)]);
    // The third is the fourth person since the level last moved: it moves, with the corrected stays.
    expect(readings[2]).not.toEqual(ic2(first));
    expect(JSON.parse(readings[2]!)).toMatchObject({ n: 5, suppressed: false });
  });

  test("a person reactivated after leaving returns as a new stay, dated when Rungs learned of it: time in level as read by an admin and their manager moves only with the floor's worth of people since", async () => {
    const admin = await createAdmin();
    const manager = await createPerson({ name: "Returns manager", track: "manager", level: "m1" });
    const now = Date.now();
    const arrive = (daysAgo: number, deactivatedDaysAgo?: number) =>
      createPerson({
        track: "ic",
        level: "ic1",
        managerId: manager.id,
        createdAt: new Date(now - daysAgo * DAY),
        deactivatedAt: deactivatedDaysAgo ? new Date(now - deactivatedDaysAgo * DAY) : null,
      });
    // Four arrivals close a batch; two more, the first one's leaving and one more arrival close the next, after she left.
    const leaver = await arrive(400, 200);
    for (const daysAgo of [300, 290, 280, 270, 260, 100]) await arrive(daysAgo);
    const ic1 = (read: View) =>
      JSON.stringify(
        read.timeInLevel
          .find((track) => track.track === "ic")
          ?.levels.find((level) => level.level === "ic1") ?? null,
      );
    const read = async () => [ic1(await view(admin.id)), ic1(await view(manager.id))];
    const first = await read();
    expect(first.map((reading) => JSON.parse(reading))).toMatchObject([
      { n: 7, suppressed: false },
      { n: 7, suppressed: false },
    ]);

    const reactivated = await editRoute.action(
      routeArgs(
        await signedInPost(`/admin/people/${leaver.id}`, admin.id, { intent: "reactivate" }),
        { personId: leaver.id },
      ),
    );
    expect(statusOf(reactivated)).toBe(200);
    const readings = [await read()];
    for (let index = 0; index < 3; index++) {
      await arrive(0);
      readings.push(await read());
    }
    // The return and two arrivals are three people: nothing read moves, her first stay still ended when she left.
    expect(readings.slice(0, 3)).toEqual([first, first, first]);
    // The fourth since: both readings move, with her two stays.
    expect(readings[3]!.map((reading) => JSON.parse(reading))).toMatchObject([
      { n: 11, suppressed: false },
      { n: 11, suppressed: false },
    ]);
    // The reactivation wrote both ends of her absence, at her level.
    expect(
      await db.levelChange.findMany({
        where: { personId: leaver.id },
        orderBy: { changedAt: "asc" },
        select: { toLevelId: true, source: true, changedAt: true },
      }),
    ).toMatchObject([
      { toLevelId: "ic1", source: "deactivated", changedAt: new Date(now - 200 * DAY) },
      { toLevelId: "ic1", source: "reactivated" },
    ]);
  });

  test("a candidate's moves a hiring admin could read only once her scorecard was in join the funnel's batch still filling, not the one she read", async () => {
    const facts = await hiringSetUp();
    const admin = facts.admin;
    const now = Date.now();
    const candidate = async (
      name: string,
      moves: { from: string | null; to: string; at: Date }[],
    ) => {
      const created = await db.hiringCandidate.create({ data: { name } });
      for (const move of moves)
        await db.hiringPipelineMove.create({
          data: {
            candidateId: created.id,
            fromStage: move.from,
            toStage: move.to,
            movedAt: move.at,
          },
        });
      return created;
    };
    // She interviews the first candidate and owes her card: where the candidate stands is not hers to read yet.
    const owed = await candidate("Owed", [
      { from: null, to: "screen", at: new Date(now - 110 * DAY) },
      { from: "screen", to: "interviews", at: new Date(now - 105 * DAY) },
    ]);
    const loop = await db.hiringLoop.create({
      data: { openingId: facts.openingId, candidateId: owed.id },
    });
    const interview = await db.hiringInterview.create({
      data: {
        loopId: loop.id,
        stageId: facts.stages[0]!.id,
        interviewerId: admin.id,
        createdAt: new Date(now - 120 * DAY),
      },
    });
    for (let index = 0; index < 4; index++)
      await candidate(`Screened ${index}`, [
        { from: null, to: "screen", at: new Date(now - (100 - index) * DAY) },
      ]);

    const read = async () => JSON.stringify((await view(admin.id)).hiring);
    const first = await read();
    expect(JSON.parse(first)).toMatchObject({ candidates: 4 });

    await db.hiringScorecard.create({
      data: {
        interviewId: interview.id,
        authorId: admin.id,
        status: "submitted",
        recommendation: "yes",
        submittedAt: new Date(),
      },
    });
    const afterCard = await read();
    await candidate("Later 1", [{ from: null, to: "screen", at: new Date() }]);
    const afterOne = await read();
    await candidate("Later 2", [{ from: null, to: "screen", at: new Date() }]);
    const afterTwo = await read();
    // Casey (the set-up's candidate), the owed one and the first later one: three candidates, nothing moves.
    expect([afterCard, afterOne]).toEqual([first, first]);
    // The fourth since: the funnel moves, over everyone read by then.
    expect(afterTwo).not.toEqual(first);
    expect(JSON.parse(afterTwo)).toMatchObject({ candidates: 8 });
  });

  test("a hiring admin put on a candidate's panel after reading them keeps reading the funnel as it was: the moves she read stay hers, later ones wait for her card", async () => {
    const facts = await hiringSetUp();
    const hera = await createAdmin({ name: "Hera Hiring" });
    const now = Date.now();
    const candidate = async (
      name: string,
      moves: { from: string | null; to: string; at: Date }[],
    ) => {
      const created = await db.hiringCandidate.create({ data: { name } });
      for (const move of moves)
        await db.hiringPipelineMove.create({
          data: {
            candidateId: created.id,
            fromStage: move.from,
            toStage: move.to,
            movedAt: move.at,
          },
        });
      return created;
    };
    const read = async () => JSON.stringify((await view(hera.id)).hiring);
    const joined = await candidate("Joined later", [
      { from: null, to: "screen", at: new Date(now - 60 * DAY) },
      { from: "screen", to: "interviews", at: new Date(now - 55 * DAY) },
    ]);
    // Candidates arrive until the funnel she reads moves: a batch closed with the latest, so a candidate taken out of it would move it back.
    let before = await read();
    for (let index = 0; index < 2 * SMALL_GROUP_FLOOR; index++) {
      const previous = before;
      await candidate(`Read before ${index}`, [{ from: null, to: "screen", at: new Date() }]);
      before = await read();
      if (before !== previous) break;
    }
    const fromStart = await db.hiringCandidate.count();
    expect(JSON.parse(before)).toMatchObject({ candidates: fromStart });

    // She is put on the panel and starts her card: the candidate's moves she read stay in what she reads.
    const loop = await db.hiringLoop.create({
      data: { openingId: facts.openingId, candidateId: joined.id },
    });
    const interview = await db.hiringInterview.create({
      data: { loopId: loop.id, stageId: facts.stages[0]!.id, interviewerId: hera.id },
    });
    const card = await db.hiringScorecard.create({
      data: { interviewId: interview.id, authorId: hera.id, status: "draft" },
    });
    const onPanel = await read();
    // A move while she owes her card would tell her of the others' verdicts: not hers to read yet.
    await db.hiringPipelineMove.create({
      data: {
        candidateId: joined.id,
        fromStage: "interviews",
        toStage: "rejected",
        movedAt: new Date(),
      },
    });
    const afterMove = await read();
    const others = [];
    for (let index = 0; index < SMALL_GROUP_FLOOR - 1; index++) {
      await candidate(`Meanwhile ${index}`, [{ from: null, to: "screen", at: new Date() }]);
      others.push(await read());
    }
    // Three other candidates since: with the rejection hers to read, the fourth, the funnel would have moved.
    expect([onPanel, afterMove, ...others]).toEqual([before, before, before, before, before]);
    // Her card is in: the rejection is learned of now, the fourth since.
    await db.hiringScorecard.update({
      where: { id: card.id },
      data: { status: "submitted", recommendation: "no", submittedAt: new Date() },
    });
    expect(JSON.parse(await read())).toMatchObject({
      candidates: fromStart + SMALL_GROUP_FLOOR - 1,
    });
  });

  test("a hiring admin taken off a candidate's panel before her card keeps reading the funnel as it was: the moves made while she sat on it count from when she was taken off", async () => {
    const facts = await hiringSetUp();
    const hera = await createAdmin({ name: "Hera Removed" });
    const candidate = async (
      name: string,
      moves: { from: string | null; to: string; at: Date }[],
    ) => {
      const created = await db.hiringCandidate.create({ data: { name } });
      for (const move of moves)
        await db.hiringPipelineMove.create({
          data: {
            candidateId: created.id,
            fromStage: move.from,
            toStage: move.to,
            movedAt: move.at,
          },
        });
      return created;
    };
    const arrives = (name: string) =>
      candidate(name, [{ from: null, to: "screen", at: new Date() }]);
    const read = async () => JSON.stringify((await view(hera.id)).hiring);
    // She is put on a candidate's panel, and the candidate is rejected while she owes her card: not hers to read.
    const seatedOn = async (name: string) => {
      const seated = await candidate(name, [
        { from: null, to: "screen", at: new Date(now() - 60 * DAY) },
        { from: "screen", to: "interviews", at: new Date(now() - 55 * DAY) },
      ]);
      const loop = await db.hiringLoop.create({
        data: { openingId: facts.openingId, candidateId: seated.id },
      });
      const interview = await db.hiringInterview.create({
        data: { loopId: loop.id, stageId: facts.stages[0]!.id, interviewerId: hera.id },
      });
      await db.hiringPipelineMove.create({
        data: {
          candidateId: seated.id,
          fromStage: "interviews",
          toStage: "rejected",
          movedAt: new Date(),
        },
      });
      return { loopId: loop.id, interviewId: interview.id };
    };
    // Others arrive until the funnel she reads moves: a batch closed after the rejection, without it.
    const untilItMoves = async (prefix: string) => {
      let reading = await read();
      for (let index = 0; index < 2 * SMALL_GROUP_FLOOR; index++) {
        const previous = reading;
        await arrives(`${prefix} ${index}`);
        reading = await read();
        if (reading !== previous) return reading;
      }
      throw new Error("the funnel never moved");
    };

    const first = await seatedOn("Seated");
    const before = await untilItMoves("Read before");
    // Taken off the panel before her card: the rejection is learned of now, in the batch still filling, not in the one she read.
    await removeInterview(asViewer(hera), first.loopId, first.interviewId);
    const readings = [await read()];
    for (let index = 0; index < SMALL_GROUP_FLOOR - 2; index++) {
      await arrives(`Meanwhile ${index}`);
      readings.push(await read());
    }
    expect(readings).toEqual(readings.map(() => before));
    expect(
      await db.hiringInterviewRemoval.count({
        where: { interviewerId: hera.id, loopId: first.loopId },
      }),
    ).toBe(1);
    // The floor's worth since the batch she read, the removal among them: the funnel moves, over everyone.
    await arrives("Last");
    const moved = await read();
    expect(moved).not.toEqual(before);
    expect(JSON.parse(moved)).toMatchObject({ candidates: await db.hiringCandidate.count() });

    // A removal that completes a batch moves what she reads at once: the kept view notices it.
    const second = await seatedOn("Seated again");
    const again = await untilItMoves("Read again");
    for (let index = 0; index < SMALL_GROUP_FLOOR - 1; index++)
      await arrives(`Before removal ${index}`);
    expect(await read()).toEqual(again);
    await removeInterview(asViewer(hera), second.loopId, second.interviewId);
    expect(JSON.parse(await read())).toMatchObject({
      candidates: await db.hiringCandidate.count(),
    });
  });

  test("a mentee's goals changed or their opt-in withdrawn move mentoring only with the floor's worth of different people since it last moved", async () => {
    const admin = await createAdmin();
    const manager = await createPerson({ name: "Goals manager", track: "manager", level: "m1" });
    const versionId = (await ladderForLevel("ic2"))!.versionId;
    const programme = await db.mentorshipProgramme.create({
      data: {
        name: "Goals over time",
        ladderId: "engineering",
        startsOn: new Date(now() - 10 * DAY),
        endsOn: new Date(now() + 200 * DAY),
        matchingOn: new Date(now() + 100 * DAY),
      },
    });
    const mentees: Awaited<ReturnType<typeof createPerson>>[] = [];
    for (let index = 0; index < 4; index++)
      mentees.push(await createPerson({ track: "ic", level: "ic2", managerId: manager.id }));
    const comparable = [];
    for (let index = 0; index < 4; index++)
      comparable.push(await createPerson({ track: "ic", level: "ic2", managerId: manager.id }));

    const read = async () => JSON.stringify((await view(admin.id)).mentoring);
    const readings: string[] = [];
    const authors: string[] = [];
    const changed = async (author: string) => {
      readings.push(await read());
      authors.push(author);
    };
    const optIn = async (person: (typeof mentees)[number], goals: string[]) => {
      expect(
        await saveOptIn(asViewer(person), programme.id, {
          role: "mentee",
          goals,
          preferences: "",
          timeZone: "",
        }),
      ).toEqual({ ok: true });
      await changed(person.id);
    };
    const review = async (subjectId: string, rating: number) => {
      await db.assessment.create({
        data: {
          kind: "manager",
          status: "submitted",
          subjectId,
          authorId: manager.id,
          ladderVersionId: versionId,
          trackId: "ic",
          levelId: "ic2",
          submittedAt: new Date(),
          ratings: { create: [{ competencyId: "testing", rating }] },
        },
      });
      await changed(subjectId);
    };
    // Opting in, reviews, pairs beginning, reviews again: four people at a time on each side, so that both
    // sides stand at their latest batch once the last is in.
    for (const mentee of mentees) await optIn(mentee, ["testing"]);
    for (const person of [...mentees, ...comparable]) await review(person.id, 2);
    for (const mentee of mentees) {
      await db.mentorshipPair.create({
        data: {
          programmeId: programme.id,
          menteeId: mentee.id,
          mentorId: manager.id,
          status: "active",
          source: "proposed",
          fit: 1,
          factors: "[]",
          activeSince: new Date(),
        },
      });
      await changed(mentee.id);
    }
    for (const [index, person] of [...comparable, ...mentees].entries())
      await review(person.id, 2 + (index % 3));
    const shown = readings.at(-1)!;
    expect(JSON.parse(shown)).toMatchObject({ mentees: 4, suppressed: false });
    const setUp = readings.length;

    // Goals changed away from what was rated, and an opt-in withdrawn: each mentee's own.
    await optIn(mentees[0]!, ["code-quality"]);
    const afterOne = readings.at(-1);
    await optIn(mentees[1]!, ["code-quality"]);
    await withdrawOptIn(asViewer(mentees[2]!), programme.id, "mentee");
    await changed(mentees[2]!.id);
    await optIn(mentees[3]!, ["code-quality"]);
    expect(afterOne).toEqual(shown);
    // The opt-in page writes each change with the opt-in: joining, and withdrawing.
    expect(
      await db.menteeGoalChange.findMany({
        where: { personId: mentees[2]!.id },
        orderBy: { id: "asc" },
        select: { fromGoals: true, toGoals: true },
      }),
    ).toEqual([
      { fromGoals: null, toGoals: '["testing"]' },
      { fromGoals: '["testing"]', toGoals: null },
    ]);
    expect(
      changesWithFewerThan(readings.slice(setUp), authors.slice(setUp), SMALL_GROUP_FLOOR, shown),
    ).toEqual([]);
    // Four mentees changed since it was read: it moved, and no longer counts the goals they left.
    expect(readings.at(-1)).not.toEqual(shown);
  });
});
