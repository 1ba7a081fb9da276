// Peer feedback reaches only who may read it, and anonymous answers cannot be matched to their
// authors: every answer carries a marker; each role reads every page, the navigation's data, the
// cycle's export and every email; the person, once their outcome is released, reads the answers
// without anything that ties one to the colleague who wrote it.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

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
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import * as rootRoute from "~/root";
import * as homeRoute from "~/routes/_index";
import * as teamRoute from "~/routes/team";
import * as personRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import * as answerRoute from "~/routes/feedback.$requestId";
import * as exportRoute from "~/routes/admin.cycles.$cycleId.export";
import * as profileRoute from "~/routes/people.$personId._index";
import * as auditRoute from "~/routes/admin.audit";
import { answerText, bodyOf, routeArgs, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";
import { startSmtpSink } from "../../utils/smtp-sink";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

type Loader = RouteFunction;
type Person = Awaited<ReturnType<typeof createPerson>>;

const read = async (
  loader: Loader,
  url: string,
  viewerId: string,
  params: Record<string, string> = {},
) => answerText(loader, await signedInRequest(url, viewerId), params);

const MARK = (who: string) => `MARK-${who}-5e07`;

/** A cycle with peer feedback (names never shown to the person), the person's three colleagues answering in the order given. */
async function cycleWithAnswers(tag: string, order: number[]) {
  const boss = await createPerson({ name: `Bea Boss ${tag}`, track: "manager", level: "m2" });
  const manager = await createPerson({
    name: `Sam Manager ${tag}`,
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  const engineer = await createPerson({
    name: `Lena Engineer ${tag}`,
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peers = await Promise.all(
    ["Omar", "Priya", "Quinn"].map((name) =>
      createPerson({
        name: `${name} Peer ${tag}`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
      }),
    ),
  );
  const outsider = await createPerson({ name: `Otto Outsider ${tag}`, track: "ic", level: "ic2" });
  const admin = await createPerson({ name: `Ada Admin ${tag}`, isAdmin: true });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${tag} ${engineer.id}`,
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
      minPeers: 3,
      maxPeers: 3,
      reviewCap: 3,
      competencies: "level",
    }),
  );
  const requests: string[] = [];
  for (const peer of peers) {
    const nominated = await nominatePeer(engineer, cycle.id, engineer.id, peer.id);
    if (!nominated.ok) throw new Error(nominated.message.key);
    await decideNomination(manager, nominated.requestId, "approve", null);
    requests.push(nominated.requestId);
  }
  const answer = async (index: number) => {
    const reviewer = peers[index]!;
    const page = await answerPage(reviewer, requests[index]!);
    const changes = page.competencies.map((competency) => ({
      field: `notes:${competency.id}`,
      value: `In the March release review ${MARK(`peer${index}`)} wrote the rollback plan for ${competency.id}.`,
      base: "",
    }));
    expect(
      (
        await saveAnswerDraft(reviewer, requests[index]!, {
          baseRevision: page.request.revision,
          changes,
        })
      ).status,
    ).toBe(200);
    expect(await submitAnswer(reviewer, requests[index]!, page.request.revision + 1)).toEqual({
      ok: true,
    });
  };
  for (const index of order) await answer(index);
  return { boss, manager, engineer, peers, outsider, admin, cycle, requests };
}

async function release(org: Awaited<ReturnType<typeof cycleWithAnswers>>) {
  const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: org.requests[0]! } });
  const session = await db.calibrationSession.create({
    data: {
      name: `Calibration ${org.cycle.id}`,
      cycleId: org.cycle.id,
      facilitatorId: org.boss.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: request.ladderVersionId,
      groupFloor: 4,
    },
  });
  await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: org.engineer.id,
      managerId: org.manager.id,
      released: true,
    },
  });
}

describe("peer feedback: the privacy sweep", () => {
  test("each role finds the answers only where it may read them: pages, the navigation's data, the cycle's export, the audit log and every email", async () => {
    const org = await cycleWithAnswers("sweep", [2, 0, 1]);
    const markers = [0, 1, 2].map((index) => MARK(`peer${index}`));
    const pages = async (viewer: Person) =>
      [
        await read(rootRoute.loader as Loader, "/", viewer.id),
        await read(homeRoute.loader as Loader, "/", viewer.id),
        await read(teamRoute.loader as Loader, "/team", viewer.id),
        await read(
          personRoute.loader as Loader,
          `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`,
          viewer.id,
          { cycleId: org.cycle.id, personId: org.engineer.id },
        ),
        ...(await Promise.all(
          org.requests.map((requestId) =>
            read(answerRoute.loader as Loader, `/feedback/${requestId}`, viewer.id, { requestId }),
          ),
        )),
        await read(profileRoute.loader as Loader, `/people/${org.engineer.id}`, viewer.id, {
          personId: org.engineer.id,
        }),
        await read(
          exportRoute.loader as Loader,
          `/admin/cycles/${org.cycle.id}/export`,
          viewer.id,
          { cycleId: org.cycle.id },
        ),
        await read(auditRoute.loader as Loader, "/admin/audit", viewer.id),
        ...sink.received
          .filter((message) => message.to.includes(viewer.email))
          .map((message) => message.raw),
      ].join("\n");
    const seen = async (viewer: Person) => {
      const text = await pages(viewer);
      return markers.filter((marker) => text.includes(marker)).length;
    };

    await runNotificationPass(sink.transport(), { now: () => new Date("2026-06-29T09:30:00Z") });

    // Before the person's outcome is released: the manager chain and admins read every answer; each
    // colleague reads their own; the person and anyone else read none.
    expect(await seen(org.engineer), "the person, before release").toBe(0);
    expect(await seen(org.manager), "the manager").toBe(3);
    expect(await seen(org.boss), "the manager's manager").toBe(3);
    expect(await seen(org.admin), "an admin").toBe(3);
    for (const [index, peer] of org.peers.entries()) {
      const text = await pages(peer);
      expect(
        markers.filter((marker) => text.includes(marker)),
        `colleague ${index}`,
      ).toEqual([MARK(`peer${index}`)]);
    }
    expect(await seen(org.outsider), "someone outside").toBe(0);

    // Released: the person reads all three, and nothing on what they read names who wrote which.
    await release(org);
    const forPerson = await pages(org.engineer);
    expect(markers.filter((marker) => forPerson.includes(marker))).toHaveLength(3);
    const view = bodyOf<{ peer: { release: unknown } | null }>(
      await personRoute.loader(
        routeArgs(
          await signedInRequest(
            `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`,
            org.engineer.id,
          ),
          { cycleId: org.cycle.id, personId: org.engineer.id },
        ),
      ),
    );
    const answers = JSON.stringify(view.peer?.release);
    expect(answers).toContain(MARK("peer0"));
    for (const peer of org.peers) {
      expect(answers).not.toContain(peer.id);
      expect(answers).not.toContain(peer.name);
    }
    for (const requestId of org.requests) expect(answers).not.toContain(requestId);
    expect(answers).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  test("the order the person reads answers in does not follow who answered first", async () => {
    // Five people, each with three colleagues answering in the order 0, 1, 2. Were answers shown in
    // the order they came, every person would read peer0, peer1, peer2 and know who wrote which
    // from the order the to-do list or the requests showed them.
    let inSubmissionOrder = 0;
    for (let round = 0; round < 5; round++) {
      const org = await cycleWithAnswers(`order${round}`, [0, 1, 2]);
      await release(org);
      const view = bodyOf<{ peer: { release: unknown } | null }>(
        await personRoute.loader(
          routeArgs(
            await signedInRequest(
              `/feedback/cycles/${org.cycle.id}/people/${org.engineer.id}`,
              org.engineer.id,
            ),
            { cycleId: org.cycle.id, personId: org.engineer.id },
          ),
        ),
      );
      const text = JSON.stringify(view.peer?.release);
      const positions = [0, 1, 2].map((index) => text.indexOf(MARK(`peer${index}`)));
      expect(positions.every((position) => position >= 0)).toBe(true);
      if (positions[0]! < positions[1]! && positions[1]! < positions[2]!) inSubmissionOrder += 1;
    }
    // By chance, one person in six reads them in that order; all five would be one chance in 7,776.
    expect(inSubmissionOrder).toBeLessThan(5);
  });
});
