import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { calibrationTodoFacts } from "~/modules/calibration/todo.server";
import { entryView, sessionView } from "~/modules/calibration/session-view.server";
import { historyPage } from "~/modules/growth/profile.server";
import {
  advanceSession,
  applyDuePromotions,
  createSession,
  savePreRead,
  listSessions,
  ownOutcomes,
  recordOutcome,
  releaseOutcome,
  saveProposal,
  saveProposalDraft,
} from "~/modules/calibration/sessions.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { createAdmin, createPerson } from "../../utils/factories";
import {
  competencyIds,
  evidence,
  save,
  startReview,
  submit,
} from "../assessments/assessments-helpers";

const viewerOf = (person: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}): Viewer => ({ ...person, isHiringAdmin: false });

/** An entry's history as its page shows it to the viewer (a 404 for anyone who may not see it). */
async function entryHistory(viewer: Viewer, entryId: string) {
  const entry = await db.calibrationEntry.findUnique({
    where: { id: entryId },
    select: { sessionId: true },
  });
  const history = (await entryView(viewer, entry?.sessionId ?? "no-such-session", entryId)).history;
  // The page words each change (its lines); the change itself, as recorded, is read from the record.
  const recorded = new Map(
    (
      await db.calibrationEvent.findMany({
        where: { id: { in: history.map((event) => event.id) } },
        select: { id: true, change: true },
      })
    ).map((event) => [event.id, JSON.parse(event.change) as Record<string, [unknown, unknown]>]),
  );
  return history.map((event) => ({ ...event, change: recorded.get(event.id) ?? {} }));
}

/** An organisation with two managers of two engineers each, all in one cycle, and a facilitator. */
async function setUp(
  options: {
    blindPreRead?: boolean;
    scaleId?: string;
    secondDimension?: string;
    groupFloor?: number;
  } = {},
) {
  const admin = await createAdmin({ name: "Ada Admin" });
  const facilitator = await createPerson({
    name: "Fay Facilitator",
    track: "manager",
    level: "m2",
  });
  const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const kim = await createPerson({ name: "Kim Manager", track: "manager", level: "m1" });
  const lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: sam.id,
  });
  const omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
  });
  const pia = await createPerson({
    name: "Pia Engineer",
    track: "ic",
    level: "ic2",
    managerId: kim.id,
  });
  const outsider = await createPerson({ name: "Out Sider", track: "ic", level: "ic2" });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [lena, omar, pia].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(viewerOf(admin), {
    name: "Spring calibration",
    cycleId: cycle.id,
    ladderId: "engineering",
    facilitatorEmail: facilitator.email,
    population: "cycle",
    teamIds: [],
    blindPreRead: options.blindPreRead ?? false,
    scaleId: options.scaleId ?? null,
    secondDimension: options.secondDimension ?? null,
    groupFloor: options.groupFloor,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId: created.sessionId },
    select: { id: true, personId: true },
  });
  const entryOf = (person: { id: string }) =>
    entries.find((entry) => entry.personId === person.id)!.id;
  return {
    admin,
    facilitator,
    sam,
    kim,
    lena,
    omar,
    pia,
    outsider,
    cycle,
    sessionId: created.sessionId,
    entryOf,
    as: viewerOf,
  };
}

describe("calibration sessions", () => {
  test("a session holds everyone in the cycle once, with their manager then, and invites those managers", async () => {
    const { sessionId, sam, kim, lena, omar, pia } = await setUp();
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId },
      select: { personId: true, managerId: true, levelId: true },
    });
    expect(entries.map((entry) => entry.personId).sort()).toEqual(
      [lena.id, omar.id, pia.id].sort(),
    );
    expect(entries.find((entry) => entry.personId === pia.id)).toEqual({
      personId: pia.id,
      managerId: kim.id,
      levelId: "ic2",
    });
    const calibrators = await db.calibrationCalibrator.findMany({
      where: { sessionId },
      select: { userId: true },
    });
    expect(calibrators.map((row) => row.userId).sort()).toEqual([sam.id, kim.id].sort());
  });

  test("only admins set up sessions; a bad population is a field error and writes nothing", async () => {
    const { sam, cycle, facilitator, admin } = await setUp();
    const input = {
      name: "X",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle" as const,
      teamIds: [],
      blindPreRead: false,
    };
    await expect(createSession(viewerOf(sam), input)).rejects.toBeInstanceOf(ForbiddenError);
    const before = await db.calibrationSession.count();
    expect(await createSession(viewerOf(admin), { ...input, population: "teams" })).toEqual({
      ok: false,
      fieldErrors: { teamIds: ["calibration:errors.chooseTeam"] },
    });
    expect(await createSession(viewerOf(admin), { ...input, cycleId: "nope" })).toEqual({
      ok: false,
      fieldErrors: { cycleId: ["calibration:errors.noSuchCycle"] },
    });
    expect(await createSession(viewerOf(admin), { ...input, ladderId: "nope" })).toEqual({
      ok: false,
      fieldErrors: { ladderId: ["calibration:errors.ladderNotServed"] },
    });
    expect(
      await createSession(viewerOf(admin), { ...input, facilitatorEmail: "nobody@example.com" }),
    ).toEqual({
      ok: false,
      fieldErrors: { facilitatorEmail: ["calibration:errors.facilitatorNotActive"] },
    });
    expect(
      await createSession(viewerOf(admin), {
        ...input,
        population: "manager",
        managerEmail: "nobody@example.com",
      }),
    ).toEqual({ ok: false, fieldErrors: { managerEmail: ["calibration:errors.nobodyWithEmail"] } });
    expect(await db.calibrationSession.count()).toBe(before);
  });

  test("everyone outside the session gets a 404, listing and reading alike", async () => {
    const { sessionId, outsider, lena, sam, facilitator, admin, entryOf } = await setUp();
    for (const person of [outsider, lena]) {
      await expect(advanceSession(viewerOf(person), sessionId, "proposals")).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(entryHistory(viewerOf(person), entryOf(lena))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await listSessions(viewerOf(person))).toEqual([]);
    }
    for (const person of [sam, facilitator])
      expect((await listSessions(viewerOf(person))).map((session) => session.id)).toEqual([
        sessionId,
      ]);
    // Admins see every session (this file's database holds the other tests' sessions too).
    expect((await listSessions(viewerOf(admin))).map((session) => session.id)).toContain(sessionId);
    await expect(entryHistory(viewerOf(sam), "no-such-entry")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("the facilitator moves the session one step at a time; nobody else can", async () => {
    const { sessionId, facilitator, sam, admin } = await setUp({ blindPreRead: true });
    await expect(advanceSession(viewerOf(sam), sessionId, "proposals")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(advanceSession(viewerOf(admin), sessionId, "proposals")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(advanceSession(viewerOf(facilitator), sessionId, "live")).rejects.toMatchObject({
      kind: "invalid",
      said: {
        key: "calibration:errors.onlyNextState",
        values: { from: "draft", next: "proposals" },
      },
    });
    for (const state of ["proposals", "preread", "live"])
      await advanceSession(viewerOf(facilitator), sessionId, state);
    // Locking needs a final outcome for everyone.
    await expect(advanceSession(viewerOf(facilitator), sessionId, "locked")).rejects.toMatchObject({
      kind: "invalid",
      said: { key: "calibration:errors.outcomesMissing", values: { count: 3 } },
    });
    for (const entry of await db.calibrationEntry.findMany({
      where: { sessionId },
      select: { id: true },
    })) {
      await recordOutcome(viewerOf(facilitator), entry.id, {
        rating: 3,
        outcome: "stay",
        text: "No proposal was made.",
        revision: 0,
      });
    }
    for (const state of ["locked", "published"])
      await advanceSession(viewerOf(facilitator), sessionId, state);
    await expect(advanceSession(viewerOf(facilitator), sessionId, "draft")).rejects.toBeInstanceOf(
      InvalidError,
    );
    const events = await db.calibrationEvent.findMany({
      where: { sessionId, kind: "state" },
      orderBy: { createdAt: "asc" },
      select: { change: true, actorId: true },
    });
    expect(events.map((event) => JSON.parse(event.change).state)).toEqual([
      [null, "draft"],
      ["draft", "proposals"],
      ["proposals", "preread"],
      ["preread", "live"],
      ["live", "locked"],
      ["locked", "published"],
    ]);
  });

  test("only the person's manager proposes, only while proposals are open, on the scale and to a more senior level", async () => {
    const { sessionId, facilitator, sam, kim, lena, entryOf } = await setUp();
    const proposal = {
      rating: 3,
      outcome: "promote" as const,
      levelId: "ic3",
      text: "Led the checkout rewrite.",
    };
    await expect(saveProposal(viewerOf(sam), entryOf(lena), proposal)).rejects.toThrow(
      new ForbiddenError({ key: "calibration:errors.proposalsClosed" }),
    );
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    await expect(saveProposal(viewerOf(kim), entryOf(lena), proposal)).rejects.toThrow(
      new ForbiddenError({ key: "calibration:errors.managerProposes" }),
    );
    expect(await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, rating: 7 })).toEqual({
      ok: false,
      fieldErrors: { rating: ["calibration:errors.ratingOnScale"] },
    });
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, levelId: "ic1" }),
    ).toEqual({ ok: false, fieldErrors: { levelId: ["calibration:errors.promotionMoreSenior"] } });
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, levelId: "m1" }),
    ).toEqual({ ok: true }); // the manager path branches after Engineer II
    expect(await saveProposal(viewerOf(sam), entryOf(lena), proposal)).toEqual({ ok: true });
    const entry = await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryOf(lena) } });
    expect(entry).toMatchObject({
      proposedRating: 3,
      proposedOutcome: "promote",
      proposedLevelId: "ic3",
      rationale: "Led the checkout rewrite.",
      revision: 2,
    });
    const history = await entryHistory(viewerOf(sam), entryOf(lena));
    expect(history.map((event) => [event.kind, event.actor, event.change])).toEqual([
      [
        "proposal",
        "Sam Manager",
        {
          proposedRating: [null, 3],
          proposedOutcome: [null, "promote"],
          proposedLevelId: [null, "m1"],
          rationale: ["", "Led the checkout rewrite."],
        },
      ],
      ["proposal", "Sam Manager", { proposedLevelId: ["m1", "ic3"] }],
    ]);
  });

  test("an entry's history reaches the browser as its page words it: an earlier text is quoted, not sent in full", async () => {
    const { sessionId, facilitator, sam, lena, entryOf } = await setUp();
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    const long = `Led the checkout rewrite. ${"Kept the team on track through the migration. ".repeat(8)}LONG-RATIONALE-END`;
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), { rating: 3, outcome: "stay", text: long }),
    ).toEqual({ ok: true });
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), {
        rating: 3,
        outcome: "stay",
        text: "Short now.",
      }),
    ).toEqual({ ok: true });
    const view = await entryView(viewerOf(sam), sessionId, entryOf(lena));
    expect(view.history.map((event) => event.kind)).toEqual(["proposal", "proposal"]);
    expect(JSON.stringify(view.history)).toContain("Led the checkout rewrite.");
    expect(JSON.stringify(view)).not.toContain("LONG-RATIONALE-END");
  });

  test("the facilitator records outcomes while live, with a reason whenever they differ from the proposal; a stale revision is a conflict", async () => {
    const { sessionId, facilitator, sam, lena, omar, entryOf } = await setUp();
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    await saveProposal(viewerOf(sam), entryOf(lena), {
      rating: 3,
      outcome: "stay",
      text: "Solid half.",
    });
    await expect(
      recordOutcome(viewerOf(facilitator), entryOf(lena), {
        rating: 3,
        outcome: "stay",
        text: "",
        revision: 1,
      }),
    ).rejects.toThrow(new ForbiddenError({ key: "calibration:errors.outcomesWhileLive" }));
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    await expect(
      recordOutcome(viewerOf(sam), entryOf(lena), {
        rating: 3,
        outcome: "stay",
        text: "",
        revision: 1,
      }),
    ).rejects.toThrow(new ForbiddenError({ key: "calibration:errors.facilitatorRecords" }));
    // The same as proposed: no reason needed.
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(lena), {
        rating: 3,
        outcome: "stay",
        text: "",
        revision: 1,
      }),
    ).toEqual({ ok: true });
    // Different: a reason is required, and nothing is written without one.
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(lena), {
        rating: 2,
        outcome: "stay",
        text: "",
        revision: 2,
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { text: ["calibration:errors.reasonNeeded"] },
    });
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(lena), {
        rating: 2,
        outcome: "stay",
        text: "Evidence was thin for design.",
        revision: 2,
      }),
    ).toEqual({ ok: true });
    // A second facilitator tab still at revision 2: a conflict, not an overwrite.
    await expect(
      recordOutcome(viewerOf(facilitator), entryOf(lena), {
        rating: 4,
        outcome: "stay",
        text: "Other tab",
        revision: 2,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      await db.calibrationEntry.findUniqueOrThrow({
        where: { id: entryOf(lena) },
        select: { finalRating: true, finalReason: true },
      }),
    ).toEqual({
      finalRating: 2,
      finalReason: "Evidence was thin for design.",
    });
    // Without a proposal, any outcome differs from it.
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(omar), {
        rating: 3,
        outcome: "stay",
        text: "",
        revision: 0,
      }),
    ).toMatchObject({ ok: false });
    const history = await entryHistory(viewerOf(facilitator), entryOf(lena));
    expect(
      history
        .filter((event) => event.kind === "final")
        .map((event) => [event.change.finalRating, event.reason]),
    ).toEqual([
      [[null, 3], null],
      [[3, 2], "Evidence was thin for design."],
    ]);
  });

  test("the history is append-only in the database itself: updating or deleting an event fails", async () => {
    const { sessionId } = await setUp();
    const event = await db.calibrationEvent.findFirstOrThrow({ where: { sessionId } });
    // What the database said, not Prisma's message (which quotes the test's own source line).
    const refusal = (write: Promise<unknown>) =>
      write.then(
        () => "the write went through",
        (error: { meta?: unknown; cause?: unknown }) =>
          JSON.stringify({ meta: error.meta, cause: error.cause }),
      );
    for (const write of [
      db.calibrationEvent.update({ where: { id: event.id }, data: { reason: "rewritten" } }),
      db.calibrationEvent.delete({ where: { id: event.id } }),
      db.$executeRawUnsafe(`UPDATE "CalibrationEvent" SET "reason" = 'x'`),
      db.$executeRawUnsafe(`DELETE FROM "CalibrationEvent"`),
    ])
      expect(await refusal(write)).toMatch(/calibration events are append-only/);
    expect(await db.calibrationEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  test("the home page's to-dos: a manager's missing proposals while proposals are open, the facilitator's session until published", async () => {
    const { sessionId, facilitator, sam, kim, lena, entryOf } = await setUp();
    expect((await calibrationTodoFacts(sam)).proposalsToMake).toEqual([]);
    expect((await calibrationTodoFacts(facilitator)).sessionsToRun).toEqual([
      { session: { id: sessionId, name: "Spring calibration" }, state: "draft", next: "proposals" },
    ]);
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    expect((await calibrationTodoFacts(sam)).proposalsToMake).toEqual([
      { session: { id: sessionId, name: "Spring calibration" }, dueOn: null, total: 2, missing: 2 },
    ]);
    await saveProposal(viewerOf(sam), entryOf(lena), { rating: 3, outcome: "stay", text: "" });
    expect((await calibrationTodoFacts(sam)).proposalsToMake).toEqual([
      { session: { id: sessionId, name: "Spring calibration" }, dueOn: null, total: 2, missing: 1 },
    ]);
    expect((await calibrationTodoFacts(kim)).proposalsToMake).toEqual([
      { session: { id: sessionId, name: "Spring calibration" }, dueOn: null, total: 1, missing: 1 },
    ]);
    // With a due day, the to-do carries it.
    await db.calibrationSession.update({
      where: { id: sessionId },
      data: { proposalsDueOn: new Date("2026-12-04T00:00:00Z") },
    });
    expect((await calibrationTodoFacts(kim)).proposalsToMake[0]?.dueOn).toEqual(
      new Date("2026-12-04T00:00:00Z"),
    );
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    for (const entry of await db.calibrationEntry.findMany({
      where: { sessionId },
      select: { id: true, revision: true },
    })) {
      await recordOutcome(viewerOf(facilitator), entry.id, {
        rating: 3,
        outcome: "stay",
        text: "Agreed.",
        revision: entry.revision,
      });
    }
    for (const state of ["locked", "published"])
      await advanceSession(viewerOf(facilitator), sessionId, state);
    expect(await calibrationTodoFacts(sam)).toMatchObject({
      proposalsToMake: [],
      sessionsToRun: [],
    });
    expect((await calibrationTodoFacts(facilitator)).sessionsToRun).toEqual([]);
  });

  test("publishing applies accepted promotions from their effective day, once; the manager releases each outcome to the person", async () => {
    const { sessionId, facilitator, sam, kim, lena, omar, pia, entryOf } = await setUp();
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    await saveProposal(viewerOf(sam), entryOf(lena), {
      rating: 4,
      outcome: "promote",
      levelId: "ic3",
      text: "Ready for Senior.",
    });
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    await recordOutcome(viewerOf(facilitator), entryOf(lena), {
      rating: 4,
      outcome: "promote",
      levelId: "ic3",
      text: "",
      revision: 1,
    });
    await recordOutcome(viewerOf(facilitator), entryOf(omar), {
      rating: 3,
      outcome: "promote",
      levelId: "ic4",
      text: "Strong case made in the room.",
      revision: 0,
    });
    await recordOutcome(viewerOf(facilitator), entryOf(pia), {
      rating: 3,
      outcome: "stay",
      text: "No proposal.",
      revision: 0,
    });
    await advanceSession(viewerOf(facilitator), sessionId, "locked");
    // Omar's level changes some other way before the promotions take effect; Lena sits at a sub-level of hers.
    await db.user.update({ where: { id: omar.id }, data: { level: "ic4" } });
    await db.user.update({ where: { id: lena.id }, data: { sublevel: "c" } });
    await expect(advanceSession(viewerOf(facilitator), sessionId, "published")).rejects.toThrow(
      new InvalidError({ key: "calibration:errors.effectiveOnNeeded" }),
    );
    const publishedOn = new Date("2026-06-01T12:00:00Z");
    await advanceSession(viewerOf(facilitator), sessionId, "published", {
      effectiveOn: new Date("2026-07-01T00:00:00Z"),
      now: publishedOn,
    });
    expect(await ownOutcomes(lena.id)).toEqual([]);
    // Released by the manager (not by another manager), the outcome is the person's to see; the promotion is not due yet: nothing changes.
    await expect(releaseOutcome(viewerOf(kim), entryOf(lena))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await releaseOutcome(viewerOf(sam), entryOf(lena), undefined, new Date("2026-06-15T08:00:00Z"));
    expect(await ownOutcomes(lena.id)).toHaveLength(1);
    expect(await applyDuePromotions(new Date("2026-06-30T23:00:00Z"))).toBe(0);
    expect(
      await db.user.findUniqueOrThrow({ where: { id: lena.id }, select: { level: true } }),
    ).toEqual({ level: "ic2" });
    // Due: Lena's takes effect; Omar's, which nobody has told him, is left alone and he sees no outcome.
    expect(await applyDuePromotions(new Date("2026-07-01T08:00:00Z"))).toBe(1);
    expect(
      await db.calibrationEvent.count({
        where: { sessionId, kind: "apply", entryId: entryOf(omar) },
      }),
    ).toBe(0);
    expect(await ownOutcomes(omar.id)).toEqual([]);
    await releaseOutcome(viewerOf(sam), entryOf(omar), undefined, new Date("2026-07-01T09:00:00Z"));
    expect(await applyDuePromotions(new Date("2026-07-02T08:00:00Z"))).toBe(0);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: lena.id },
        select: { track: true, level: true, sublevel: true, ladderId: true },
      }),
    ).toEqual({ track: "ic", level: "ic3", sublevel: null, ladderId: "engineering" });
    expect(
      await db.user.findUniqueOrThrow({ where: { id: omar.id }, select: { level: true } }),
    ).toEqual({ level: "ic4" });
    // Credited to the manager who released it (which let it take effect), not to the facilitator.
    const audit = await db.auditEvent.findMany({
      where: { action: "person.promoted" },
      select: { subjectId: true, actorId: true },
    });
    expect(audit).toEqual([{ subjectId: lena.id, actorId: sam.id }]);
    // Lena's level history dates her new level from the day it was applied; Omar's, not applied, has nothing.
    expect(
      await db.levelChange.findMany({
        where: { personId: { in: [lena.id, omar.id] } },
        select: {
          personId: true,
          fromLevelId: true,
          toTrackId: true,
          toLevelId: true,
          source: true,
          changedAt: true,
        },
      }),
    ).toEqual([
      {
        personId: lena.id,
        fromLevelId: "ic2",
        toTrackId: "ic",
        toLevelId: "ic3",
        source: "promoted",
        changedAt: new Date("2026-07-01T08:00:00Z"),
      },
    ]);
    // The change is in Lena's history, as her manager and she read it; Omar's, not applied, is not.
    // Released before its day, it dates from the day it took effect.
    expect((await historyPage(viewerOf(sam), lena.id)).levelChanges).toEqual([
      {
        on: "2026-07-01T00:00:00.000Z",
        from: "Engineer II",
        to: "Senior Engineer",
        sessionName: expect.any(String),
      },
    ]);
    expect((await historyPage(viewerOf(lena), lena.id)).levelChanges).toHaveLength(1);
    expect((await historyPage(viewerOf(sam), omar.id)).levelChanges).toEqual([]);
    const applied = await db.calibrationEvent.findMany({
      where: { sessionId, kind: "apply" },
      select: { entryId: true, actorId: true, reason: true },
    });
    expect(applied.sort((a, b) => (a.entryId! < b.entryId! ? -1 : 1))).toEqual(
      [
        { entryId: entryOf(lena), actorId: sam.id, reason: null },
        {
          entryId: entryOf(omar),
          actorId: sam.id,
          reason: "Not applied: the person's level changed after the session was set up.",
        },
      ].sort((a, b) => (a.entryId < b.entryId ? -1 : 1)),
    );

    expect(await ownOutcomes(lena.id)).toMatchObject([
      {
        finalRating: 4,
        finalOutcome: "promote",
        finalLevelId: "ic3",
        session: { name: "Spring calibration" },
      },
    ]);
  });

  test("blind pre-read: other calibrators rate independently without seeing the proposal, then mark it once live; the proposal is never overwritten", async () => {
    const { sessionId, facilitator, sam, kim, lena, entryOf } = await setUp({ blindPreRead: true });
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    await saveProposal(viewerOf(sam), entryOf(lena), {
      rating: 4,
      outcome: "stay",
      text: "Outstanding.",
    });
    // Not yet in the pre-read, and never by the person's own manager.
    await expect(savePreRead(viewerOf(kim), entryOf(lena), { rating: 3 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await advanceSession(viewerOf(facilitator), sessionId, "preread");
    await expect(savePreRead(viewerOf(sam), entryOf(lena), { rating: 4 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Kim reads Lena's entry blind: no proposal, no history.
    const blind = await entryView(viewerOf(kim), sessionId, entryOf(lena));
    expect(blind.entry.proposal).toBeNull();
    expect(blind.canRateIndependently).toBe(true);
    expect(await savePreRead(viewerOf(kim), entryOf(lena), { rating: 9 })).toEqual({
      ok: false,
      fieldErrors: { rating: ["calibration:errors.ratingOnScale"] },
    });
    expect(await savePreRead(viewerOf(kim), entryOf(lena), { rating: 3 })).toEqual({ ok: true });
    // Sam, the manager, does not see Kim's independent rating before the session is live.
    const samsView = await sessionView(viewerOf(sam), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(samsView.entries.find((entry) => entry.name === lena.name)!.preRead).toBeNull();
    expect(
      (await entryView(viewerOf(sam), sessionId, entryOf(lena))).history.map((event) => event.kind),
    ).toEqual(["proposal"]);
    // The facilitator does.
    const facilitatorsView = await sessionView(viewerOf(facilitator), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(facilitatorsView.entries.find((entry) => entry.name === lena.name)!.preRead).toEqual({
      ratings: 1,
      mean: 3,
      agree: 0,
      question: 0,
      noView: 0,
    });
    await expect(
      savePreRead(viewerOf(kim), entryOf(lena), { mark: "question" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    expect(await savePreRead(viewerOf(kim), entryOf(lena), { mark: "question" })).toEqual({
      ok: true,
    });
    await expect(savePreRead(viewerOf(kim), entryOf(lena), { rating: 2 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const stored = await db.calibrationEntry.findUniqueOrThrow({
      where: { id: entryOf(lena) },
      select: { proposedRating: true },
    });
    expect(stored.proposedRating).toBe(4);
    const live = await sessionView(viewerOf(sam), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(live.entries.find((entry) => entry.name === lena.name)!.preRead).toEqual({
      ratings: 1,
      mean: 3,
      agree: 0,
      question: 1,
      noView: 0,
    });
    expect(
      (await entryHistory(viewerOf(facilitator), entryOf(lena))).map((event) => [
        event.kind,
        event.change,
      ]),
    ).toEqual([
      [
        "proposal",
        {
          proposedRating: [null, 4],
          proposedOutcome: [null, "stay"],
          rationale: ["", "Outstanding."],
        },
      ],
      ["preread", { rating: [null, 3] }],
      ["preread", { mark: [null, "question"] }],
    ]);
  });

  test("in a blind pre-read an admin reads the proposal and the independent ratings throughout; neither the admin nor the facilitator, who are not calibrators, rates or marks, nor the manager their own report", async () => {
    const { sessionId, admin, facilitator, sam, kim, lena, entryOf } = await setUp({
      blindPreRead: true,
    });
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    await saveProposal(viewerOf(sam), entryOf(lena), {
      rating: 4,
      outcome: "stay",
      text: "Outstanding.",
    });
    await advanceSession(viewerOf(facilitator), sessionId, "preread");
    for (const notCalibrator of [admin, facilitator]) {
      await expect(
        savePreRead(viewerOf(notCalibrator), entryOf(lena), { rating: 3 }),
        notCalibrator.name,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await savePreRead(viewerOf(kim), entryOf(lena), { rating: 3 })).toEqual({ ok: true });
    expect(
      (await entryView(viewerOf(admin), sessionId, entryOf(lena))).entry.proposal,
    ).toMatchObject({ rating: 4 });
    const adminsView = await sessionView(viewerOf(admin), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(adminsView.entries.find((entry) => entry.name === lena.name)!.preRead).toEqual({
      ratings: 1,
      mean: 3,
      agree: 0,
      question: 0,
      noView: 0,
    });
    // Once live, other calibrators mark the proposal: not the admin or the facilitator, nor Sam his own report's.
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    for (const notOther of [admin, facilitator, sam]) {
      await expect(
        savePreRead(viewerOf(notOther), entryOf(lena), { mark: "agree" }),
        notOther.name,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await savePreRead(viewerOf(kim), entryOf(lena), { mark: "agree" })).toEqual({
      ok: true,
    });
  });

  test("an entry shows the manager review against the level's targets", async () => {
    const { sessionId, facilitator, sam, lena, entryOf } = await setUp();
    const reviewId = await startReview(sam.id, lena.id);
    const ids = await competencyIds(reviewId);
    const saved = await save(
      sam.id,
      reviewId,
      0,
      ids.map((id, index) => ({ field: `rating:${id}`, value: index < 2 ? 2 : 3, base: null })),
    );
    expect(saved.status).toBe(200);
    expect((await submit(sam.id, reviewId, saved.body.revision)).status).toBe(302);
    // The figures are taken when the session moves on (and when it is set up).
    expect(
      (await entryView(viewerOf(facilitator), sessionId, entryOf(lena))).entry.reviews
        .managerReviewId,
    ).toBeNull();
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    const view = await entryView(viewerOf(facilitator), sessionId, entryOf(lena));
    expect(view.entry.reviews.managerReviewId).toBe(reviewId);
    expect(view.entry.targets).toEqual({ met: ids.length - 2, of: ids.length });
  });

  test("a session on one of the ladder's calibration scales takes ratings on that scale only; an unknown scale is a field error", async () => {
    const { sessionId, facilitator, sam, lena, entryOf, cycle, admin } = await setUp({
      scaleId: "performance",
    });
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    const proposal = { rating: 5, outcome: "stay" as const, text: "Far beyond the bar all year." };
    expect(await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, rating: 6 })).toEqual({
      ok: false,
      fieldErrors: { rating: ["calibration:errors.ratingOnScale"] },
    });
    expect(await saveProposal(viewerOf(sam), entryOf(lena), proposal)).toEqual({ ok: true });
    const view = await sessionView(viewerOf(facilitator), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(view.session.scaleName).toBe("Performance rating");
    expect(view.scale.map((point) => point.label)).toEqual([
      "Below expectations",
      "Partly meets",
      "Meets",
      "Exceeds",
      "Far exceeds",
    ]);
    const input = {
      name: "X",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle" as const,
      teamIds: [],
      blindPreRead: false,
    };
    const before = await db.calibrationSession.count();
    expect(await createSession(viewerOf(admin), { ...input, scaleId: "seven-point" })).toEqual({
      ok: false,
      fieldErrors: { scaleId: ["calibration:errors.scaleNotInLadder"] },
    });
    expect(await db.calibrationSession.count()).toBe(before);
  });

  test("a session that collects a second dimension requires it with every proposal and outcome, and counts people into the 9-box", async () => {
    const { sessionId, facilitator, sam, kim, lena, omar, pia, entryOf } = await setUp({
      secondDimension: "Potential",
    });
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    const proposal = { rating: 4, outcome: "stay" as const, text: "" };
    expect(await saveProposal(viewerOf(sam), entryOf(lena), proposal)).toEqual({
      ok: false,
      fieldErrors: { second: ["calibration:errors.secondPoint"] },
    });
    expect(await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, second: 3 })).toEqual({
      ok: true,
    });
    expect(
      await saveProposal(viewerOf(sam), entryOf(omar), { ...proposal, rating: 1, second: 1 }),
    ).toEqual({ ok: true });
    expect(
      await saveProposal(viewerOf(kim), entryOf(pia), { ...proposal, rating: 3, second: 3 }),
    ).toEqual({ ok: true });
    await advanceSession(viewerOf(facilitator), sessionId, "live");
    const view = await sessionView(viewerOf(facilitator), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    // cells[performance band][second]: rating 4 of 4 is high, 3 medium, 1 low.
    expect(view.nineBox?.proposed.cells).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(view.nineBox?.final.placed).toBe(0);
    // The facilitator changing only the second dimension changes the outcome: a reason is required.
    const { entry } = await entryView(viewerOf(facilitator), sessionId, entryOf(lena));
    const final = { rating: 4, outcome: "stay" as const, second: 2, revision: entry.revision };
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(lena), { ...final, text: "" }),
    ).toEqual({ ok: false, fieldErrors: { text: ["calibration:errors.reasonNeeded"] } });
    expect(
      await recordOutcome(viewerOf(facilitator), entryOf(lena), {
        ...final,
        text: "New to the team; too early to say high.",
      }),
    ).toEqual({ ok: true });
    const after = await sessionView(viewerOf(facilitator), sessionId, {
      team: null,
      manager: null,
      track: null,
      level: null,
    });
    expect(after.nineBox?.final.cells[2]).toEqual([0, 1, 0]);
    expect((await entryHistory(viewerOf(facilitator), entryOf(lena))).at(-1)?.change).toMatchObject(
      { finalSecond: [null, 2] },
    );
  });

  test("a list of people: exactly those people in the cycle; an unknown email, or someone outside the cycle, is a field error naming them", async () => {
    const { admin, facilitator, cycle, lena, pia } = await setUp();
    const input = {
      name: "Two people",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "people" as const,
      teamIds: [],
      blindPreRead: false,
    };
    expect(
      await createSession(viewerOf(admin), {
        ...input,
        peopleEmails: [lena.email, "ghost@example.com"],
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        peopleEmails: [
          {
            key: "calibration:errors.unknownPeople",
            values: { count: 1, emails: "ghost@example.com" },
          },
        ],
      },
    });
    const outsider = await createPerson({ name: "Not In Cycle", track: "ic", level: "ic2" });
    const sessions = await db.calibrationSession.count();
    expect(
      await createSession(viewerOf(admin), {
        ...input,
        peopleEmails: [lena.email, outsider.email],
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        peopleEmails: [
          { key: "calibration:errors.peopleOutside", values: { emails: outsider.email } },
        ],
      },
    });
    expect(await db.calibrationSession.count()).toBe(sessions);
    const created = await createSession(viewerOf(admin), {
      ...input,
      peopleEmails: [lena.email, pia.email],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId: created.sessionId },
      select: { personId: true },
    });
    expect(entries.map((entry) => entry.personId).sort()).toEqual([lena.id, pia.id].sort());
  });

  test("everyone under a manager: those of the cycle below them, directly or through others, not the manager", async () => {
    const { admin, facilitator, cycle, sam, lena, omar } = await setUp();
    const below = await createPerson({
      name: "Ben Below",
      track: "ic",
      level: "ic2",
      managerId: lena.id,
    });
    await db.reviewCycleParticipant.createMany({
      data: [sam, below].map((person) => ({ cycleId: cycle.id, userId: person.id })),
    });
    const input = {
      name: "Sam's people",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "manager" as const,
      teamIds: [],
      blindPreRead: false,
    };
    const created = await createSession(viewerOf(admin), { ...input, managerEmail: sam.email });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId: created.sessionId },
      select: { personId: true },
    });
    expect(entries.map((entry) => entry.personId).sort()).toEqual(
      [lena.id, omar.id, below.id].sort(),
    );
  });

  test("the proposal shows the gap to the proposed level from the cycle's reviews", async () => {
    const { sessionId, facilitator, sam, lena, entryOf } = await setUp();
    const reviewId = await startReview(sam.id, lena.id);
    const ids = await competencyIds(reviewId);
    const saved = await save(
      sam.id,
      reviewId,
      0,
      ids.map((id, index) => ({ field: `rating:${id}`, value: index === 0 ? 2 : 3, base: null })),
    );
    expect((await submit(sam.id, reviewId, saved.body.revision)).status).toBe(302);
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");
    const before = await entryView(viewerOf(sam), sessionId, entryOf(lena));
    expect(before.entry.gap).toMatchObject({ levelId: "ic3", proposed: false });
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), {
        rating: 3,
        outcome: "promote",
        levelId: "ic3",
        text: "Ready.",
      }),
    ).toEqual({ ok: true });
    const view = await entryView(viewerOf(sam), sessionId, entryOf(lena));
    expect(view.entry.gap).toMatchObject({
      levelId: "ic3",
      levelTitle: "Senior Engineer",
      proposed: true,
    });
    const first = view.entry.gap!.rows.find((row) => row.competencyId === ids[0]);
    expect(first).toMatchObject({ manager: 2, self: null, target: 3, status: "below" });
    expect(view.entry.gap!.counts.below).toBeGreaterThanOrEqual(1);
  });

  test("other calibrators named at set-up are invited beside the managers; an unknown email is a field error and writes nothing", async () => {
    const { admin, facilitator, cycle, sam, kim, lena, outsider } = await setUp();
    const input = {
      name: "With a peer",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle" as const,
      teamIds: [],
      blindPreRead: false,
    };
    const before = await db.calibrationSession.count();
    expect(
      await createSession(viewerOf(admin), { ...input, calibratorEmails: ["ghost@example.com"] }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        calibratorEmails: [
          {
            key: "calibration:errors.unknownCalibrators",
            values: { count: 1, emails: "ghost@example.com" },
          },
        ],
      },
    });
    // Someone in the population is not invited to calibrate the others.
    expect(
      await createSession(viewerOf(admin), { ...input, calibratorEmails: [lena.email] }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        calibratorEmails: [
          { key: "calibration:errors.calibratedNotCalibrators", values: { emails: lena.email } },
        ],
      },
    });
    expect(await db.calibrationSession.count()).toBe(before);
    const created = await createSession(viewerOf(admin), {
      ...input,
      calibratorEmails: [outsider.email, facilitator.email],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const calibrators = await db.calibrationCalibrator.findMany({
      where: { sessionId: created.sessionId },
      select: { userId: true },
    });
    // The facilitator runs the session; naming them as a calibrator as well adds nothing.
    expect(calibrators.map((row) => row.userId).sort()).toEqual(
      [sam.id, kim.id, outsider.id].sort(),
    );
    // A facilitator who manages some of the population still proposes for them.
    const bySam = await createSession(viewerOf(admin), { ...input, facilitatorEmail: sam.email });
    if (!bySam.ok) throw new Error(JSON.stringify(bySam.fieldErrors));
    expect(
      (
        await db.calibrationCalibrator.findMany({
          where: { sessionId: bySam.sessionId },
          select: { userId: true },
        })
      ).map((row) => row.userId),
    ).toContain(sam.id);
    expect((await listSessions(viewerOf(outsider))).map((session) => session.id)).toEqual([
      created.sessionId,
    ]);
  });

  test("a proposal points to evidence of the person's reviews, and only to that; the manager's draft is theirs alone until saved", async () => {
    const { sessionId, facilitator, sam, kim, lena, pia, entryOf } = await setUp();
    const reviewId = await startReview(sam.id, lena.id);
    const [first] = await competencyIds(reviewId);
    const added = await evidence(sam.id, reviewId, {
      intent: "add",
      competencyId: first!,
      text: "Led the checkout rewrite.",
    });
    expect(added.status).toBe(302);
    const saved = await save(
      sam.id,
      reviewId,
      added.body.revision ?? 0,
      (await competencyIds(reviewId)).map((id) => ({
        field: `rating:${id}`,
        value: 3,
        base: null,
      })),
    );
    expect((await submit(sam.id, reviewId, saved.body.revision)).status).toBe(302);
    // Evidence in someone else's review.
    const kimsReview = await startReview(kim.id, pia.id);
    const other = await evidence(kim.id, kimsReview, {
      intent: "add",
      competencyId: first!,
      text: "Pia's work.",
    });
    expect(other.status).toBe(302);
    await advanceSession(viewerOf(facilitator), sessionId, "proposals");

    const view = await entryView(viewerOf(sam), sessionId, entryOf(lena));
    expect(view.evidence.map((item) => [item.text, item.source])).toEqual([
      ["Led the checkout rewrite.", "manager review"],
    ]);
    const ours = view.evidence[0]!.id;
    // The list to choose from is the proposer's: the facilitator reads the proposal's own evidence, and is sent no other.
    expect((await entryView(viewerOf(facilitator), sessionId, entryOf(lena))).evidence).toEqual([]);
    const theirs = (await db.ratingEvidence.findFirstOrThrow({ where: { text: "Pia's work." } }))
      .id;

    // The draft: kept for Sam, seen by nobody else, no event, refused to anyone but the manager.
    await saveProposalDraft(viewerOf(sam), entryOf(lena), {
      rating: "3",
      text: "Half written",
      evidence: [ours],
    });
    expect((await entryView(viewerOf(sam), sessionId, entryOf(lena))).draft).toEqual({
      rating: "3",
      text: "Half written",
      evidence: [ours],
    });
    expect((await entryView(viewerOf(facilitator), sessionId, entryOf(lena))).draft).toBeNull();
    await expect(
      saveProposalDraft(viewerOf(kim), entryOf(lena), { rating: "1" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await entryHistory(viewerOf(sam), entryOf(lena))).toEqual([]);

    const proposal = { rating: 3, outcome: "stay" as const, text: "At the bar." };
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, evidence: [ours, theirs] }),
    ).toEqual({
      ok: false,
      fieldErrors: { evidence: ["calibration:errors.evidenceOfReviews"] },
    });
    expect(
      await saveProposal(viewerOf(sam), entryOf(lena), { ...proposal, evidence: [ours] }),
    ).toEqual({ ok: true });
    const after = await entryView(viewerOf(facilitator), sessionId, entryOf(lena));
    expect(after.entry.proposal?.evidence.map((item) => item.text)).toEqual([
      "Led the checkout rewrite.",
    ]);
    expect((await entryView(viewerOf(sam), sessionId, entryOf(lena))).draft).toBeNull();
    expect((await entryHistory(viewerOf(sam), entryOf(lena))).at(-1)?.change).toMatchObject({
      proposedEvidence: ["[]", JSON.stringify([ours])],
    });
  });
});
