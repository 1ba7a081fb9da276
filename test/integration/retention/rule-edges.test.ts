// The edges of the retention rules for private notes and feedback examples, through the admin's
// page and the pass: with no period set nothing is due however old it is, and a private note is
// due on the very moment its period ends, not a moment before (retention's policy decides both;
// the modules' declarations ask it and restate neither).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { erasedName } from "~/modules/retention/erasure.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import type { RetentionPage } from "~/modules/retention/retention.server";
import { action, loader } from "~/routes/admin.retention";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function next(viewerId: string) {
  return bodyOf<RetentionPage>(
    await loader(routeArgs(await signedInRequest("/admin/retention", viewerId))),
  ).next;
}

async function setRules(
  viewerId: string,
  rules: { privateNotes: string; feedbackTexts: string; leavers?: string },
) {
  const response = await action(
    routeArgs(
      await signedInPost("/admin/retention", viewerId, {
        intent: "rules",
        leavers: "",
        ...rules,
        othersTexts: "keep",
        candidateDays: "",
      }),
    ),
  );
  expect(statusOf(response)).toBe(200);
}

async function privateNote(managerId: string, reportId: string, text: string, at: Date) {
  const series = await db.conversationSeries.create({
    data: {
      kind: "one-to-one",
      managerId,
      reportId,
      cadence: "weekly",
      timeZone: "UTC",
      anchorAt: at,
      createdById: managerId,
    },
  });
  const meeting = await db.conversationMeeting.create({
    data: { seriesId: series.id, scheduledFor: at, startsAt: at, status: "held" },
  });
  await db.conversationNote.create({
    data: {
      seriesId: series.id,
      meetingId: meeting.id,
      authorId: managerId,
      visibility: "private",
      text,
    },
  });
}

const notesLeft = async () =>
  (await db.conversationNote.findMany({ select: { text: true } })).map((note) => note.text).sort();
const examplesLeft = async () =>
  (await db.feedbackAnswer.findMany({ select: { example: true } }))
    .map((answer) => answer.example)
    .filter((example) => example !== "")
    .sort();

let admin: { id: string };
let manager: { id: string };

beforeAll(async () => {
  admin = await createAdmin({ name: "Avery Admin" });
  manager = await createPerson({ name: "Morgan Manager", track: "manager", level: "m1" });
});

describe("retention rules at their edges", () => {
  test("with no period set for private notes or feedback examples, nothing of either is due, however long ago its people left or how many cycles opened since", async () => {
    const leaver = await createPerson({
      name: "Lou Longgone",
      managerId: manager.id,
      track: "ic",
      level: "ic2",
      deactivatedAt: ago(900),
    });
    await privateNote(manager.id, leaver.id, "LONG-GONE-PRIVATE", ago(950));
    const engineer = await createPerson({
      name: "Eli Engineer",
      managerId: manager.id,
      track: "ic",
      level: "ic2",
    });
    // Five cycles: the oldest has had four opened since.
    const versionId = (await ladderForLevel("ic2"))!.versionId;
    const cycles = [];
    for (const days of [800, 650, 500, 350, 200])
      cycles.push(
        await db.reviewCycle.create({
          data: { name: `Cycle ${days}`, startsOn: ago(days), endsOn: ago(days - 60) },
        }),
      );
    const request = await db.feedbackRequest.create({
      data: {
        cycleId: cycles[0]!.id,
        channel: "peer",
        subjectId: manager.id,
        reviewerId: engineer.id,
        state: "submitted",
        dueOn: ago(780),
        ladderVersionId: versionId,
        trackId: "manager",
        levelId: "m1",
        competencyIds: '["code-quality"]',
        submittedAt: ago(780),
      },
    });
    await db.feedbackAnswer.create({
      data: {
        requestId: request.id,
        competencyId: "code-quality",
        rating: 3,
        example: "OLD-CYCLE-EXAMPLE",
      },
    });

    await setRules(admin.id, { privateNotes: "", feedbackTexts: "" });
    expect(await next(admin.id)).toMatchObject({ privateNotes: 0, feedbackTexts: 0 });
    expect((await runRetentionPass()).removed).toMatchObject({ privateNotes: 0, feedbackTexts: 0 });
    expect(await notesLeft()).toEqual(["LONG-GONE-PRIVATE"]);
    expect(await examplesLeft()).toEqual(["OLD-CYCLE-EXAMPLE"]);

    // With a period set, both are due: what kept them above was the missing period alone.
    await setRules(admin.id, { privateNotes: "1", feedbackTexts: "1" });
    expect(await next(admin.id)).toMatchObject({ privateNotes: 1, feedbackTexts: 1 });
    expect((await runRetentionPass()).removed).toMatchObject({ privateNotes: 1, feedbackTexts: 1 });
    expect(await notesLeft()).toEqual([]);
    expect(await examplesLeft()).toEqual([]);
  });

  test("a private note is due at the very moment its period ends (a month after the last day of January is the last day of February), not a moment before", async () => {
    const leftAt = new Date("2025-01-31T12:00:00.000Z");
    const periodEnds = new Date("2025-02-28T12:00:00.000Z");
    const leaver = await createPerson({
      name: "Jan Januaryleaver",
      managerId: manager.id,
      track: "ic",
      level: "ic2",
      deactivatedAt: leftAt,
    });
    await privateNote(manager.id, leaver.id, "JANUARY-LEAVER-PRIVATE", new Date("2025-01-10"));
    await setRules(admin.id, { privateNotes: "1", feedbackTexts: "" });

    const before = await runRetentionPass(new Date(periodEnds.getTime() - 1));
    expect(before.removed.privateNotes).toBe(0);
    expect(await notesLeft()).toEqual(["JANUARY-LEAVER-PRIVATE"]);

    const onTheMoment = await runRetentionPass(periodEnds);
    expect(onTheMoment).toEqual({
      removed: expect.objectContaining({ privateNotes: 1 }),
      failed: [],
    });
    expect(await notesLeft()).toEqual([]);
  });

  test("a person who left is erased at the very moment their period ends (a month after the last day of March is the last day of April), not a moment before", async () => {
    const leftAt = new Date("2025-03-31T08:00:00.000Z");
    const periodEnds = new Date("2025-04-30T08:00:00.000Z");
    const leaver = await createPerson({
      name: "Mar Marchleaver",
      managerId: manager.id,
      track: "ic",
      level: "ic2",
      deactivatedAt: leftAt,
    });
    await setRules(admin.id, { privateNotes: "", feedbackTexts: "", leavers: "1" });
    const nameOf = async () => (await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).name;

    await runRetentionPass(new Date(periodEnds.getTime() - 1));
    expect(await nameOf()).toBe("Mar Marchleaver");
    expect(await db.erasureRecord.count({ where: { personId: leaver.id } })).toBe(0);

    const onTheMoment = await runRetentionPass(periodEnds);
    expect(onTheMoment).toEqual({ removed: expect.objectContaining({ leavers: 1 }), failed: [] });
    expect(await nameOf()).toBe(erasedName());
    expect(await db.erasureRecord.count({ where: { personId: leaver.id } })).toBe(1);
  });
});
