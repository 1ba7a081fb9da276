import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import {
  decideNomination,
  nominatePeer,
  saveFeedbackSettings,
} from "~/modules/feedback/feedback.server";
import { feedbackTodoFacts } from "~/modules/feedback/todo.server";
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
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2026-06-30", minPeers: 2, maxPeers: 3 }),
    );

    const mine = await feedbackTodoFacts(engineer);
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
});
