import { describe, expect, test } from "vitest";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as exportRoute from "~/routes/admin.cycles.$cycleId.export";
import { db } from "~/db/client.server";
import { declineRequest, nominatePeer, withdrawRequest } from "~/modules/feedback/feedback.server";
import { createPerson } from "../../utils/factories";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/** The cycle's CSV export carries each person's feedback as counts: never an answer's text, never a reviewer's name. */

const settingsFields = {
  intent: "feedback-settings",
  peer: "on",
  upward: "on",
  minPeers: "1",
  maxPeers: "6",
  reviewCap: "5",
  dueOn: "2099-06-30",
  nominator: "manager",
  competencies: "level",
  answerKind: "rating",
  namesShown: "never",
};

async function exported(adminId: string, cycleId: string) {
  const response = await exportRoute.loader(
    routeArgs(await signedInRequest(`/admin/cycles/${cycleId}/export`, adminId), { cycleId }),
  );
  const text = (await response.text()).replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  /** The feedback columns of each of the person's rows (the four before the track's and level's ids: numbers or blanks). */
  const countsOf = (email: string) => [
    ...new Set(
      lines
        .filter((line) => line.includes(email))
        .map((line) => line.split(",").slice(-6, -2).join(",")),
    ),
  ];
  return { text, header: lines[0]!, countsOf };
}

async function submit(requestId: string, example: string) {
  const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } });
  const competencyId = (JSON.parse(request.competencyIds) as string[])[0]!;
  await db.feedbackAnswer.create({ data: { requestId, competencyId, rating: 3, example } });
  await db.feedbackRequest.update({
    where: { id: requestId },
    data: { state: "submitted", submittedAt: new Date() },
  });
}

describe("the cycle's CSV export", () => {
  test("counts peers asked, answered and declined, and upward answers only once the aggregate may be shown", async () => {
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const reports = await Promise.all(
      ["Lena", "Omar", "Priya", "Quinn"].map((name) =>
        createPerson({ name: `${name} Report`, track: "ic", level: "ic2", managerId: manager.id }),
      ),
    );
    const lena = reports[0]!;
    const peers = await Promise.all(
      ["Xavier", "Yusuf", "Zara", "Wendy", "Vera"].map((name) =>
        createPerson({ name: `${name} Colleague`, track: "ic", level: "ic2" }),
      ),
    );
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Export ${manager.id}`,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [manager, ...reports].map((person) => ({ userId: person.id })) },
      },
    });
    expect((await exported(admin.id, cycle.id)).countsOf(lena.email)).toEqual([",,,"]);
    const saved = await cycleRoute.action(
      routeArgs(await signedInPost(`/admin/cycles/${cycle.id}`, admin.id, settingsFields), {
        cycleId: cycle.id,
      }),
    );
    expect(statusOf(saved)).toBe(302);

    // Lena's manager asks five colleagues: one answers, one declines, one has yet to answer, one is withdrawn, one the manager took back as declined.
    const asked: string[] = [];
    for (const peer of peers) {
      const result = await nominatePeer(manager, cycle.id, lena.id, peer.id);
      if (!result.ok) throw new Error(result.message.key);
      asked.push(result.requestId);
    }
    await submit(asked[0]!, "In the March incident Lena wrote the timeline everyone used.");
    expect(
      await declineRequest(peers[1]!, asked[1]!, "We have not worked together this year."),
    ).toEqual({ ok: true });
    await withdrawRequest(manager, asked[3]!);
    await db.feedbackRequest.update({
      where: { id: asked[4]! },
      data: { state: "declined", declineReason: "Asked by mistake.", declinedById: manager.id },
    });

    // Three of Sam's four reports answer about him: below the floor of four, the upward count stays blank.
    const upward = await db.feedbackRequest.findMany({
      where: { cycleId: cycle.id, channel: "upward", subjectId: manager.id },
      orderBy: { id: "asc" },
    });
    expect(upward).toHaveLength(4);
    for (const request of upward.slice(0, 3))
      await submit(request.id, "Sam moved our planning to Tuesdays so that on-call could join.");
    let file = await exported(admin.id, cycle.id);
    expect(
      file.header.endsWith(
        ",manager submitted on,peers asked,peers answered,peers declined,upward answers,track id,level id",
      ),
    ).toBe(true);
    expect(file.countsOf(lena.email)).toEqual(["3,1,1,"]);
    expect(file.countsOf(manager.email)).toEqual(["0,0,0,"]);

    // The fourth answer releases the aggregate: four reports answered.
    await submit(upward[3]!.id, "Sam moved our planning to Tuesdays so that on-call could join.");
    file = await exported(admin.id, cycle.id);
    expect(file.countsOf(manager.email)).toEqual(["0,0,0,4"]);
    expect(file.countsOf(lena.email)).toEqual(["3,1,1,"]);
    // Never what anyone wrote or declined with, and never who was asked.
    expect(file.text).not.toMatch(/March incident|Tuesdays|worked together|by mistake/);
    for (const peer of peers) expect(file.text).not.toContain(peer.name);

    // A calibration session that raised Omar's floor to five keeps the aggregate of four hidden here too.
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: cycle.id,
        facilitatorId: admin.id,
        state: "live",
        ladderId: "engineering",
        ladderVersionId: upward[0]!.ladderVersionId,
        groupFloor: 5,
      },
    });
    await db.calibrationEntry.create({
      data: { sessionId: session.id, personId: reports[1]!.id, managerId: manager.id },
    });
    expect((await exported(admin.id, cycle.id)).countsOf(manager.email)).toEqual(["0,0,0,"]);
  });
});
