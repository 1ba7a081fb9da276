import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { weightsPreview } from "~/modules/mentorship/matching.server";
import { createProgramme } from "~/modules/mentorship/programmes.server";
import { setPersonActive } from "~/modules/people/service.server";
import {
  action as matchingAction,
  loader as matchingLoader,
} from "~/routes/mentorship.$programmeId.matching";
import {
  action as pairAction,
  loader as pairLoader,
} from "~/routes/mentorship.$programmeId.pairs.$pairId";
import * as pairRoute from "~/routes/mentorship.$programmeId.pairs.$pairId";
import { loader as programmeLoader } from "~/routes/mentorship.$programmeId._index";
import { action as settingsAction } from "~/routes/mentorship.$programmeId.settings";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as historyLoader } from "~/routes/people.$personId.history";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { call, joinAs, parsedFields, programmeFields, setUp, submittedReview } from "./helpers";
import { inEnglishWords } from "../../utils/english";

type MatchingView = Awaited<ReturnType<typeof matchingLoader>>;
type PairView = Awaited<ReturnType<typeof pairLoader>>;

/**
 * Lena (ic2, goals testing and system design) and Omar (ic1, goal testing) report to Sam; Ines
 * (ic6) is at the top of her track. Mentors: Ravi (ic4, testing, one mentee), Nora (ic5, system
 * design, two), Kai (ic4, security, one) and Sam (their manager).
 */
async function programmeWithOptIns() {
  const org = await setUp();
  const ines = await createPerson({
    name: "Ines Principal",
    track: "ic",
    level: "ic6",
    teamId: org.teams.search.id,
  });
  const kai = await createPerson({
    name: "Kai Senior",
    track: "ic",
    level: "ic4",
    teamId: org.teams.search.id,
  });
  const { programmeId } = org;
  await joinAs(org.lena, programmeId, "mentee", ["testing", "system-design"]);
  await joinAs(org.omar, programmeId, "mentee", ["testing"]);
  await joinAs(ines, programmeId, "mentee", ["technical-direction"]);
  await joinAs(org.ravi, programmeId, "mentor", ["testing"], { capacity: 1 });
  await joinAs(org.nora, programmeId, "mentor", ["system-design"], { capacity: 2 });
  await joinAs(kai, programmeId, "mentor", ["security"], { capacity: 1 });
  await joinAs(org.sam, programmeId, "mentor", ["testing", "system-design"], { capacity: 2 });
  return { ...org, ines, kai };
}

describe("matching, review and the life of a pair", () => {
  test("the admin reviews proposed pairs 25 a page, by mentee name", async () => {
    const { admin, programmeId, ravi } = await programmeWithOptIns();
    const mentees = [];
    for (let index = 0; index < 27; index++)
      mentees.push(
        await createPerson({
          name: `Paged Mentee ${String(index).padStart(2, "0")}`,
          track: "ic",
          level: "ic2",
        }),
      );
    await db.mentorshipPair.createMany({
      data: mentees.map((mentee) => ({
        programmeId,
        menteeId: mentee.id,
        mentorId: ravi.id,
        status: "proposed",
        source: "proposed",
        fit: 1,
        factors: "[]",
      })),
    });
    const view = async (query = "") =>
      bodyOf<MatchingView>(
        await matchingLoader(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/matching${query}`, admin.id),
            { programmeId },
          ),
        ),
      );
    const first = await view();
    expect(first.pagination).toEqual({ page: 1, pages: 2, total: 27 });
    expect(first.pairs.map((pair) => pair.menteeName)).toEqual(
      mentees.slice(0, 25).map((mentee) => mentee.name),
    );
    expect((await view("?page=2")).pairs.map((pair) => pair.menteeName)).toEqual([
      "Paged Mentee 25",
      "Paged Mentee 26",
    ]);
  });

  test("the matching page follows every change it is read from, written as another app server would write it", async () => {
    const { admin, programmeId, lena, omar, ravi, nora } = await programmeWithOptIns();
    const view = async (query = "") =>
      bodyOf<MatchingView>(
        await matchingLoader(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/matching${query}`, admin.id),
            { programmeId },
          ),
        ),
      );
    const { id: pairId } = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        status: "proposed",
        source: "proposed",
        fit: 2,
        factors: "[]",
      },
      select: { id: true },
    });
    const first = await view();
    expect(first.pairs.map((pair) => [pair.menteeName, pair.fit])).toEqual([["Lena Engineer", 2]]);
    expect(first.lastRun).toBeNull();
    expect(await view()).toEqual(first);

    // A name, a pair's fit and another proposed pair.
    await db.user.update({ where: { id: lena.id }, data: { name: "Lena Renamed" } });
    expect((await view()).pairs.map((pair) => pair.menteeName)).toEqual(["Lena Renamed"]);
    await db.mentorshipPair.update({ where: { id: pairId }, data: { fit: 3.5 } });
    expect((await view()).pairs.map((pair) => pair.fit)).toEqual([3.5]);
    await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: omar.id,
        mentorId: nora.id,
        status: "proposed",
        source: "proposed",
        fit: 1,
        factors: "[]",
      },
    });
    expect((await view()).byStatus.proposed).toBe(2);
    // Two pins, one of them made a forbid, the older one removed, then the other.
    const older = {
      programmeId_menteeId_mentorId: { programmeId, menteeId: lena.id, mentorId: ravi.id },
    };
    const key = {
      programmeId_menteeId_mentorId: { programmeId, menteeId: omar.id, mentorId: nora.id },
    };
    await db.mentorshipPairRule.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        kind: "pin",
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    await db.mentorshipPairRule.create({
      data: { programmeId, menteeId: omar.id, mentorId: nora.id, kind: "pin" },
    });
    expect((await view()).rules.map((rule) => rule.kind)).toEqual(["pin", "pin"]);
    await db.mentorshipPairRule.update({
      where: key,
      data: { kind: "forbid", createdAt: new Date(Date.now() + 1000) },
    });
    expect((await view()).rules.map((rule) => rule.kind)).toEqual(["pin", "forbid"]);
    await db.mentorshipPairRule.delete({ where: older });
    expect((await view()).rules.map((rule) => rule.kind)).toEqual(["forbid"]);
    await db.mentorshipPairRule.delete({ where: key });
    expect((await view()).rules).toEqual([]);
    // A run, then an opt-in changed and another withdrawn after it.
    await db.mentorshipRun.create({
      data: {
        programmeId,
        kind: "initial",
        objective: "most-fit",
        fairness: false,
        summary: JSON.stringify({
          paired: 2,
          mentees: 3,
          unpaired: 1,
          slots: 6,
          totalFit: 5.5,
          averageFit: 2.75,
          lowestFit: 2,
          pinned: 0,
          accepted: 0,
          requested: 0,
          fairnessThreshold: null,
          leftOut: [],
          settings: "",
          participants: 7,
          rules: 0,
        }),
      },
    });
    const afterRun = await view();
    expect(afterRun.lastRun).toMatchObject({ objective: "most-fit", summary: { paired: 2 } });
    await db.mentorshipParticipant.updateMany({
      where: { programmeId, userId: nora.id, role: "mentor" },
      data: { capacity: 1, updatedAt: new Date(Date.now() + 2000) },
    });
    expect((await view()).lastRun!.changes).toContain("optIns");
    await db.mentorshipRequest.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: nora.id,
        rank: 1,
        state: "accepted",
        requestedAt: new Date(),
        answeredAt: new Date(Date.now() + 3000),
      },
    });
    expect((await view()).lastRun!.changes).toContain("requests");
    const mentees = afterRun.mentees;
    await db.mentorshipParticipant.deleteMany({
      where: { programmeId, userId: omar.id, role: "mentee" },
    });
    expect((await view()).mentees).toBe(mentees - 1);
    // A pair removed.
    await db.mentorshipPair.delete({ where: { id: pairId } });
    expect((await view()).pairs.map((pair) => pair.menteeName)).toEqual(["Omar Engineer"]);
  });

  test("the admin runs the matching, reviews pairs with their reasons and the unpaired with each rule's count, pins, reruns and publishes; pairs answer, a decline frees the slot and a rerun keeps accepted pairs", async () => {
    const { admin, lena, omar, ines, ravi, nora, kai, programmeId } = await programmeWithOptIns();
    const post = async (fields: Record<string, string>) =>
      call(async () =>
        matchingAction(
          routeArgs(await signedInPost(`/mentorship/${programmeId}/matching`, admin.id, fields), {
            programmeId,
          }),
        ),
      );
    const view = async (query = "") =>
      bodyOf<MatchingView>(
        await matchingLoader(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/matching${query}`, admin.id),
            { programmeId },
          ),
        ),
      );
    const pairsOf = (page: MatchingView) =>
      page.pairs.map((pair) => [pair.menteeName, pair.mentorName, pair.source]);

    expect(statusOf(await post({ intent: "run", objective: "most-matched" }))).toBe(302);
    let page = await view();
    expect(pairsOf(page)).toEqual([
      [lena.name, nora.name, "proposed"],
      [omar.name, ravi.name, "proposed"],
    ]);
    const omarRavi = page.pairs.find((pair) => pair.menteeName === omar.name)!;
    expect(omarRavi.fit).toBe(5);
    expect(omarRavi.factors.map((factor) => inEnglishWords(factor.text))).toEqual([
      "Covers 1 of 1 goal: Testing and verification (gap 1)",
      "Different team: cross-team exposure",
      "Mentor is 2 bands above the mentee's target level (preferred)",
    ]);
    expect(page.lastRun?.summary).toMatchObject({
      paired: 2,
      unpaired: 1,
      mentees: 3,
      mentors: 4,
      slots: 6,
    });
    const [inesRow] = page.lastRun!.unpaired.rows;
    expect({ ...inesRow, reason: inEnglishWords(inesRow!.reason) }).toMatchObject({
      name: ines.name,
      eligibleMentors: 0,
      reason:
        "No mentor passes every hard rule (mentors excluded by level below the mentee's target 4)",
    });
    expect(
      Object.fromEntries(inesRow!.excludedBy.map(({ rule, count }) => [rule, count])),
    ).toMatchObject({ level: 4, "management-chain": 0, self: 0 });
    expect(page.lastRun?.changes).toEqual([]);

    // Pin Lena with Ravi: Omar goes to Kai (another team, level fits) rather than Nora.
    expect(statusOf(await post({ intent: "pin", menteeId: lena.id, mentorId: ravi.id }))).toBe(302);
    expect((await view()).lastRun?.changes).toEqual(["rules"]);
    expect(statusOf(await post({ intent: "run", objective: "most-matched" }))).toBe(302);
    page = await view();
    expect(pairsOf(page)).toEqual([
      [lena.name, ravi.name, "pinned"],
      [omar.name, kai.name, "proposed"],
    ]);
    expect(page.rules).toMatchObject([
      { kind: "pin", menteeName: lena.name, mentorName: ravi.name },
    ]);

    // Proposals are the admins' until published.
    const lenasPair = page.pairs.find((pair) => pair.menteeName === lena.name)!.id;
    const pairPage = async (personId: string, pairId = lenasPair) =>
      call(async () =>
        pairLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/pairs/${pairId}`, personId), {
            programmeId,
            pairId,
          }),
        ),
      );
    expect(statusOf(await pairPage(lena.id))).toBe(404);
    expect(statusOf(await pairPage(admin.id))).toBe(200);

    expect(statusOf(await post({ intent: "publish" }))).toBe(302);
    expect(
      (await db.mentorshipProgramme.findUniqueOrThrow({ where: { id: programmeId } })).publishedAt,
    ).not.toBeNull();
    expect(
      bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(
        await programmeLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}`, lena.id), { programmeId }),
        ),
      ).pairs,
    ).toMatchObject([{ id: lenasPair, role: "mentee", otherName: ravi.name, status: "offered" }]);
    expect(statusOf(await post({ intent: "publish" }))).toBe(400);

    const answer = async (personId: string, pairId: string, fields: Record<string, string>) =>
      call(async () =>
        pairAction(
          routeArgs(
            await signedInPost(`/mentorship/${programmeId}/pairs/${pairId}`, personId, fields),
            { programmeId, pairId },
          ),
        ),
      );
    // Each side reads where the pair stands now, not what their own answer was.
    const standing = async (personId: string, pairId: string) =>
      bodyOf<PairView>(
        await pairLoader(
          routeArgs(
            await signedInRequest(
              `/mentorship/${programmeId}/pairs/${pairId}?done=accept`,
              personId,
            ),
            { programmeId, pairId },
          ),
        ),
      ).standing;
    expect(statusOf(await answer(lena.id, lenasPair, { intent: "accept" }))).toBe(302);
    expect(await standing(lena.id, lenasPair)).toEqual({
      key: "mentorship:pair.standing.youAccepted",
      values: { name: ravi.name },
    });
    expect(await standing(ravi.id, lenasPair)).toEqual({
      key: "mentorship:pair.standing.theyAccepted",
      values: { name: lena.name },
    });
    expect(statusOf(await answer(lena.id, lenasPair, { intent: "accept" }))).toBe(400);
    expect(statusOf(await answer(ravi.id, lenasPair, { intent: "accept" }))).toBe(302);
    expect(await db.mentorshipPair.findUniqueOrThrow({ where: { id: lenasPair } })).toMatchObject({
      status: "active",
      menteeAnswer: "accepted",
      mentorAnswer: "accepted",
    });
    expect(await standing(lena.id, lenasPair)).toEqual({
      key: "mentorship:pair.standing.active",
      values: { name: ravi.name },
    });
    expect(await standing(ravi.id, lenasPair)).toEqual({
      key: "mentorship:pair.standing.active",
      values: { name: lena.name },
    });
    expect(await standing(admin.id, lenasPair)).toBeNull();
    const omarsPair = (
      await db.mentorshipPair.findFirstOrThrow({ where: { programmeId, menteeId: omar.id } })
    ).id;
    // Someone outside the pair cannot answer it.
    expect(statusOf(await answer(nora.id, omarsPair, { intent: "accept" }))).toBe(404);
    expect(
      statusOf(await answer(omar.id, omarsPair, { intent: "decline", reason: "x".repeat(501) })),
    ).toBe(400);
    expect(
      statusOf(
        await answer(omar.id, omarsPair, {
          intent: "decline",
          reason: "I would rather learn testing",
        }),
      ),
    ).toBe(302);
    // The reason is Omar's and the admins', not Kai's.
    expect(bodyOf<PairView>(await pairPage(omar.id, omarsPair)).pair).toMatchObject({
      status: "declined",
      declinedBy: "mentee",
      declineReason: "I would rather learn testing",
    });
    expect(bodyOf<PairView>(await pairPage(kai.id, omarsPair)).pair).toMatchObject({
      status: "declined",
      declinedBy: "mentee",
      declineReason: null,
    });
    expect(statusOf(await answer(kai.id, omarsPair, { intent: "accept" }))).toBe(400);

    // The rerun keeps Lena and Ravi, does not offer Kai again, and finds Omar a mentor with a slot.
    expect((await view()).lastRun?.changes).toEqual(["declined"]);
    expect(statusOf(await post({ intent: "run", objective: "most-matched" }))).toBe(302);
    page = await view();
    expect(page.lastRun).toMatchObject({ kind: "rerun", summary: { accepted: 1, proposed: 1 } });
    expect(pairsOf(page)).toEqual([[omar.name, nora.name, "proposed"]]);
    expect(page.byStatus).toMatchObject({ proposed: 1, active: 1, declined: 1 });
    expect(statusOf(await post({ intent: "publish" }))).toBe(302);
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, status: "offered", menteeId: omar.id, mentorId: nora.id },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { subjectId: programmeId, action: { startsWith: "mentorship." } },
      }),
    ).toBe(7);

    // Ravi leaves: a rerun offers Lena someone new, and publishing it ends her pair with him.
    await setPersonActive(admin.id, ravi.id, false);
    expect(statusOf(await post({ intent: "run", objective: "most-matched" }))).toBe(302);
    page = await view();
    expect(page.pairs.map((pair) => [pair.menteeName, pair.source])).toEqual([
      [lena.name, "proposed"],
    ]);
    expect(statusOf(await post({ intent: "publish" }))).toBe(302);
    expect(await db.mentorshipPair.findUniqueOrThrow({ where: { id: lenasPair } })).toMatchObject({
      status: "ended",
      outcome: "ended-early",
    });
    expect(
      await db.mentorshipPair.count({
        where: { programmeId, menteeId: lena.id, status: { in: ["offered", "active"] } },
      }),
    ).toBe(1);
    // He comes back: Lena keeps her new pair, one a mentee, and the rerun still runs.
    await setPersonActive(admin.id, ravi.id, true);
    expect(statusOf(await post({ intent: "run", objective: "most-matched" }))).toBe(302);
    page = await view();
    expect(page.lastRun).toMatchObject({ kind: "rerun", summary: { accepted: 2, proposed: 0 } });
    expect(await db.mentorshipPair.count({ where: { programmeId, status: "proposed" } })).toBe(0);
  });

  test("pins and forbids by email are checked; matching is the admins' (403 for participants, 404 for others)", async () => {
    const { admin, lena, ravi, sasha, programmeId } = await programmeWithOptIns();
    const post = async (personId: string, fields: Record<string, string>) =>
      call(async () =>
        matchingAction(
          routeArgs(await signedInPost(`/mentorship/${programmeId}/matching`, personId, fields), {
            programmeId,
          }),
        ),
      );
    const unknown = await post(admin.id, {
      intent: "rule",
      kind: "forbid",
      menteeEmail: "nobody@example.com",
      mentorEmail: ravi.email,
    });
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf<{ reply: { error: Record<string, string[]> } }>(unknown).reply.error).toEqual({
      menteeEmail: ["mentorship:matching.errors.noSuchEmail"],
    });
    const wrongRole = await post(admin.id, {
      intent: "rule",
      kind: "forbid",
      menteeEmail: ravi.email,
      mentorEmail: lena.email,
    });
    expect(bodyOf<{ reply: { error: Record<string, string[]> } }>(wrongRole).reply.error).toEqual({
      menteeEmail: ["mentorship:matching.errors.notMentee"],
      mentorEmail: ["mentorship:matching.errors.notMentor"],
    });
    expect(await db.mentorshipPairRule.count({ where: { programmeId } })).toBe(0);
    expect(
      statusOf(
        await post(admin.id, {
          intent: "rule",
          kind: "forbid",
          menteeEmail: lena.email.toUpperCase(),
          mentorEmail: ravi.email,
        }),
      ),
    ).toBe(302);
    expect(
      await db.mentorshipPairRule.findMany({
        where: { programmeId },
        select: { kind: true, menteeId: true },
      }),
    ).toEqual([{ kind: "forbid", menteeId: lena.id }]);
    expect(
      statusOf(await post(admin.id, { intent: "unrule", menteeId: lena.id, mentorId: ravi.id })),
    ).toBe(302);
    expect(
      statusOf(await post(admin.id, { intent: "unrule", menteeId: lena.id, mentorId: ravi.id })),
    ).toBe(404);
    expect(statusOf(await post(admin.id, { intent: "publish" }))).toBe(400);
    expect(statusOf(await post(admin.id, { intent: "explode" }))).toBe(400);

    expect(statusOf(await post(lena.id, { intent: "run", objective: "most-fit" }))).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          matchingLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}/matching`, lena.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(403);
    expect(statusOf(await post(sasha.id, { intent: "run", objective: "most-fit" }))).toBe(404);
    expect(await db.mentorshipRun.count({ where: { programmeId } })).toBe(0);
  });

  test("an offered pair is answered once by each side, and only while it is offered; admins answer none, but read why it was declined, which the other side does not", async () => {
    const { admin, lena, omar, ravi, nora, programmeId } = await programmeWithOptIns();
    const offered = (menteeId: string, mentorId: string) =>
      db.mentorshipPair.create({
        data: {
          programmeId,
          menteeId,
          mentorId,
          status: "offered",
          source: "proposed",
          fit: 2,
          factors: "[]",
          offeredAt: new Date(),
        },
        select: { id: true },
      });
    const [first, second] = [await offered(lena.id, ravi.id), await offered(omar.id, nora.id)];
    const page = async (personId: string, pairId: string) =>
      bodyOf<PairView>(
        await pairLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/pairs/${pairId}`, personId), {
            programmeId,
            pairId,
          }),
        ),
      );
    const answer = async (
      personId: string,
      pairId: string,
      intent: "accept" | "decline",
      reason = "",
    ) =>
      call(async () =>
        pairAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/pairs/${pairId}`, personId, {
              method: "POST",
              body: new URLSearchParams({ intent, reason }),
            }),
            { programmeId, pairId },
          ),
        ),
      );

    expect((await page(admin.id, first.id)).can.answer).toBe(false);
    // Offered, not yet active: answered, but no check-in and no outcome yet.
    expect((await page(lena.id, first.id)).can).toEqual({
      answer: true,
      checkIn: false,
      outcome: false,
    });
    expect(statusOf(await answer(lena.id, first.id, "accept"))).toBe(302);
    // Lena has answered; Ravi has not.
    expect([
      (await page(lena.id, first.id)).can.answer,
      (await page(ravi.id, first.id)).can.answer,
    ]).toEqual([false, true]);
    const again = await answer(lena.id, first.id, "accept");
    expect([statusOf(again), bodyOf<{ error: string }>(again).error]).toEqual([
      400,
      "You have already answered.",
    ]);
    expect(statusOf(await answer(ravi.id, first.id, "decline", "No room this term"))).toBe(302);
    const reasonFor = async (personId: string) =>
      (await page(personId, first.id)).pair.declineReason;
    expect([await reasonFor(admin.id), await reasonFor(ravi.id), await reasonFor(lena.id)]).toEqual(
      ["No room this term", "No room this term", null],
    );
    expect((await page(lena.id, first.id)).pair.declinedBy).toBe("mentor");

    // Nora declines before Omar answers: the pair no longer waits for his answer.
    expect(statusOf(await answer(nora.id, second.id, "decline"))).toBe(302);
    expect((await page(omar.id, second.id)).can.answer).toBe(false);
    const late = await answer(omar.id, second.id, "accept");
    expect([statusOf(late), bodyOf<{ error: string }>(late).error]).toEqual([
      400,
      "This pair is not waiting for an answer.",
    ]);
    expect(
      await db.mentorshipPair.findUniqueOrThrow({
        where: { id: second.id },
        select: { status: true, menteeAnswer: true },
      }),
    ).toEqual({ status: "declined", menteeAnswer: null });
  });

  test("a pulse is answered by the pair's two people only: an admin, who reads the pair, answers none", async () => {
    const { admin, lena, ravi, programmeId } = await programmeWithOptIns();
    const { id: pairId } = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        status: "active",
        source: "proposed",
        fit: 2,
        factors: "[]",
        menteeAnswer: "accepted",
        mentorAnswer: "accepted",
        activeSince: new Date(Date.now() - 35 * 86_400_000),
      },
      select: { id: true },
    });
    const pulse = async (personId: string) =>
      call(async () =>
        pairAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/pairs/${pairId}`, personId, {
              method: "POST",
              body: new URLSearchParams({
                intent: "pulse",
                checkpoint: "30",
                usefulness: "4",
                comfort: "5",
              }),
            }),
            { programmeId, pairId },
          ),
        ),
      );
    const refused = await pulse(admin.id);
    expect([statusOf(refused), bodyOf<{ error: string }>(refused).error]).toEqual([
      400,
      "That pulse is not open for you to answer.",
    ]);
    // The 30-day pulse is open: Lena answers it.
    expect(statusOf(await pulse(lena.id))).toBe(302);
    expect(
      await db.mentorshipPulse.findMany({ where: { pairId }, select: { respondentId: true } }),
    ).toEqual([{ respondentId: lena.id }]);
  });

  test("a pair's page, route by route: goals, notes and pulses are the pair's and the admins'; the mentor sees no figure from the mentee's reviews; a check-in reaches admins only when shared", async () => {
    const { admin, sam, lena, ravi, nora, programmeId } = await programmeWithOptIns();
    // Lena has assessed herself, so she reads her manager's reviews, and the figures drawn from them are hers to see.
    await submittedReview(
      lena.id,
      lena.id,
      "self",
      "ic2",
      { testing: 2 },
      new Date(Date.now() - 41 * 86_400_000),
    );
    await submittedReview(
      lena.id,
      sam.id,
      "manager",
      "ic2",
      { testing: 2, "system-design": 2 },
      new Date(Date.now() - 40 * 86_400_000),
    );
    await db.mentorshipPairRule.create({
      data: { programmeId, menteeId: lena.id, mentorId: ravi.id, kind: "pin" },
    });
    const run = async () =>
      matchingAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/matching`, admin.id, {
            intent: "run",
            objective: "most-matched",
          }),
          { programmeId },
        ),
      );
    await call(run);
    await call(async () =>
      matchingAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/matching`, admin.id, {
            intent: "publish",
          }),
          { programmeId },
        ),
      ),
    );
    const pair = await db.mentorshipPair.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
    });
    const pairId = pair.id;
    const get = async (personId: string, id = pairId, programme = programmeId) =>
      call(async () =>
        pairLoader(
          routeArgs(await signedInRequest(`/mentorship/${programme}/pairs/${id}`, personId), {
            programmeId: programme,
            pairId: id,
          }),
        ),
      );
    const post = async (
      personId: string,
      fields: Record<string, string>,
      extra: [string, string][] = [],
    ) => {
      const body = new URLSearchParams(fields);
      for (const [name, value] of extra) body.append(name, value);
      return call(async () =>
        pairAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/pairs/${pairId}`, personId, {
              method: "POST",
              body,
            }),
            { programmeId, pairId },
          ),
        ),
      );
    };

    // Nobody else: not Lena's manager, not another mentor, not through another programme's address.
    const other = await createProgramme(
      { ...admin, isHiringAdmin: false },
      parsedFields(programmeFields({ name: "Other" })),
    );
    if (!other.ok) throw new Error("no programme");
    for (const [personId, programme] of [
      [sam.id, programmeId],
      [nora.id, programmeId],
      [lena.id, other.programmeId],
      [admin.id, other.programmeId],
    ] as const) {
      expect(statusOf(await get(personId, pairId, programme))).toBe(404);
    }
    expect(
      statusOf(
        await post(sam.id, {
          intent: "check-in",
          occurredOn: new Date().toISOString().slice(0, 10),
          note: "x",
        }),
      ),
    ).toBe(404);
    expect(statusOf(await get(lena.id, "nope"))).toBe(404);

    // Check-ins wait until both accept.
    expect(
      statusOf(
        await post(lena.id, {
          intent: "check-in",
          occurredOn: new Date().toISOString().slice(0, 10),
        }),
      ),
    ).toBe(400);
    await post(lena.id, { intent: "accept" });
    await post(ravi.id, { intent: "accept" });
    // Today once the pair has begun: taken before, it would be the day before the pair began should midnight pass in between.
    const today = new Date().toISOString().slice(0, 10);
    expect(statusOf(await post(lena.id, { intent: "check-in", occurredOn: "2999-01-01" }))).toBe(
      400,
    );
    const notAGoal = await post(lena.id, { intent: "check-in", occurredOn: today, note: "Kept" }, [
      ["competencies", "security"],
    ]);
    expect(
      bodyOf<{ reply: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(
        notAGoal,
      ).reply,
    ).toMatchObject({
      error: { competencies: ["Choose among the mentee's goals."] },
      initialValue: { note: "Kept" },
    });
    // The page is sent as HTML (decision 144): the refusal comes back as a document, with the
    // error beside its field and the note as typed.
    const refusedPage = await renderPage(
      pairRoute as unknown as PageModule,
      "/mentorship/:programmeId/pairs/:pairId",
      `/mentorship/${programmeId}/pairs/${pairId}`,
      lena.id,
      new URLSearchParams([
        ["intent", "check-in"],
        ["occurredOn", today],
        ["note", "Kept"],
        ["competencies", "security"],
      ]),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain("Choose among the mentee&#x27;s goals.");
    expect(refusedPage.html).toMatch(/<textarea[^>]*name="note"[^>]*>Kept<\/textarea>/);
    expect(
      statusOf(
        await post(
          lena.id,
          { intent: "check-in", occurredOn: today, note: "Talked about test pyramids" },
          [["competencies", "testing"]],
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await post(ravi.id, {
          intent: "check-in",
          occurredOn: today,
          note: "Agreed a plan",
          shared: "on",
        }),
      ),
    ).toBe(302);

    // The pair began 40 days ago (moved back here), after Lena's first review; a second review came since.
    await db.mentorshipPair.update({
      where: { id: pairId },
      data: { activeSince: new Date(Date.now() - 35 * 86_400_000) },
    });
    await submittedReview(lena.id, sam.id, "manager", "ic2", { testing: 3, "system-design": 2 });
    expect(
      statusOf(
        await post(lena.id, { intent: "pulse", checkpoint: "90", usefulness: "4", comfort: "5" }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await post(lena.id, { intent: "pulse", checkpoint: "30", usefulness: "9", comfort: "5" }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await post(lena.id, { intent: "pulse", checkpoint: "30", usefulness: "4", comfort: "5" }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await post(lena.id, { intent: "pulse", checkpoint: "30", usefulness: "4", comfort: "5" }),
      ),
    ).toBe(400);

    const lenas = bodyOf<PairView>(await get(lena.id));
    expect(lenas).toMatchObject({ role: "mentee", figures: true, fit: 3.5, pulsesDue: [] });
    expect(inEnglishWords(lenas.factors[0]!.text)).toBe(
      "Covers 1 of 2 goals: Testing and verification (gap 2)",
    );
    expect(lenas.movement).toEqual([
      { name: "Testing and verification", before: "2 Developing", after: "3 Consistent" },
      { name: "System design and architecture", before: "2 Developing", after: "2 Developing" },
    ]);
    expect(lenas.checkIns.map((checkIn) => checkIn.note).sort()).toEqual([
      "Agreed a plan",
      "Talked about test pyramids",
    ]);
    // Without her own self-assessment in, her manager's reviews are not hers to read, nor is the movement drawn from them.
    await db.assessment.deleteMany({ where: { subjectId: lena.id, kind: "self" } });
    expect(bodyOf<PairView>(await get(lena.id)).movement).toEqual([
      { name: "Testing and verification", before: null, after: null },
      { name: "System design and architecture", before: null, after: null },
    ]);
    await submittedReview(
      lena.id,
      lena.id,
      "self",
      "ic2",
      { testing: 2 },
      new Date(Date.now() - 41 * 86_400_000),
    );
    expect(lenas.pulses).toEqual([{ checkpoint: 30, usefulness: 4, comfort: 5, by: "mentee" }]);

    const ravis = bodyOf<PairView>(await get(ravi.id));
    expect(ravis).toMatchObject({
      role: "mentor",
      figures: false,
      fit: null,
      movement: null,
      pulses: [],
    });
    expect(inEnglishWords(ravis.factors[0]!.text)).toBe(
      "Covers 1 of 2 goals: Testing and verification",
    );
    // Nothing drawn from Lena's reviews reaches her mentor, not even in the page's data.
    expect(ravis.factors.map((factor) => Object.keys(factor))).toEqual(
      ravis.factors.map(() => ["factor", "text"]),
    );
    expect(lenas.factors[0]).toMatchObject({
      figures: { raw: 0.5, weight: expect.any(Number), contribution: expect.any(Number) },
    });
    expect(JSON.stringify(ravis)).not.toContain("gap");
    expect(ravis.goals.map((goal) => goal.name)).toEqual([
      "Testing and verification",
      "System design and architecture",
    ]);
    expect(ravis.pulsesDue.map((pulse) => pulse.checkpoint)).toEqual([30]);
    expect(ravis.checkIns).toHaveLength(2);

    const admins = bodyOf<PairView>(await get(admin.id));
    expect(admins).toMatchObject({
      role: null,
      figures: true,
      hiddenCheckIns: 1,
      pulsesDue: [],
      can: { answer: false, checkIn: false, outcome: false },
    });
    expect(admins.checkIns.map((checkIn) => checkIn.note)).toEqual(["Agreed a plan"]);
    expect(admins.pulses).toHaveLength(1);
    expect(statusOf(await post(admin.id, { intent: "check-in", occurredOn: today }))).toBe(400);
    // Being Lena's mentor opens none of her reviews.
    for (const loader of [growthLoader, historyLoader]) {
      expect(
        statusOf(
          await call(async () =>
            loader(
              routeArgs(await signedInRequest(`/people/${lena.id}`, ravi.id), {
                personId: lena.id,
              }),
            ),
          ),
        ),
      ).toBe(404);
    }

    expect(statusOf(await post(ravi.id, { intent: "outcome", outcome: "mostly" }))).toBe(400);
    expect(
      statusOf(
        await post(ravi.id, {
          intent: "outcome",
          outcome: "goals-met",
          note: "Lena runs the test guild now",
        }),
      ),
    ).toBe(302);
    expect(await db.mentorshipPair.findUniqueOrThrow({ where: { id: pairId } })).toMatchObject({
      status: "ended",
      outcome: "goals-met",
      outcomeById: ravi.id,
    });
    expect(statusOf(await post(lena.id, { intent: "check-in", occurredOn: today }))).toBe(400);
    expect(statusOf(await post(lena.id, { intent: "outcome", outcome: "not-met" }))).toBe(400);
  });
});

describe("weights and objectives", () => {
  test("the settings preview shows what other weights would change and saves nothing; a run records its objective and fairness pass", async () => {
    const { admin, lena, programmeId } = await programmeWithOptIns();
    const settings = async (personId: string, fields: Record<string, string>) =>
      call(async () =>
        settingsAction(
          routeArgs(await signedInPost(`/mentorship/${programmeId}/settings`, personId, fields), {
            programmeId,
          }),
        ),
      );
    // With level alone, goals no longer count: the preview matches with both weightings and compares.
    const preview = bodyOf<{ preview: Awaited<ReturnType<typeof weightsPreview>> }>(
      await settings(admin.id, {
        intent: "preview",
        weightGoals: "0",
        weightCrossTeam: "0",
        weightLevel: "1",
      }),
    ).preview;
    expect(preview.before).toMatchObject({ paired: 2, totalFit: 8.5 });
    expect(preview.after).toMatchObject({ paired: 2, totalFit: 2 });
    expect(preview.added.rows.length + preview.kept).toBe(2);
    expect(preview.removed.total).toBe(preview.added.total);
    const refused = await settings(admin.id, {
      intent: "preview",
      weightGoals: "0",
      weightCrossTeam: "0",
      weightLevel: "0",
    });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe("At least one weight must be above 0.");
    expect(
      statusOf(
        await settings(lena.id, {
          intent: "preview",
          weightGoals: "1",
          weightCrossTeam: "1",
          weightLevel: "1",
        }),
      ),
    ).toBe(403);
    expect(
      await db.mentorshipProgramme.findUniqueOrThrow({
        where: { id: programmeId },
        select: { weightGoals: true, weightLevel: true },
      }),
    ).toEqual({ weightGoals: 3, weightLevel: 1 });

    await call(async () =>
      matchingAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/matching`, admin.id, {
            intent: "run",
            objective: "most-fit",
            fairness: "on",
          }),
          { programmeId },
        ),
      ),
    );
    const page = bodyOf<MatchingView>(
      await matchingLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/matching`, admin.id), {
          programmeId,
        }),
      ),
    );
    expect(page.lastRun).toMatchObject({
      objective: "most-fit",
      fairness: true,
      summary: { objective: "most-fit" },
    });
    expect(page.lastRun?.summary?.fairnessThreshold).not.toBeNull();
    expect(page.programme).toMatchObject({ objective: "most-fit", fairness: true });
  });
});
