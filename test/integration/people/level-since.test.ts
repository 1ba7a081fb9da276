import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import {
  advanceSession,
  applyDuePromotions,
  createSession,
  recordOutcome,
  releaseOutcome,
} from "~/modules/calibration/sessions.server";
import * as editRoute from "~/routes/admin.people.$personId";
import * as newRoute from "~/routes/admin.people.new";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/**
 * A person's level since (the day they reached their level before Rungs recorded it) as the person
 * form and a promotion applied after calibration set it (the CSV import and SCIM have their own
 * files). A change of level keeps the day it replaces on the change (fromSince) and clears it.
 */

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const today = () => new Date().toISOString().slice(0, 10);

type FormReply = { error?: Record<string, string[] | null> };

async function editAction(adminId: string, personId: string, fields: Record<string, string>) {
  return editRoute.action(
    routeArgs(
      await signedInPost(`/admin/people/${personId}`, adminId, { intent: "update", ...fields }),
      { personId },
    ),
  );
}

async function changesOf(personId: string) {
  return db.levelChange.findMany({
    where: { personId },
    orderBy: { id: "asc" },
    select: { fromLevelId: true, toLevelId: true, source: true, fromSince: true },
  });
}

async function levelSinceOf(personId: string) {
  return (
    await db.user.findUniqueOrThrow({ where: { id: personId }, select: { levelSince: true } })
  ).levelSince;
}

describe("the person form", () => {
  test("adding someone takes an optional day they reached their level; a day in the future is a field error and adds nobody", async () => {
    const admin = await createAdmin();
    const email = uniqueEmail("ana");
    const post = async (fields: Record<string, string>) =>
      newRoute.action(routeArgs(await signedInPost("/admin/people/new", admin.id, fields)));

    const future = await post({
      name: "Ana",
      email,
      track: "ic",
      level: "ic3",
      levelSince: "2999-01-01",
    });
    expect(statusOf(future)).toBe(400);
    expect(bodyOf<FormReply>(future).error?.levelSince).toEqual([
      "people:form.errors.levelSinceFuture",
    ]);
    const badDay = await post({
      name: "Ana",
      email,
      track: "ic",
      level: "ic3",
      levelSince: "2021-02-30",
    });
    expect(bodyOf<FormReply>(badDay).error?.levelSince).toEqual([
      "people:form.errors.levelSinceNotADay",
    ]);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const added = await post({
      name: "Ana",
      email,
      track: "ic",
      level: "ic3",
      levelSince: "2021-03-01",
    });
    expect(statusOf(added)).toBe(302);
    const ana = await db.user.findUniqueOrThrow({ where: { email } });
    expect(ana.levelSince).toEqual(day("2021-03-01"));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: ana.id, action: "person.created" },
    });
    expect(event.detail).toMatchObject({ level: "ic3", levelSince: "2021-03-01" });
  });

  test("the edit page shows the day; changing the level clears it, and the change keeps it as when the stay it ended began", async () => {
    const admin = await createAdmin();
    const person = await createPerson({ track: "ic", level: "ic3", levelSince: day("2021-03-01") });
    const loaded = await editRoute.loader(
      routeArgs(await signedInRequest(`/admin/people/${person.id}`, admin.id), {
        personId: person.id,
      }),
    );
    expect(loaded.person).toMatchObject({ levelSince: "2021-03-01", levelMovedAt: null });

    // The form sends the day back as it showed it: with a new level it is the old level's, so it goes.
    const promoted = await editAction(admin.id, person.id, {
      name: person.name,
      email: person.email,
      track: "ic",
      level: "ic4",
      levelSince: "2021-03-01",
    });
    expect(statusOf(promoted)).toBe(200);
    expect(await levelSinceOf(person.id)).toBeNull();
    expect(await changesOf(person.id)).toEqual([
      { fromLevelId: "ic3", toLevelId: "ic4", source: "edited", fromSince: day("2021-03-01") },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: person.id, action: "person.updated" },
    });
    expect(event.detail).toMatchObject({
      level: { from: "ic3", to: "ic4" },
      levelSince: { from: "2021-03-01", to: null },
    });
    const after = await editRoute.loader(
      routeArgs(await signedInRequest(`/admin/people/${person.id}`, admin.id), {
        personId: person.id,
      }),
    );
    expect(after.person).toMatchObject({ levelSince: null, levelMovedAt: expect.any(Date) });
  });

  test("a day before the change of level Rungs recorded is refused with the day of the change; the same day or a later one is kept, and an empty field clears it", async () => {
    const admin = await createAdmin();
    const person = await createPerson({ track: "ic", level: "ic3" });
    await editAction(admin.id, person.id, {
      name: person.name,
      email: person.email,
      track: "ic",
      level: "ic4",
    });
    const fields = { name: person.name, email: person.email, track: "ic", level: "ic4" };

    const before = await editAction(admin.id, person.id, { ...fields, levelSince: "2020-01-01" });
    expect(statusOf(before)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(before).result.error?.levelSince).toEqual([
      "This day is before the change of level Rungs recorded (its day is under the field): give that day or a later one, or leave this empty.",
    ]);
    expect(await levelSinceOf(person.id)).toBeNull();

    expect(
      statusOf(await editAction(admin.id, person.id, { ...fields, levelSince: today() })),
    ).toBe(200);
    expect(await levelSinceOf(person.id)).toEqual(day(today()));
    expect(statusOf(await editAction(admin.id, person.id, fields))).toBe(200);
    expect(await levelSinceOf(person.id)).toBeNull();
    // One move; each day given or cleared without one is recorded as learned of then, the day it replaced kept.
    expect(await changesOf(person.id)).toEqual([
      { fromLevelId: "ic3", toLevelId: "ic4", source: "edited", fromSince: null },
      { fromLevelId: "ic4", toLevelId: "ic4", source: "level-since", fromSince: null },
      { fromLevelId: "ic4", toLevelId: "ic4", source: "level-since", fromSince: day(today()) },
    ]);
    // A recorded day is no move: a day given later is measured against the move's day, not the record's.
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db.levelChange.updateMany({
      where: { personId: person.id, source: "edited" },
      data: { changedAt: daysAgo(10) },
    });
    await db.levelChange.updateMany({
      where: { personId: person.id, source: "level-since" },
      data: { changedAt: daysAgo(1) },
    });
    const between = daysAgo(5).toISOString().slice(0, 10);
    expect(
      statusOf(await editAction(admin.id, person.id, { ...fields, levelSince: between })),
    ).toBe(200);
    expect(await levelSinceOf(person.id)).toEqual(day(between));
  });
});

describe("a promotion applied after calibration", () => {
  test("clears the person's level since, and the change keeps it", async () => {
    const admin = await createAdmin();
    const viewer = (person: {
      id: string;
      name: string;
      email: string;
      isAdmin: boolean;
    }): Viewer => ({ ...person, isHiringAdmin: false });
    const facilitator = await createPerson({ track: "manager", level: "m2" });
    const manager = await createPerson({ track: "manager", level: "m1" });
    const lena = await createPerson({
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      levelSince: day("2020-02-01"),
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const created = await createSession(viewer(admin), {
      name: "Spring calibration",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
      scaleId: null,
      secondDimension: null,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const entry = await db.calibrationEntry.findFirstOrThrow({
      where: { sessionId: created.sessionId, personId: lena.id },
      select: { id: true },
    });
    for (const state of ["proposals", "live"])
      await advanceSession(viewer(facilitator), created.sessionId, state);
    await recordOutcome(viewer(facilitator), entry.id, {
      rating: 4,
      outcome: "promote",
      levelId: "ic3",
      text: "Ready.",
      revision: 0,
    });
    await advanceSession(viewer(facilitator), created.sessionId, "locked");
    const on = new Date("2026-07-01T08:00:00Z");
    await advanceSession(viewer(facilitator), created.sessionId, "published", {
      effectiveOn: new Date("2026-07-01T00:00:00Z"),
      now: on,
    });
    await releaseOutcome(viewer(manager), entry.id, undefined, on);
    expect(await applyDuePromotions(on)).toBe(0);

    expect(
      await db.user.findUniqueOrThrow({
        where: { id: lena.id },
        select: { level: true, levelSince: true },
      }),
    ).toEqual({ level: "ic3", levelSince: null });
    expect(await changesOf(lena.id)).toEqual([
      { fromLevelId: "ic2", toLevelId: "ic3", source: "promoted", fromSince: day("2020-02-01") },
    ]);
  });
});
