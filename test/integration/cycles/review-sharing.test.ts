import { describe, expect, test } from "vitest";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as newRoute from "~/routes/admin.cycles.new";
import { db } from "~/db/client.server";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { renderPage } from "../../utils/render-page";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/** When a cycle shares reviews is set in the cycle's admin forms: opening it, and on its page. */

type FormReply = { error?: Record<string, string[] | null> };
type CycleAnswer = { message: string; reply?: FormReply };
type CyclePage = { reviewSharing: { reviewsShared: string; reviewsSharedOn: string } };

async function answerOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

async function openForm(adminId: string, fields: Record<string, string>) {
  const name = `Spring ${uniqueEmail()}`;
  const request = await signedInPost("/admin/cycles/new", adminId, {
    name,
    startsOn: "2026-03-01",
    endsOn: "2026-03-28",
    participants: "everyone",
    ...fields,
  });
  return { name, answer: await answerOf(() => newRoute.action(routeArgs(request))) };
}

async function sharingForm(adminId: string, cycleId: string, fields: Record<string, string>) {
  const request = await signedInPost(`/admin/cycles/${cycleId}`, adminId, {
    intent: "review-sharing",
    ...fields,
  });
  return answerOf(() => cycleRoute.action(routeArgs(request, { cycleId })));
}

async function cyclePage(adminId: string, cycleId: string) {
  return bodyOf<CyclePage>(
    await cycleRoute.loader(
      routeArgs(await signedInRequest(`/admin/cycles/${cycleId}`, adminId), { cycleId }),
    ),
  );
}

/** What the cycle's page says of it, in English. */
async function cyclePageText(adminId: string, cycleId: string) {
  return (
    await renderPage(cycleRoute, "/admin/cycles/:cycleId", `/admin/cycles/${cycleId}`, adminId)
  ).html;
}

describe("the cycle's admin forms set when reviews are shared", () => {
  test("opening a cycle on a date: saved, and said on the cycle's page", async () => {
    const admin = await createAdmin();
    await createPerson({ track: "ic", level: "ic2" });
    const { name, answer } = await openForm(admin.id, {
      reviewsShared: "on-date",
      reviewsSharedOn: "2027-01-12",
    });
    expect(statusOf(answer)).toBe(302);
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { name } });
    expect(cycle).toMatchObject({
      reviewsShared: "on-date",
      reviewsSharedOn: new Date("2027-01-12T00:00:00Z"),
    });
    expect((await cyclePage(admin.id, cycle.id)).reviewSharing).toEqual({
      reviewsShared: "on-date",
      reviewsSharedOn: "2027-01-12",
    });
    expect(await cyclePageText(admin.id, cycle.id)).toContain(
      "Reviews are shared with each person on 12 Jan 2027",
    );
  });

  test("opening a cycle with a bad date, or none on a date: 400 with the message, no cycle", async () => {
    const admin = await createAdmin();
    await createPerson({ track: "ic", level: "ic2" });
    for (const [reviewsSharedOn, message] of [
      ["2027-02-30", "common:errors.day.notReal"],
      ["12/01/2027", "common:errors.day.format"],
      ["", "cycles:reviewSharing.errors.dayRequired"],
    ] as const) {
      const { name, answer } = await openForm(admin.id, {
        reviewsShared: "on-date",
        reviewsSharedOn,
      });
      expect(statusOf(answer)).toBe(400);
      expect(bodyOf<FormReply>(answer).error?.reviewsSharedOn).toEqual([message]);
      expect(await db.reviewCycle.count({ where: { name } })).toBe(0);
    }
    const { name, answer } = await openForm(admin.id, { reviewsShared: "when-the-manager-likes" });
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf<FormReply>(answer).error?.reviewsShared).toEqual([
      "cycles:reviewSharing.errors.choose",
    ]);
    expect(await db.reviewCycle.count({ where: { name } })).toBe(0);
  });

  test("on the cycle's page: a bad date is refused with the message and changes nothing; a good choice is saved and audited", async () => {
    const admin = await createAdmin();
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Autumn ${uniqueEmail()}`,
        startsOn: new Date("2026-09-01"),
        endsOn: new Date("2026-09-30"),
      },
    });

    const refused = await sharingForm(admin.id, cycle.id, {
      reviewsShared: "on-date",
      reviewsSharedOn: "2027-13-01",
    });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<CycleAnswer>(refused).reply?.error?.reviewsSharedOn).toEqual([
      "common:errors.day.notReal",
    ]);
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({
      reviewsShared: "when-both-submitted",
      reviewsSharedOn: null,
    });
    expect(
      await db.auditEvent.count({
        where: { subjectId: cycle.id, action: "cycle.review_sharing_set" },
      }),
    ).toBe(0);

    const saved = await sharingForm(admin.id, cycle.id, {
      reviewsShared: "after-release",
      reviewsSharedOn: "2027-01-12",
    });
    // Sent as HTML (decision 157): saved, the page is asked for again with what was done.
    expect(statusOf(saved)).toBe(302);
    expect((saved as Response).headers.get("Location")).toBe(
      `/admin/cycles/${cycle.id}?done=sharingSaved#review-sharing-heading`,
    );
    // The day belongs to "on a date" only: it is not kept with another choice.
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({
      reviewsShared: "after-release",
      reviewsSharedOn: null,
    });
    expect(
      await db.auditEvent.count({
        where: { subjectId: cycle.id, action: "cycle.review_sharing_set" },
      }),
    ).toBe(1);
    expect((await cyclePage(admin.id, cycle.id)).reviewSharing).toEqual({
      reviewsShared: "after-release",
      reviewsSharedOn: "",
    });
    expect(await cyclePageText(admin.id, cycle.id)).toContain(
      "Reviews are shared with each person once their calibration outcome is released to them.",
    );
  });

  test("only admins set it", async () => {
    const person = await createPerson();
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Autumn ${uniqueEmail()}`,
        startsOn: new Date("2026-09-01"),
        endsOn: new Date("2026-09-30"),
      },
    });
    const answer = await sharingForm(person.id, cycle.id, { reviewsShared: "after-release" });
    expect(statusOf(answer)).toBe(403);
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({
      reviewsShared: "when-both-submitted",
    });
  });
});
