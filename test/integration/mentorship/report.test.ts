import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { loader as reportLoader } from "~/routes/mentorship.$programmeId.report";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { call, joinAs, setUp, submittedReview } from "./helpers";

type Report = Awaited<ReturnType<typeof reportLoader>>;

describe("the programme report", () => {
  test("participation, pairs accepted and declined, pulse averages only from four answers, goal movement; admins only", async () => {
    const { admin, sam, lena, omar, ravi, nora, sasha, programmeId } = await setUp();
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(omar, programmeId, "mentee", ["testing", "code-quality"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"], { capacity: 2 });
    await joinAs(nora, programmeId, "mentor", ["code-quality"], { capacity: 2 });
    await joinAs(nora, programmeId, "mentee", ["technical-direction"]);
    const began = new Date(Date.now() - 100 * 86_400_000);
    const pair = (menteeId: string, mentorId: string, data: Record<string, unknown>) =>
      db.mentorshipPair.create({
        data: {
          programmeId,
          menteeId,
          mentorId,
          source: "proposed",
          fit: 3,
          factors: "[]",
          ...data,
        },
        select: { id: true },
      });
    const lenas = await pair(lena.id, ravi.id, {
      status: "active",
      activeSince: began,
      menteeAnswer: "accepted",
      mentorAnswer: "accepted",
    });
    const omars = await pair(omar.id, nora.id, {
      status: "ended",
      activeSince: began,
      outcome: "goals-met",
    });
    await pair(nora.id, ravi.id, { status: "declined", declinedById: ravi.id });
    await db.mentorshipCheckIn.create({
      data: { pairId: lenas.id, authorId: lena.id, occurredOn: began },
    });
    // Three answers to the 30-day pulse (hidden), four to the 90-day one (shown).
    const answers = [
      [lenas.id, lena.id, 30, 4],
      [lenas.id, ravi.id, 30, 5],
      [omars.id, omar.id, 30, 3],
      [lenas.id, lena.id, 90, 4],
      [lenas.id, ravi.id, 90, 5],
      [omars.id, omar.id, 90, 2],
      [omars.id, nora.id, 90, 5],
    ] as const;
    for (const [pairId, respondentId, checkpoint, usefulness] of answers)
      await db.mentorshipPulse.create({
        data: { pairId, respondentId, checkpoint, usefulness, comfort: 4 },
      });
    await submittedReview(
      lena.id,
      sam.id,
      "manager",
      "ic2",
      { testing: 2 },
      new Date(began.getTime() - 86_400_000),
    );
    await submittedReview(lena.id, sam.id, "manager", "ic2", { testing: 3 });
    await submittedReview(
      omar.id,
      sam.id,
      "manager",
      "ic1",
      { testing: 3, "code-quality": 2 },
      new Date(began.getTime() - 86_400_000),
    );
    await submittedReview(omar.id, sam.id, "manager", "ic1", { testing: 3, "code-quality": 1 });
    // Someone deactivated is not counted among the people it is open to.
    await createPerson({ name: "Gone", track: "ic", level: "ic2", deactivatedAt: new Date() });

    const report = bodyOf<Report>(
      await reportLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/report`, admin.id), {
          programmeId,
        }),
      ),
    );
    const placed = await db.user.count({ where: { deactivatedAt: null, level: { not: null } } });
    expect(report.participation).toEqual({
      eligible: placed,
      joined: 4,
      mentees: 3,
      mentors: 2,
      both: 1,
      slots: 4,
    });
    expect(report.pairs).toMatchObject({
      published: 3,
      accepted: 2,
      declined: 1,
      declinedBy: { mentee: 0, mentor: 1 },
      checkIns: 1,
      acceptedWithCheckIns: 1,
    });
    expect(report.pairs.outcomes["goals-met"]).toBe(1);
    const [thirty, ninety] = report.pulses;
    expect(thirty!.everyone.usefulness).toEqual({ n: null, mean: null, suppressed: true });
    expect(ninety!.everyone.usefulness).toEqual({ n: 4, mean: 4, suppressed: false });
    expect(ninety!.mentee.usefulness.suppressed).toBe(true);
    // Three goals: which way each moved is a figure of fewer mentees than the floor, hidden with the average.
    expect(report.movement).toMatchObject({
      goals: 3,
      compared: 3,
      improved: null,
      same: null,
      lower: null,
      change: { n: null, mean: null, suppressed: true },
    });

    for (const person of [lena, ravi])
      expect(
        statusOf(
          await call(async () =>
            reportLoader(
              routeArgs(await signedInRequest(`/mentorship/${programmeId}/report`, person.id), {
                programmeId,
              }),
            ),
          ),
        ),
      ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          reportLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}/report`, sasha.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(404);
  });

  test("follows every change it is read from, written as another app server would write it", async () => {
    const { admin, sam, lena, omar, ravi, nora, programmeId } = await setUp();
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(omar, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"], { capacity: 2 });
    await joinAs(nora, programmeId, "mentor", ["testing"], { capacity: 2 });
    const leaving = await createPerson({ name: "Leaving", track: "ic", level: "ic2" });
    const began = new Date(Date.now() - 100 * 86_400_000);
    const { id: declinedId } = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: omar.id,
        mentorId: nora.id,
        source: "proposed",
        fit: 2,
        factors: "[]",
        status: "declined",
        declinedById: nora.id,
      },
      select: { id: true },
    });
    const { id: pairId } = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        source: "proposed",
        fit: 3,
        factors: "[]",
        status: "active",
        activeSince: began,
      },
      select: { id: true },
    });
    await submittedReview(
      lena.id,
      sam.id,
      "manager",
      "ic2",
      { testing: 2 },
      new Date(began.getTime() - 86_400_000),
    );
    const report = async () =>
      bodyOf<Report>(
        await reportLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/report`, admin.id), {
            programmeId,
          }),
        ),
      );

    const first = await report();
    expect(first.pairs).toMatchObject({ checkIns: 0, declined: 1 });
    expect(first.participation).toMatchObject({ mentors: 2 });
    expect(first.movement).toMatchObject({ compared: 0 });
    expect(await report()).toEqual(first);

    // Only ever added: a check-in and a pulse answer.
    await db.mentorshipCheckIn.create({
      data: { pairId, authorId: lena.id, occurredOn: new Date() },
    });
    expect((await report()).pairs).toMatchObject({ checkIns: 1 });
    for (const respondentId of [lena.id, ravi.id, omar.id, nora.id, sam.id])
      await db.mentorshipPulse.create({
        data: { pairId, respondentId, checkpoint: 90, usefulness: 5, comfort: 4 },
      });
    expect(
      (await report()).pulses.find((pulse) => pulse.checkpoint === 90)!.everyone.usefulness,
    ).toEqual({ n: 5, mean: 5, suppressed: false });
    // A mentor's capacity, a pair's outcome, an older pair removed, an older opt-in withdrawn, a review submitted, someone leaving.
    await db.mentorshipParticipant.updateMany({
      where: { programmeId, userId: nora.id, role: "mentor" },
      data: { capacity: 1 },
    });
    expect((await report()).participation).toMatchObject({ slots: first.participation.slots - 1 });
    await db.mentorshipPair.update({
      where: { id: pairId },
      data: { status: "ended", outcome: "goals-met" },
    });
    expect((await report()).pairs.outcomes["goals-met"]).toBe(1);
    await db.mentorshipPair.delete({ where: { id: declinedId } });
    expect((await report()).pairs).toMatchObject({ declined: 0 });
    await db.mentorshipParticipant.deleteMany({
      where: { programmeId, userId: ravi.id, role: "mentor" },
    });
    expect((await report()).participation).toMatchObject({ mentors: 1 });
    await submittedReview(lena.id, sam.id, "manager", "ic2", { testing: 3 });
    expect((await report()).movement).toMatchObject({
      compared: 1,
      change: { n: null, suppressed: true },
    });
    const eligible = (await report()).participation.eligible;
    await db.user.update({ where: { id: omar.id }, data: { deactivatedAt: new Date() } });
    expect((await report()).participation.eligible).toBe(eligible - 1);
    await db.user.delete({ where: { id: leaving.id } });
    expect((await report()).participation.eligible).toBe(eligible - 2);
  });
});
