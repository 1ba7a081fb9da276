import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { loader as homeLoader } from "~/routes/_index";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { joinAs, setUp } from "./helpers";

async function mentorshipTodos(personId: string) {
  const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(await homeLoader(routeArgs(await signedInRequest("/", personId))));
  return home.todo.filter((item) => item.kind.startsWith("mentorship")).map((item) => [item.kind, item.title]);
}

describe("mentorship on the home page", () => {
  test("join until the matching day; answer a published pair; then a check-in and, from 30 days, a pulse; admins match once the day has come", async () => {
    const { admin, lena, ravi, sasha, programmeId } = await setUp();
    expect(await mentorshipTodos(lena.id)).toEqual([["mentorship-join", "Join Spring mentoring as a mentee or mentor"]]);
    // One statement, whatever there is to do.
    expect((await countStatements(() => mentorshipTodoFacts(admin, new Date()))).statements).toHaveLength(1);
    // Not for someone it is not open to; not for the admin before the matching day.
    expect(await mentorshipTodos(sasha.id)).toEqual([]);
    expect(await mentorshipTodos(admin.id)).toEqual([]);
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"]);
    expect(await mentorshipTodos(lena.id)).toEqual([]);

    await db.mentorshipProgramme.update({ where: { id: programmeId }, data: { matchingOn: new Date(Date.now() - 60_000) } });
    expect(await mentorshipTodos(admin.id)).toEqual([["mentorship-match", "Match and publish Spring mentoring"]]);

    const offeredAt = new Date(Date.now() - 2 * 86_400_000);
    const pair = await db.mentorshipPair.create({ data: { programmeId, menteeId: lena.id, mentorId: ravi.id, status: "offered", source: "proposed", fit: 3, factors: "[]", offeredAt } });
    await db.mentorshipProgramme.update({ where: { id: programmeId }, data: { publishedAt: new Date() } });
    expect(await mentorshipTodos(admin.id)).toEqual([]);
    expect(await mentorshipTodos(lena.id)).toEqual([["mentorship-answer", "Answer your pairing with Ravi Senior"]]);
    // Due a week after the offer.
    const answer = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(await homeLoader(routeArgs(await signedInRequest("/", lena.id)))).todo.find((item) => item.kind === "mentorship-answer");
    expect(answer?.due).toEqual(new Date(offeredAt.getTime() + 7 * 86_400_000));
    await db.mentorshipPair.update({ where: { id: pair.id }, data: { menteeAnswer: "accepted" } });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    expect(await mentorshipTodos(ravi.id)).toEqual([["mentorship-answer", "Answer your pairing with Lena Engineer"]]);

    await db.mentorshipPair.update({ where: { id: pair.id }, data: { mentorAnswer: "accepted", status: "active", activeSince: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await mentorshipTodos(lena.id)).toEqual([
      ["mentorship-check-in", "Record a check-in with Ravi Senior"],
      ["mentorship-pulse", "Answer the 30-day pulse on your pairing with Ravi Senior"],
    ]);
    await db.mentorshipCheckIn.create({ data: { pairId: pair.id, authorId: ravi.id, occurredOn: new Date() } });
    await db.mentorshipPulse.create({ data: { pairId: pair.id, respondentId: lena.id, checkpoint: 30, usefulness: 4, comfort: 4 } });
    expect(await mentorshipTodos(lena.id)).toEqual([]);
    expect(await mentorshipTodos(ravi.id)).toEqual([["mentorship-pulse", "Answer the 30-day pulse on your pairing with Lena Engineer"]]);
  });
});
