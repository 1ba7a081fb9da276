// Calibration's to-dos on the home page, through its loader, from the calibration module's own write paths.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import {
  advanceSession,
  createSession,
  recordOutcome,
  releaseOutcome,
  savePreRead,
  saveProposal,
} from "~/modules/calibration/sessions.server";
import { loader as homeLoader } from "~/routes/_index";
import { createAdmin, createPerson } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { inEnglish } from "../../utils/todo-words";

const as = (person: { id: string; name: string; email: string; isAdmin: boolean }): Viewer => ({
  ...person,
  isHiringAdmin: false,
});

/** The person's calibration to-dos as their home page lists them: kind, title, detail, link, due. */
async function calibrationTodo(personId: string) {
  const page = await homeLoader(routeArgs(await signedInRequest("/", personId)));
  return page.todo
    .filter((item) => item.kind.startsWith("calibration"))
    .map((item) => ({
      key: item.key,
      kind: item.kind,
      title: inEnglish(item).title,
      detail: inEnglish(item).detail,
      href: item.href,
      due: item.due,
    }));
}

/**
 * Two managers of three engineers, all in one cycle, a peer calibrator invited beside them and a
 * facilitator; the session has a blind pre-read. With `facilitatorCalibrated`, the facilitator is
 * in the cycle too, reporting to Sam.
 */
async function setUp(options: { facilitatorCalibrated?: boolean } = {}) {
  const admin = await createAdmin({ name: "Ada Admin" });
  const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const kim = await createPerson({ name: "Kim Manager", track: "manager", level: "m1" });
  const facilitator = await createPerson({
    name: "Fay Facilitator",
    track: "manager",
    level: "m1",
    ...(options.facilitatorCalibrated ? { managerId: sam.id } : {}),
  });
  const pete = await createPerson({ name: "Pete Peer", track: "manager", level: "m1" });
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
  const inCycle = [lena, omar, pia, ...(options.facilitatorCalibrated ? [facilitator] : [])];
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Spring ${lena.id}`,
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: inCycle.map((person) => ({ userId: person.id })) },
    },
  });
  const created = await createSession(as(admin), {
    name: "Spring calibration",
    cycleId: cycle.id,
    ladderId: "engineering",
    facilitatorEmail: facilitator.email,
    population: "cycle",
    teamIds: [],
    blindPreRead: true,
    calibratorEmails: [pete.email],
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const { sessionId } = created;
  const entryOf = async (person: { id: string }) =>
    (
      await db.calibrationEntry.findUniqueOrThrow({
        where: { sessionId_personId: { sessionId, personId: person.id } },
        select: { id: true },
      })
    ).id;
  const moveTo = async (...states: string[]) => {
    for (const state of states) await advanceSession(as(facilitator), sessionId, state);
  };
  return { admin, sam, kim, facilitator, pete, lena, omar, pia, sessionId, entryOf, moveTo };
}

/** The facilitator (or an admin, for `who`) records "stay at 3" for each of these people. */
async function recordStay(viewer: Viewer, entryIds: string[]) {
  for (const id of entryIds) {
    const { revision, proposedRating } = await db.calibrationEntry.findUniqueOrThrow({
      where: { id },
      select: { revision: true, proposedRating: true },
    });
    const result = await recordOutcome(viewer, id, {
      rating: 3,
      outcome: "stay",
      text: proposedRating === 3 ? "" : "Calibrated.",
      revision,
    });
    expect(result).toEqual({ ok: true });
  }
}

describe("calibration on the home page", () => {
  test("a blind pre-read asks every calibrator for their own ratings of others' reports, and a live session for their marks; each goes once given", async () => {
    const { sam, kim, pete, lena, omar, pia, sessionId, entryOf, moveTo } = await setUp();
    await moveTo("proposals");
    // The invited peer has no reports: nothing to propose, nothing yet to read.
    expect(await calibrationTodo(pete.id)).toEqual([]);
    for (const [manager, person] of [
      [sam, lena],
      [sam, omar],
      [kim, pia],
    ] as const) {
      await saveProposal(as(manager), await entryOf(person), {
        rating: 3,
        outcome: "stay",
        text: "",
      });
    }
    await moveTo("preread");
    expect(await calibrationTodo(pete.id)).toEqual([
      {
        key: `calibration-preread:${sessionId}`,
        kind: "calibration-preread",
        title: "Give your pre-read ratings for Spring calibration",
        detail:
          "Blind pre-read: 3 of 3 people not rated by you yet. Proposals stay hidden until the session goes live.",
        href: `/calibration/${sessionId}`,
        due: null,
      },
    ]);
    // A manager reads the others' reports, never their own.
    expect((await calibrationTodo(kim.id)).map((item) => [item.kind, item.detail])).toEqual([
      [
        "calibration-preread",
        "Blind pre-read: 2 of 2 people not rated by you yet. Proposals stay hidden until the session goes live.",
      ],
    ]);
    await savePreRead(as(pete), await entryOf(lena), { rating: 3 });
    await savePreRead(as(pete), await entryOf(omar), { rating: 2 });
    expect((await calibrationTodo(pete.id)).map((item) => item.detail)).toEqual([
      "Blind pre-read: 1 of 3 people not rated by you yet. Proposals stay hidden until the session goes live.",
    ]);
    await savePreRead(as(pete), await entryOf(pia), { rating: 4 });
    expect(await calibrationTodo(pete.id)).toEqual([]);

    await moveTo("live");
    expect(
      (await calibrationTodo(pete.id)).map((item) => [item.key, item.title, item.detail]),
    ).toEqual([
      [
        `calibration-marks:${sessionId}`,
        "Mark the proposals in Spring calibration",
        "3 of 3 proposals without your mark: agree, question it, or no view.",
      ],
    ]);
    expect((await calibrationTodo(sam.id)).map((item) => [item.kind, item.detail])).toEqual([
      ["calibration-marks", "1 of 1 proposal without your mark: agree, question it, or no view."],
    ]);
    for (const person of [lena, omar, pia])
      await savePreRead(as(pete), await entryOf(person), { mark: "agree" });
    expect(await calibrationTodo(pete.id)).toEqual([]);
  });

  test("once published, each manager is asked to release their reports' outcomes (due the day promotions take effect), the facilitator those of people with no manager; each goes once released", async () => {
    const { sam, kim, facilitator, pete, lena, omar, pia, sessionId, entryOf, moveTo } =
      await setUp();
    await moveTo("proposals", "preread", "live");
    await recordStay(as(facilitator), [
      await entryOf(lena),
      await entryOf(omar),
      await entryOf(pia),
    ]);
    await moveTo("locked");
    expect(
      (await calibrationTodo(sam.id)).filter((item) => item.kind === "calibration-release"),
    ).toEqual([]);
    // Pia's manager left before the session was published: hers is the facilitator's to release.
    await db.calibrationEntry.update({
      where: { id: await entryOf(pia) },
      data: { managerId: null },
    });
    await moveTo("published");
    const effectiveOn = new Date("2027-01-04T00:00:00Z");
    await db.calibrationSession.update({
      where: { id: sessionId },
      data: { promotionsEffectiveOn: effectiveOn },
    });
    expect(await calibrationTodo(sam.id)).toEqual([
      {
        key: `calibration-release:${sessionId}`,
        kind: "calibration-release",
        title: "Release outcomes of Spring calibration",
        detail: "The session is published. 2 people have not been shown their outcome yet.",
        href: `/calibration/${sessionId}`,
        due: effectiveOn,
      },
    ]);
    expect(await calibrationTodo(kim.id)).toEqual([]);
    expect(await calibrationTodo(pete.id)).toEqual([]);
    expect((await calibrationTodo(facilitator.id)).map((item) => [item.kind, item.detail])).toEqual(
      [
        [
          "calibration-release",
          "The session is published. 1 person has not been shown their outcome yet.",
        ],
      ],
    );

    await releaseOutcome(as(sam), await entryOf(lena));
    expect((await calibrationTodo(sam.id)).map((item) => item.detail)).toEqual([
      "The session is published. 1 person has not been shown their outcome yet.",
    ]);
    await releaseOutcome(as(sam), await entryOf(omar));
    expect(await calibrationTodo(sam.id)).toEqual([]);
    await releaseOutcome(as(facilitator), await entryOf(pia));
    expect(await calibrationTodo(facilitator.id)).toEqual([]);
  });

  test("a facilitator calibrated in their own session leaves their outcome to an admin, who is asked for it while the session is live", async () => {
    const { admin, facilitator, lena, omar, pia, sessionId, entryOf, moveTo } = await setUp({
      facilitatorCalibrated: true,
    });
    await moveTo("proposals", "preread", "live");
    await recordStay(as(facilitator), [
      await entryOf(lena),
      await entryOf(omar),
      await entryOf(pia),
    ]);
    expect(await calibrationTodo(admin.id)).toEqual([
      {
        key: `calibration-outcomes:${sessionId}`,
        kind: "calibration-outcomes",
        title: "Record outcomes in Spring calibration",
        detail:
          "1 person has no final outcome and is the facilitator or one of their managers: an admin records it, or the session cannot be locked.",
        href: `/calibration/${sessionId}`,
        due: null,
      },
    ]);
    await recordStay(as(admin), [await entryOf(facilitator)]);
    expect(await calibrationTodo(admin.id)).toEqual([]);
  });
});
