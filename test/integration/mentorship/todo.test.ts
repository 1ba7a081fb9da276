import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { publishPairs, runMatching } from "~/modules/mentorship/matching.server";
import { answerPairAs, recordOutcome } from "~/modules/mentorship/pairs.server";
import { closeProgramme } from "~/modules/mentorship/programmes.server";
import { loader as homeLoader } from "~/routes/_index";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { joinAs, setUp } from "./helpers";
import { inEnglish } from "../../utils/todo-words";

async function mentorshipTodos(personId: string) {
  const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
    await homeLoader(routeArgs(await signedInRequest("/", personId))),
  );
  return home.todo
    .filter((item) => item.kind.startsWith("mentorship"))
    .map((item) => [item.kind, inEnglish(item).title]);
}

describe("mentorship on the home page", () => {
  test("join until the matching day; answer a published pair; then a check-in and, from 30 days, a pulse; admins match once the day has come", async () => {
    const { admin, lena, ravi, sasha, programmeId } = await setUp();
    expect(await mentorshipTodos(lena.id)).toEqual([
      ["mentorship-join", "Join Spring mentoring as a mentee or mentor"],
    ]);
    // One statement, whatever there is to do.
    expect(
      (await countStatements(() => mentorshipTodoFacts(admin, new Date()))).statements,
    ).toHaveLength(1);
    // Not for someone it is not open to; not for the admin before the matching day.
    expect(await mentorshipTodos(sasha.id)).toEqual([]);
    expect(await mentorshipTodos(admin.id)).toEqual([]);
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"]);
    expect(await mentorshipTodos(lena.id)).toEqual([]);

    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { matchingOn: new Date(Date.now() - 60_000) },
    });
    expect(await mentorshipTodos(admin.id)).toEqual([
      ["mentorship-match", "Match and publish Spring mentoring"],
    ]);

    const offeredAt = new Date(Date.now() - 2 * 86_400_000);
    const pair = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        status: "offered",
        source: "proposed",
        fit: 3,
        factors: "[]",
        offeredAt,
      },
    });
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { publishedAt: new Date() },
    });
    expect(await mentorshipTodos(admin.id)).toEqual([]);
    expect(await mentorshipTodos(lena.id)).toEqual([
      ["mentorship-answer", "Answer your pairing with Ravi Senior"],
    ]);
    // Due a week after the offer.
    const answer = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await signedInRequest("/", lena.id))),
    ).todo.find((item) => item.kind === "mentorship-answer");
    expect(answer?.due).toEqual(new Date(offeredAt.getTime() + 7 * 86_400_000));
    await db.mentorshipPair.update({ where: { id: pair.id }, data: { menteeAnswer: "accepted" } });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    expect(await mentorshipTodos(ravi.id)).toEqual([
      ["mentorship-answer", "Answer your pairing with Lena Engineer"],
    ]);

    await db.mentorshipPair.update({
      where: { id: pair.id },
      data: {
        mentorAnswer: "accepted",
        status: "active",
        activeSince: new Date(Date.now() - 31 * 86_400_000),
      },
    });
    expect(await mentorshipTodos(lena.id)).toEqual([
      ["mentorship-check-in", "Record a check-in with Ravi Senior"],
      ["mentorship-pulse", "Answer the 30-day pulse on your pairing with Ravi Senior"],
    ]);
    await db.mentorshipCheckIn.create({
      data: { pairId: pair.id, authorId: ravi.id, occurredOn: new Date() },
    });
    await db.mentorshipPulse.create({
      data: { pairId: pair.id, respondentId: lena.id, checkpoint: 30, usefulness: 4, comfort: 4 },
    });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    expect(await mentorshipTodos(ravi.id)).toEqual([
      ["mentorship-pulse", "Answer the 30-day pulse on your pairing with Lena Engineer"],
    ]);
  });

  test("admins rerun after a decline and close a programme past its last day; an active pair records its outcome near the end; each goes once done", async () => {
    const { admin, lena, omar, ravi, nora, programmeId } = await setUp();
    const as = (person: { id: string; name: string; email: string; isAdmin: boolean }) => ({
      ...person,
      isHiringAdmin: false,
    });
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(omar, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"]);
    await joinAs(nora, programmeId, "mentor", ["testing"]);
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { matchingOn: new Date(Date.now() - 60_000) },
    });
    await runMatching(as(admin), programmeId, { objective: "most-matched", fairness: false });
    await publishPairs(as(admin), programmeId);
    expect(await mentorshipTodos(admin.id)).toEqual([]);

    const pairs = await db.mentorshipPair.findMany({
      where: { programmeId, status: "offered" },
      select: { id: true, menteeId: true, mentorId: true },
    });
    const lenas = pairs.find((pair) => pair.menteeId === lena.id)!;
    const omars = pairs.find((pair) => pair.menteeId === omar.id)!;
    await answerPairAs(as(omar), programmeId, omars.id, "declined", "Not now");
    expect(await mentorshipTodos(admin.id)).toEqual([
      ["mentorship-rerun", "Rerun the matching of Spring mentoring"],
    ]);
    // The rerun is run, then published: done.
    await runMatching(as(admin), programmeId, { objective: "most-matched", fairness: false });
    // The rerun finds nobody free for Omar (the other mentor breaks a hard rule): it is done all the same.
    expect(await db.mentorshipPair.count({ where: { programmeId, status: "proposed" } })).toBe(0);
    expect(await mentorshipTodos(admin.id)).toEqual([]);
    // A rerun whose pairs are not published yet is not done.
    const proposed = await db.mentorshipPair.create({
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
    expect(await mentorshipTodos(admin.id)).toEqual([
      ["mentorship-rerun", "Rerun the matching of Spring mentoring"],
    ]);
    await db.mentorshipPair.delete({ where: { id: proposed.id } });
    expect(await mentorshipTodos(admin.id)).toEqual([]);

    // Lena's pair is active; two weeks before the programme's last day it is asked how it went.
    const mentor = lenas.mentorId === ravi.id ? ravi : nora;
    await answerPairAs(as(lena), programmeId, lenas.id, "accepted", "");
    await answerPairAs(as(mentor), programmeId, lenas.id, "accepted", "");
    await db.mentorshipCheckIn.create({
      data: { pairId: lenas.id, authorId: lena.id, occurredOn: new Date() },
    });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    const endsOn = new Date(
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 10),
    );
    await db.mentorshipProgramme.update({ where: { id: programmeId }, data: { endsOn } });
    expect(await mentorshipTodos(lena.id)).toEqual([
      ["mentorship-outcome", `Record how your pairing with ${mentor.name} went`],
    ]);
    expect(await mentorshipTodos(mentor.id)).toEqual([
      ["mentorship-outcome", "Record how your pairing with Lena Engineer went"],
    ]);
    const outcome = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await signedInRequest("/", lena.id))),
    ).todo.find((item) => item.kind === "mentorship-outcome");
    expect(outcome).toMatchObject({
      key: `mentorship-outcome:${lenas.id}`,
      due: endsOn,
      href: `/mentorship/${programmeId}/pairs/${lenas.id}`,
    });
    await recordOutcome(as(mentor), programmeId, lenas.id, { outcome: "goals-met", note: "" });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    expect(await mentorshipTodos(mentor.id)).toEqual([]);

    // Past its last day, the admins are asked to close it.
    const ended = new Date(endsOn.getTime() - 20 * 86_400_000);
    await db.mentorshipProgramme.update({ where: { id: programmeId }, data: { endsOn: ended } });
    const close = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await signedInRequest("/", admin.id))),
    ).todo.filter((item) => item.kind.startsWith("mentorship"));
    expect(close.map((item) => [item.key, inEnglish(item).title, item.href, item.due])).toEqual([
      [
        `mentorship-close:${programmeId}`,
        "Close Spring mentoring",
        `/mentorship/${programmeId}`,
        ended,
      ],
    ]);
    await closeProgramme(as(admin), programmeId);
    expect(await mentorshipTodos(admin.id)).toEqual([]);
  });
});
