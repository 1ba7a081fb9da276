import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { action as joinAction, loader as joinLoader } from "~/routes/mentorship.$programmeId.join";
import { loader as programmeLoader } from "~/routes/mentorship.$programmeId._index";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { call, setUp, submittedReview } from "./helpers";
import { inEnglishWords } from "../../utils/english";

type JoinPage = Awaited<ReturnType<typeof joinLoader>>;

describe("opting in", () => {
  test("a mentee's goals are prefilled from their growth plan, among the competencies of the level they work towards", async () => {
    const { lena, programmeId } = await setUp();
    const saved = await saveGrowthPlan(lena.id, {
      target: "ic3",
      focus: ["testing", "system-design"],
    });
    expect(saved.ok).toBe(true);
    const page = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id), {
          programmeId,
        }),
      ),
    );
    expect(page).toMatchObject({
      role: "mentee",
      open: true,
      joined: false,
      prefilled: true,
      values: { competencies: ["testing", "system-design"], timeZone: "" },
    });
    // The zone is the person's own, none chosen yet: the organisation's (UTC here) stands.
    expect(page.organisationTimeZone).toBe("UTC");
    expect(page.timeZones).toContain("Europe/London");
    expect(page.target).toEqual({
      label: {
        key: "common:level.withTrack",
        values: { level: "Senior Engineer", track: "Individual contributor" },
      },
      from: "growth-plan",
    });
    expect(page.options.filter((option) => option.suggested).map((option) => option.id)).toEqual([
      "testing",
      "system-design",
    ]);
  });

  test("a mentor's competencies are prefilled where their latest manager review rates them at or above their level's target", async () => {
    const { ravi, nora, sam, programmeId } = await setUp();
    await submittedReview(ravi.id, ravi.id, "self", "ic4", {
      "code-quality": 4,
      testing: 4,
      security: 4,
    });
    await submittedReview(
      ravi.id,
      sam.id,
      "manager",
      "ic4",
      { "code-quality": 4, testing: 3, security: 2 },
      new Date("2026-01-01T00:00:00Z"),
    );
    await submittedReview(
      ravi.id,
      sam.id,
      "manager",
      "ic4",
      { "code-quality": 2, testing: 3, security: 3 },
      new Date("2025-01-01T00:00:00Z"),
    );
    const page = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentor`, ravi.id), {
          programmeId,
        }),
      ),
    );
    expect(page.values.competencies).toEqual(["code-quality", "testing"]);
    expect(page.values.capacity).toBe("2");
    // No manager review: nothing prefilled.
    const noras = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentor`, nora.id), {
          programmeId,
        }),
      ),
    );
    expect([noras.values.competencies, noras.prefilled]).toEqual([[], false]);
    // Nor from a manager review she may not read yet: her own self-assessment of that cycle is not in.
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Nora's cycle",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
      },
    });
    const review = await submittedReview(nora.id, sam.id, "manager", "ic4", {
      "code-quality": 4,
      testing: 4,
    });
    await db.assessment.update({ where: { id: review.id }, data: { cycleId: cycle.id } });
    const unread = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentor`, nora.id), {
          programmeId,
        }),
      ),
    );
    expect([unread.values.competencies, unread.prefilled]).toEqual([[], false]);
    const own = await submittedReview(nora.id, nora.id, "self", "ic4", { "code-quality": 3 });
    await db.assessment.update({ where: { id: own.id }, data: { cycleId: cycle.id } });
    const read = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentor`, nora.id), {
          programmeId,
        }),
      ),
    );
    expect(read.values.competencies).toEqual(["code-quality", "testing"]);
  });

  test("a mentor whose review rates everything at the target has only the strongest three ticked, the rest marked and unticked", async () => {
    const { ravi, sam, programmeId } = await setUp();
    const atTarget = [
      "code-quality",
      "testing",
      "system-design",
      "security",
      "operations",
      "planning",
      "execution",
    ];
    await submittedReview(ravi.id, ravi.id, "self", "ic4", { testing: 3 });
    await submittedReview(ravi.id, sam.id, "manager", "ic4", {
      ...Object.fromEntries(atTarget.map((id) => [id, 3])),
      mentoring: 4,
    });
    const page = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentor`, ravi.id), {
          programmeId,
        }),
      ),
    );
    expect(page.values.competencies).toEqual(["code-quality", "testing", "mentoring"]);
    expect(page.prefilled).toBe(true);
    expect(page.options.filter((option) => option.suggested).map((option) => option.id)).toEqual([
      "code-quality",
      "testing",
      "mentoring",
    ]);
    expect(
      page.options
        .filter((option) => option.fromReview && !option.suggested)
        .map((option) => option.id),
    ).toEqual(["system-design", "security", "operations", "planning", "execution"]);
  });

  test("joining, changing and withdrawing; bad answers are a 400 that keeps what was typed and change nothing", async () => {
    const { lena, ravi, programmeId } = await setUp();
    const post = async (
      personId: string,
      role: string,
      fields: Record<string, string>,
      extra: [string, string][] = [],
    ) => {
      const body = new URLSearchParams(fields);
      for (const [name, value] of extra) body.append(name, value);
      const request = await signedInRequest(
        `/mentorship/${programmeId}/join?as=${role}`,
        personId,
        { method: "POST", body },
      );
      return call(async () => joinAction(routeArgs(request, { programmeId })));
    };
    const none = await post(lena.id, "mentee", {
      timeZone: "Europe/Berlin",
      preferences: "Pairing on tests",
    });
    expect(statusOf(none)).toBe(400);
    expect(
      bodyOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(none),
    ).toMatchObject({
      error: { goals: ["mentorship:join.errors.goalsMissing"] },
      initialValue: { preferences: "Pairing on tests" },
    });
    const unknown = await post(lena.id, "mentee", { timeZone: "Europe/Berlin" }, [
      ["goals", "organisation-design"],
    ]);
    expect(bodyOf<{ error: Record<string, string[]> }>(unknown).error.goals).toEqual([
      "Choose goals among the competencies of the level you are working towards.",
    ]);
    const zone = await post(lena.id, "mentee", { timeZone: "UTC+01:00" }, [["goals", "testing"]]);
    // A key of the form's schema, worded by the form's ErrorList.
    expect(
      bodyOf<{ error: Record<string, string[]> }>(zone).error.timeZone?.map(inEnglishWords),
    ).toEqual(["Choose a time zone from the list, for example Europe/Berlin."]);
    const tooMany = await post(ravi.id, "mentor", { timeZone: "", capacity: "3" }, [
      ["competencies", "testing"],
    ]);
    expect(bodyOf<{ error: Record<string, string[]> }>(tooMany).error.capacity).toEqual([
      "This programme pairs a mentor with at most 2 mentees.",
    ]);
    expect(await db.mentorshipParticipant.count({ where: { programmeId } })).toBe(0);
    const zoneOf = async (personId: string) =>
      (await db.user.findUniqueOrThrow({ where: { id: personId }, select: { timeZone: true } }))
        .timeZone;
    expect(await zoneOf(lena.id)).toBeNull();

    // The zone chosen here is the person's own, everywhere in Rungs.
    expect(
      statusOf(
        await post(
          lena.id,
          "mentee",
          { timeZone: "Europe/Berlin", preferences: "Pairing on tests" },
          [
            ["goals", "testing"],
            ["goals", "system-design"],
          ],
        ),
      ),
    ).toBe(302);
    expect(await zoneOf(lena.id)).toBe("Europe/Berlin");
    expect(
      statusOf(
        await post(ravi.id, "mentor", { timeZone: "", capacity: "1" }, [
          ["competencies", "testing"],
        ]),
      ),
    ).toBe(302);
    expect(await zoneOf(ravi.id)).toBeNull();
    // Ravi is a mentee too.
    expect(
      statusOf(await post(ravi.id, "mentee", { timeZone: "" }, [["goals", "technical-judgement"]])),
    ).toBe(302);
    expect(
      statusOf(
        await post(lena.id, "mentee", { timeZone: "America/New_York" }, [["goals", "testing"]]),
      ),
    ).toBe(302);
    expect(await zoneOf(lena.id)).toBe("America/New_York");
    const lenas = await db.mentorshipParticipant.findMany({
      where: { programmeId, userId: lena.id },
    });
    expect(lenas.map((row) => [row.role, row.competencies, row.preferences])).toEqual([
      ["mentee", '["testing"]', ""],
    ]);
    expect(
      bodyOf<JoinPage>(
        await joinLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id), {
            programmeId,
          }),
        ),
      ).values.timeZone,
    ).toBe("America/New_York");
    const page = bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(
      await programmeLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}`, ravi.id), { programmeId }),
      ),
    );
    expect(page.optIns.map((optIn) => [optIn.role, optIn.competencies])).toEqual(
      expect.arrayContaining([
        ["mentor", ["Testing and verification"]],
        ["mentee", ["Technical judgement"]],
      ]),
    );

    expect(statusOf(await post(ravi.id, "mentor", { intent: "withdraw" }))).toBe(302);
    expect(
      await db.mentorshipParticipant.findMany({
        where: { programmeId, userId: ravi.id },
        select: { role: true },
      }),
    ).toEqual([{ role: "mentee" }]);
    expect(statusOf(await post(ravi.id, "mentor", { intent: "withdraw" }))).toBe(400);
  });

  test("opt-ins close on the matching day; people it is not open to get a 404; the role must be mentee or mentor", async () => {
    const { lena, sasha, programmeId } = await setUp();
    const join = async (personId: string, role: string) => {
      const body = new URLSearchParams({ timeZone: "" });
      body.append("goals", "testing");
      body.append("competencies", "testing");
      body.set("capacity", "1");
      return call(async () =>
        joinAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/join?as=${role}`, personId, {
              method: "POST",
              body,
            }),
            { programmeId },
          ),
        ),
      );
    };
    expect(statusOf(await join(sasha.id, "mentee"))).toBe(404);
    expect(
      statusOf(
        await call(async () =>
          joinLoader(
            routeArgs(
              await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, sasha.id),
              { programmeId },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(statusOf(await join(lena.id, "boss"))).toBe(400);
    expect(statusOf(await join(lena.id, "mentee"))).toBe(302);
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { matchingOn: new Date(Date.now() - 60_000) },
    });
    const late = await join(lena.id, "mentor");
    expect(statusOf(late)).toBe(400);
    expect(await db.mentorshipParticipant.count({ where: { programmeId, userId: lena.id } })).toBe(
      1,
    );
    const page = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id), {
          programmeId,
        }),
      ),
    );
    expect([page.open, page.closedReason, page.joined]).toEqual([
      false,
      "mentorship:join.closed.optInsClosed",
      true,
    ]);
  });

  test("someone who joined and is no longer placed on the ladder still sees the programme, but no longer changes their opt-in", async () => {
    const { lena, programmeId } = await setUp();
    const join = async () => {
      const body = new URLSearchParams({ timeZone: "" });
      body.append("goals", "testing");
      return call(async () =>
        joinAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id, {
              method: "POST",
              body,
            }),
            { programmeId },
          ),
        ),
      );
    };
    expect(statusOf(await join())).toBe(302);
    await db.user.update({ where: { id: lena.id }, data: { level: null } });
    expect(
      statusOf(
        await call(async () =>
          programmeLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}`, lena.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(200);
    expect(statusOf(await join())).toBe(400);
  });

  test("someone who joined and has moved to a team the programme is not open to still sees it, but no longer changes or withdraws their opt-in: it is not open to them", async () => {
    const { lena, teams, programmeId } = await setUp();
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { openTo: "teams", teamIds: JSON.stringify([teams.checkout.id]) },
    });
    const post = async (fields: Record<string, string>, goals: string[] = []) => {
      const body = new URLSearchParams(fields);
      for (const goal of goals) body.append("goals", goal);
      return call(async () =>
        joinAction(
          routeArgs(
            await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id, {
              method: "POST",
              body,
            }),
            { programmeId },
          ),
        ),
      );
    };
    expect(statusOf(await post({ timeZone: "" }, ["testing"]))).toBe(302);
    // Still on the ladder at her level, choosing goals of the level she works towards: only her team keeps her out now.
    await db.user.update({ where: { id: lena.id }, data: { teamId: teams.search.id } });
    const page = bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(
      await programmeLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}`, lena.id), { programmeId }),
      ),
    );
    expect(page.canOptIn).toBe(false);
    for (const refused of [
      await post({ timeZone: "" }, ["testing", "system-design"]),
      await post({ intent: "withdraw" }),
    ]) {
      expect([statusOf(refused), bodyOf<{ message: string }>(refused).message]).toEqual([
        400,
        "This programme is not open to you.",
      ]);
    }
    expect(
      await db.mentorshipParticipant.findMany({
        where: { programmeId, userId: lena.id },
        select: { role: true, competencies: true },
      }),
    ).toEqual([{ role: "mentee", competencies: '["testing"]' }]);
    const form = bodyOf<JoinPage>(
      await joinLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/join?as=mentee`, lena.id), {
          programmeId,
        }),
      ),
    );
    expect([form.open, form.closedReason, form.joined]).toEqual([
      false,
      "mentorship:join.errors.notOpenToYou",
      true,
    ]);
  });
});
