import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { meetingView } from "~/modules/calibration/meeting-mode.server";
import { createSession } from "~/modules/calibration/sessions.server";
import {
  action as entryAction,
  loader as entryLoader,
} from "~/routes/calibration.$sessionId.entries.$entryId";
import {
  action as meetingAction,
  loader as meetingLoader,
} from "~/routes/calibration.$sessionId.meeting";
import { action as sessionAction } from "~/routes/calibration.$sessionId._index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { inEnglishWords } from "../../utils/english";
import type { Message } from "~/i18n/messages";

async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

async function post(url: string, userId: string, fields: [string, string][]) {
  return signedInRequest(url, userId, { method: "POST", body: new URLSearchParams(fields) });
}

type Meeting = {
  canRun: boolean;
  current: { id: string; name: string; notes: string; position: number | null; ms: number } | null;
  discussingWithheld: boolean;
  previous: { id: string; name: string } | null;
  next: { id: string; name: string } | null;
  resuming: boolean;
  discussed: { id: string; name: string; ms: number; open: boolean }[];
  totalMs: number;
};

/**
 * Sam facilitates a session over Mia's organisation, in which he is calibrated himself (under Mia);
 * Kim calibrates. Lena's proposal is a promotion (near a boundary: first on the agenda), then the
 * others by name.
 */
async function setUp(name = "Meeting calibration") {
  const admin = await createAdmin({ name: "Ada Admin" });
  const mia = await createPerson({ name: "Mia Director", track: "manager", level: "m2" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
  const kim = await createPerson({
    name: "Kim Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
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
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [sam, lena, omar, pia].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(
    { ...admin, isHiringAdmin: false },
    {
      name,
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: sam.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
    },
  );
  if (!created.ok) throw new Error("no session");
  const { sessionId } = created;
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: { id: true, personId: true },
  });
  const entryOf = (person: { id: string }) =>
    entries.find((entry) => entry.personId === person.id)!.id;
  const sessionPath = `/calibration/${sessionId}`;
  const meetingPath = `${sessionPath}/meeting`;
  const move = async (to: string) =>
    expect(
      statusOf(
        await call(async () =>
          sessionAction(routeArgs(await post(sessionPath, sam.id, [["to", to]]), { sessionId })),
        ),
      ),
    ).toBe(302);
  const propose = async (managerId: string, person: { id: string }, fields: [string, string][]) =>
    statusOf(
      await call(async () =>
        entryAction(
          routeArgs(
            await post(`${sessionPath}/entries/${entryOf(person)}`, managerId, [
              ["intent", "propose"],
              ...fields,
            ]),
            { sessionId, entryId: entryOf(person) },
          ),
        ),
      ),
    );
  const meetingPost = async (actorId: string, fields: [string, string][]) =>
    call(async () =>
      meetingAction(routeArgs(await post(meetingPath, actorId, fields), { sessionId })),
    );
  const meeting = async (viewerId: string) =>
    bodyOf<Meeting>(
      await meetingLoader(routeArgs(await signedInRequest(meetingPath, viewerId), { sessionId })),
    );
  const events = (kind?: string) =>
    db.calibrationEvent.count({ where: { sessionId, ...(kind ? { kind } : {}) } });
  await move("proposals");
  expect(
    await propose(sam.id, lena, [
      ["rating", "3"],
      ["outcome", "promote"],
      ["levelId", "ic3"],
      ["text", "Ready."],
    ]),
  ).toBe(302);
  expect(
    await propose(sam.id, omar, [
      ["rating", "3"],
      ["outcome", "stay"],
      ["text", "Steady."],
    ]),
  ).toBe(302);
  expect(
    await propose(kim.id, pia, [
      ["rating", "3"],
      ["outcome", "stay"],
      ["text", "Steady."],
    ]),
  ).toBe(302);
  expect(
    await propose(mia.id, sam, [
      ["rating", "3"],
      ["outcome", "stay"],
      ["text", "Steady."],
    ]),
  ).toBe(302);
  await move("live");
  return {
    admin,
    mia,
    sam,
    kim,
    lena,
    omar,
    pia,
    sessionId,
    sessionPath,
    meetingPath,
    entryOf,
    move,
    meetingPost,
    meeting,
    events,
  };
}

describe("meeting mode", () => {
  test("the facilitator steps through the agenda; each step is an event with the server's time, and the time per person is read from them", async () => {
    const {
      sam,
      kim,
      lena,
      omar,
      pia,
      entryOf,
      meetingPost,
      meeting,
      events,
      meetingPath,
      sessionId,
    } = await setUp();
    const start = await meeting(sam.id);
    expect(start).toMatchObject({
      canRun: true,
      current: null,
      next: { id: entryOf(lena), name: "Lena Engineer" },
      resuming: false,
      discussed: [],
    });

    expect(
      (
        (await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ])) as Response
      ).headers.get("Location"),
    ).toBe(meetingPath);
    // Opening the person already open writes nothing.
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    expect(await events("discuss")).toBe(1);
    const onLena = await meeting(sam.id);
    expect(onLena.current).toMatchObject({
      id: entryOf(lena),
      name: "Lena Engineer",
      position: 1,
      notes: "",
    });
    expect(onLena.previous).toBeNull();
    expect(onLena.next).toEqual({ id: entryOf(omar), name: "Omar Engineer" });
    // Kim follows along: the same person, without the controls.
    expect(await meeting(kim.id)).toMatchObject({ canRun: false, current: { id: entryOf(lena) } });

    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(omar)],
        ]),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(pia)],
        ]),
      ),
    ).toBe(302);
    const onPia = await meeting(sam.id);
    expect(onPia.previous).toEqual({ id: entryOf(omar), name: "Omar Engineer" });
    expect(onPia.next).toBeNull();
    expect(onPia.discussed.map((entry) => [entry.name, entry.open])).toEqual([
      ["Lena Engineer", false],
      ["Omar Engineer", false],
      ["Pia Engineer", true],
    ]);

    // Ending the discussion stops the clock: a minute and a half later, Pia's time is what it was at the end.
    expect(statusOf(await meetingPost(sam.id, [["intent", "end"]]))).toBe(302);
    expect(statusOf(await meetingPost(sam.id, [["intent", "end"]]))).toBe(302);
    expect(await events("discuss")).toBe(4);
    const steps = await db.calibrationEvent.findMany({
      where: { sessionId, kind: "discuss" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true },
    });
    const ms = (from: number, to: number) =>
      steps[to]!.createdAt.getTime() - steps[from]!.createdAt.getTime();
    const later = new Date(steps[3]!.createdAt.getTime() + 90_000);
    const ended = await meetingView(
      { ...sam, isAdmin: false, isHiringAdmin: false },
      sessionId,
      later,
    );
    expect(ended.discussed.map((entry) => entry.ms)).toEqual([ms(0, 1), ms(1, 2), ms(2, 3)]);
    expect(ended.totalMs).toBe(ms(0, 3));
    expect(ended).toMatchObject({ current: null, resuming: true, next: null });
    // Open again, the person under discussion counts up to now.
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    const reopened = await db.calibrationEvent.findFirstOrThrow({
      where: { sessionId, kind: "discuss" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const running = await meetingView(
      { ...sam, isAdmin: false, isHiringAdmin: false },
      sessionId,
      new Date(reopened.createdAt.getTime() + 125_000),
    );
    expect(running.current?.ms).toBe(125_000 + ms(0, 1));
  });

  test("the discussion notes are saved as typed and by the button; each change is an event of the person's history, an unchanged save none", async () => {
    const {
      sam,
      lena,
      entryOf,
      meetingPost,
      meeting,
      events,
      meetingPath,
      sessionPath,
      sessionId,
    } = await setUp();
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    const kept = await meetingPost(sam.id, [
      ["intent", "notes-autosave"],
      ["entryId", entryOf(lena)],
      ["notes", "Strong design work."],
    ]);
    expect(statusOf(kept)).toBe(200);
    expect(bodyOf<{ savedAt: string }>(kept).savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const saved = (await meetingPost(sam.id, [
      ["intent", "notes"],
      ["entryId", entryOf(lena)],
      ["notes", "Strong design work.\r\nRevisit scope in spring. "],
    ])) as Response;
    expect(saved.headers.get("Location")).toBe(`${meetingPath}?saved=notes`);
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "notes-autosave"],
          ["entryId", entryOf(lena)],
          ["notes", "Strong design work.\nRevisit scope in spring."],
        ]),
      ),
    ).toBe(200);
    expect(await events("notes")).toBe(2);
    expect((await meeting(sam.id)).current?.notes).toBe(
      "Strong design work.\nRevisit scope in spring.",
    );
    // Too long: said, nothing kept.
    const tooLong = await meetingPost(sam.id, [
      ["intent", "notes"],
      ["entryId", entryOf(lena)],
      ["notes", "x".repeat(5001)],
    ]);
    expect(statusOf(tooLong)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(tooLong).result.error.notes,
    ).toEqual(["calibration:errors.notesTooLong"]);
    expect(await events("notes")).toBe(2);

    const page = bodyOf<{ history: { lines: Message[] }[] }>(
      await entryLoader(
        routeArgs(await signedInRequest(`${sessionPath}/entries/${entryOf(lena)}`, sam.id), {
          sessionId,
          entryId: entryOf(lena),
        }),
      ),
    );
    // The meeting's steps are not the person's history; the notes are.
    expect(
      page.history.map((event) => event.lines.map(inEnglishWords).join("; ")).slice(1),
    ).toEqual([
      "meeting notes “Strong design work.”",
      "meeting notes “Strong design work.” → “Strong design work.\nRevisit scope in spring.”",
    ]);
  });

  test("notes kept as typed are refused with each refusal's own status, said beside the notes: 403, 404, 400", async () => {
    const { sam, kim, lena, pia, entryOf, meetingPost, events } = await setUp();
    const other = await setUp("Another meeting");
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    const before = await events("notes");
    const notFacilitating = await meetingPost(kim.id, [
      ["intent", "notes-autosave"],
      ["entryId", entryOf(pia)],
      ["notes", "Mine."],
    ]);
    expect(statusOf(notFacilitating)).toBe(403);
    expect(bodyOf(notFacilitating)).toMatchObject({
      intent: "notes-autosave",
      kind: "forbidden",
      error: "Only the facilitator runs the meeting.",
    });
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "notes-autosave"],
          ["entryId", other.entryOf(other.lena)],
          ["notes", "Elsewhere."],
        ]),
      ),
    ).toBe(404);
    const tooLong = await meetingPost(sam.id, [
      ["intent", "notes-autosave"],
      ["entryId", entryOf(lena)],
      ["notes", "x".repeat(5001)],
    ]);
    expect(statusOf(tooLong)).toBe(400);
    expect(bodyOf(tooLong)).toMatchObject({
      intent: "notes-autosave",
      error: "The notes are too long: shorten them.",
    });
    expect(await events("notes")).toBe(before);
  });

  test("a calibrator who does not facilitate gets 403; another session's entry is a 404; someone calibrated beside sees no name; a locked session refuses and its lock ends the discussion", async () => {
    const { admin, sam, kim, lena, pia, entryOf, meetingPost, meeting, events, move, sessionId } =
      await setUp();
    const other = await setUp("Another meeting");
    const before = await events();
    expect(
      statusOf(
        await meetingPost(kim.id, [
          ["intent", "open"],
          ["entryId", entryOf(pia)],
        ]),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await meetingPost(kim.id, [
          ["intent", "notes"],
          ["entryId", entryOf(pia)],
          ["notes", "Mine."],
        ]),
      ),
    ).toBe(403);
    expect(statusOf(await meetingPost(kim.id, [["intent", "end"]]))).toBe(403);
    // An admin may run any session's meeting, but not with an entry of another session.
    expect(
      statusOf(
        await meetingPost(admin.id, [
          ["intent", "open"],
          ["entryId", other.entryOf(other.lena)],
        ]),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await meetingPost(admin.id, [
          ["intent", "notes"],
          ["entryId", other.entryOf(other.lena)],
          ["notes", "Elsewhere."],
        ]),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", "no-such-entry"],
        ]),
      ),
    ).toBe(404);
    // Sam's own entry is calibrated without him: he cannot open it, and when an admin does, he sees no name and no time for it.
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(sam)],
        ]),
      ),
    ).toBe(404);
    expect(await events()).toBe(before);
    expect(
      statusOf(
        await meetingPost(admin.id, [
          ["intent", "open"],
          ["entryId", entryOf(sam)],
        ]),
      ),
    ).toBe(302);
    const beside = await meeting(sam.id);
    expect(beside).toMatchObject({
      current: null,
      discussingWithheld: true,
      discussed: [],
      totalMs: 0,
    });
    expect(JSON.stringify(beside)).not.toContain("Sam Manager");

    // Every outcome recorded and the session locked: the discussion ends, and nobody steps or writes notes any more.
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    await db.calibrationEntry.updateMany({
      where: { sessionId },
      data: { finalRating: 3, finalOutcome: "stay" },
    });
    await move("locked");
    const locked = await events();
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "open"],
          ["entryId", entryOf(pia)],
        ]),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await meetingPost(sam.id, [
          ["intent", "notes"],
          ["entryId", entryOf(lena)],
          ["notes", "Late."],
        ]),
      ),
    ).toBe(403);
    expect(await events()).toBe(locked);
    expect(await meeting(sam.id)).toMatchObject({ canRun: false, current: null });
  });
});
