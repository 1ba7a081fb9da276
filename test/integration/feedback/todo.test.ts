import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import {
  decideNomination,
  nominatePeer,
  saveFeedbackSettings,
} from "~/modules/feedback/feedback.server";
import { feedbackTodoChanges, feedbackTodoFacts } from "~/modules/feedback/todo.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { setPersonActive } from "~/modules/people/service.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";

describe("feedback's to-dos", () => {
  test("follow a cycle from nominating to answering, and a reviewer who leaves", async () => {
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const peers = await Promise.all(
      ["Omar", "Priya"].map((name) =>
        createPerson({ name: `${name} Peer`, track: "ic", level: "ic2", managerId: manager.id }),
      ),
    );
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    // Every page reads the to-do list: with no open cycle asking for feedback, one statement and no more.
    expect((await countStatements(() => feedbackTodoFacts(engineer))).statements).toHaveLength(1);
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [engineer, ...peers].map((person) => ({ userId: person.id })) },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2099-06-30", minPeers: 2, maxPeers: 3 }),
    );

    const { result: mine, statements } = await countStatements(() => feedbackTodoFacts(engineer));
    // Nobody is in a calibration session of the cycle: no statement reads the sessions of no entries.
    const sessionsRead = /^SELECT [`"](main|public)[`"]\.[`"]CalibrationSession[`"]\./;
    expect(statements.filter((sql) => sessionsRead.test(sql))).toEqual([]);
    // Nor, with no answers about them yet, their calibration entries: the cycle with its settings,
    // the requests and the people they nominate for, then names and counts.
    expect(statements.filter((sql) => sql.includes("CalibrationEntry"))).toEqual([
      expect.stringMatching(/^\s*SELECT s\."cycleId"/),
    ]);
    expect(statements).toHaveLength(5);
    expect(mine.peersToNominate?.find((entry) => entry.person.id === engineer.id)).toMatchObject({
      own: true,
      live: 0,
      minPeers: 2,
    });
    expect((await feedbackTodoFacts(manager)).peersToNominate).toEqual([]);

    const first = await nominatePeer(engineer, cycle.id, engineer.id, peers[0]!.id);
    const second = await nominatePeer(engineer, cycle.id, engineer.id, peers[1]!.id);
    if (!first.ok || !second.ok) throw new Error("nominations refused");
    expect(
      (await feedbackTodoFacts(engineer)).peersToNominate?.filter(
        (entry) => entry.person.id === engineer.id,
      ),
    ).toEqual([]);
    expect((await feedbackTodoFacts(manager)).nominationsToDecide).toMatchObject([
      { person: { id: engineer.id }, waiting: 2 },
    ]);
    expect((await feedbackTodoFacts(peers[0]!)).feedbackToGive).toEqual([]);

    await decideNomination(manager, first.requestId, "approve", null);
    await decideNomination(manager, second.requestId, "approve", null);
    expect((await feedbackTodoFacts(manager)).nominationsToDecide).toEqual([]);
    expect((await feedbackTodoFacts(peers[0]!)).feedbackToGive).toMatchObject([
      { requestId: first.requestId, subjectName: "Lena Engineer", channel: "peer" },
    ]);
    expect((await todoFor({ id: peers[0]!.id, isAdmin: false })).map((item) => item.key)).toContain(
      `feedback-answer:${first.requestId}`,
    );

    await setPersonActive(admin.id, peers[0]!.id, false);
    expect((await feedbackTodoFacts(manager)).reviewersToReplace).toMatchObject([
      { person: { id: engineer.id }, reviewerName: "Omar Peer" },
    ]);
    // The engineer nominates, so they are asked to choose again; the manager is told why.
    expect(
      (await feedbackTodoFacts(engineer)).peersToNominate?.find(
        (entry) => entry.person.id === engineer.id,
      ),
    ).toMatchObject({ live: 1 });
  });

  test("ask nobody to choose peers in a cycle closed before its due day, while its feedback is read", async () => {
    const manager = await createPerson({ name: "Rui Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Ines Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const peer = await createPerson({ name: "Tao Peer", track: "ic", level: "ic2" });
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Closed early",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [engineer, peer].map((person) => ({ userId: person.id })) },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2099-06-30", minPeers: 2, maxPeers: 3 }),
    );
    const nominated = await nominatePeer(engineer, cycle.id, engineer.id, peer.id);
    if (!nominated.ok) throw new Error("nomination refused");
    await decideNomination(manager, nominated.requestId, "approve", null);
    // Answered, then the cycle closed long before its due day: the answers are released with it.
    await db.feedbackRequest.update({
      where: { id: nominated.requestId },
      data: { state: "submitted", submittedAt: new Date() },
    });
    await db.reviewCycle.update({ where: { id: cycle.id }, data: { closedAt: new Date() } });

    expect((await feedbackTodoFacts(engineer)).peersToNominate).toEqual([]);
  });

  test("ask nobody before the cycle's first day, as the self-assessment waits for it, and name everyone asked when it comes", async () => {
    const manager = await createPerson({ name: "Noa Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Ivo Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    // A report outside the cycle is asked upward about their manager all the same.
    const report = await createPerson({
      name: "Uma Report",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const firstDay = new Date("2031-03-03T00:00:00Z");
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring 2031",
        startsOn: firstDay,
        endsOn: new Date("2031-04-30"),
        participants: { create: [manager, engineer].map((person) => ({ userId: person.id })) },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({ peer: true, upward: true, dueOn: "2031-04-15" }),
    );
    const kinds = async (person: { id: string }, at: Date) =>
      (await todoFor({ id: person.id, isAdmin: false }, at))
        .filter((item) => item.key.includes(cycle.id) || item.kind === "feedback-answer")
        .map((item) => item.kind)
        .sort();

    // Six weeks ahead: the cycle is announced, nothing is owed in it, feedback no more than the self-assessment.
    const sixWeeksBefore = new Date(firstDay.getTime() - 42 * 24 * 60 * 60 * 1000);
    expect(await kinds(engineer, sixWeeksBefore)).toEqual([]);
    expect(await kinds(report, sixWeeksBefore)).toEqual([]);
    const early = await feedbackTodoFacts(engineer, sixWeeksBefore);
    expect([early.peersToNominate, early.feedbackToGive]).toEqual([[], []]);

    // From its first day, both at once.
    expect(await kinds(engineer, firstDay)).toEqual([
      "feedback-answer",
      "feedback-nominate",
      "self-assessment",
    ]);
    expect(await kinds(report, firstDay)).toEqual(["feedback-answer"]);

    // The reminders' pass names everyone the first day gave something to, the report outside the cycle too.
    const named = await feedbackTodoChanges({
      writtenSince: new Date("2100-01-01T00:00:00Z"),
      from: new Date(firstDay.getTime() - 1000),
      to: firstDay,
    });
    expect(named.people).toEqual(expect.arrayContaining([engineer.id, manager.id, report.id]));
  });
});
