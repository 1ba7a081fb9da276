import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  answerPage,
  decideNomination,
  nominatePeer,
  saveAnswerDraft,
  saveFeedbackSettings,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { feedbackWriting } from "~/modules/feedback/writing.server";
import { createPerson } from "../../utils/factories";

/** How the feedback about each person was written, for the fairness report: counts by the word check's rules and by colleague, submitted peer answers only. */
describe("how feedback was written", () => {
  test("counts each person's submitted answers with text, those with an example and those with a personality word", async () => {
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const peers = await Promise.all(
      ["Omar", "Priya", "Quinn"].map((name) =>
        createPerson({ name: `${name} Peer`, track: "ic", level: "ic2", managerId: manager.id }),
      ),
    );
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Spring ${engineer.id}`,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: {
          create: [manager, engineer, ...peers].map((person) => ({ userId: person.id })),
        },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({
        peer: true,
        upward: false,
        dueOn: "2099-06-30",
        minPeers: 1,
        maxPeers: 3,
        reviewCap: 3,
        competencies: "level",
      }),
    );
    const texts = [
      "When the checkout migration stalled in March she wrote the rollback plan and ran it.",
      "She can be abrasive, but in the April incident review she kept the timeline for us.",
      "Great to work with.",
    ];
    for (const [index, peer] of peers.entries()) {
      const nominated = await nominatePeer(engineer, cycle.id, engineer.id, peer.id);
      if (!nominated.ok) throw new Error(nominated.message.key);
      await decideNomination(manager, nominated.requestId, "approve", null);
      const page = await answerPage(peer, nominated.requestId);
      const [first, second] = page.competencies;
      const changes = [
        { field: `notes:${first!.id}`, value: texts[index]!, base: "" },
        { field: `notes:${second!.id}`, value: "", base: "" },
      ];
      expect(
        (
          await saveAnswerDraft(peer, nominated.requestId, {
            baseRevision: page.request.revision,
            changes,
          })
        ).status,
      ).toBe(200);
      // The third colleague leaves theirs a draft: not counted.
      if (index < 2)
        expect(await submitAnswer(peer, nominated.requestId, page.request.revision + 1)).toEqual({
          ok: true,
        });
    }
    const counts = await feedbackWriting(cycle.id, [engineer.id, manager.id]);
    // Per colleague, each a number and not an id: one answer each, both with an example, one with a personality word.
    expect([...counts.keys()]).toEqual([engineer.id]);
    const cells = counts.get(engineer.id)!;
    expect(cells.map((cell) => cell.colleague).sort()).toEqual([0, 1]);
    expect(
      cells
        .map(({ answers, withExample, flagged }) => ({ answers, withExample, flagged }))
        .sort((a, b) => a.flagged - b.flagged),
    ).toEqual([
      { answers: 1, withExample: 1, flagged: 0 },
      { answers: 1, withExample: 1, flagged: 1 },
    ]);
  });
});
