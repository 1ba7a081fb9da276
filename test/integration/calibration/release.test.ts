import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { translatorOf } from "~/i18n/i18n.server";
import { createSession } from "~/modules/calibration/sessions.server";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "~/routes/calibration.$sessionId._index";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as homeLoader } from "~/routes/_index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Fay facilitates; Sam manages Lena (promoted) and Omar (stays), Kim manages Pia (stays). The session
 * is published with promotions taking effect today, so only the release stands between Lena and her
 * new level.
 */
async function publishedSession() {
  const admin = await createAdmin({ name: "Ada Admin" });
  const fay = await createPerson({ name: "Fay Facilitator", track: "manager", level: "m2" });
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
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [lena, omar, pia].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(
    { ...admin, isHiringAdmin: false },
    {
      name: "Spring calibration",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: fay.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
    },
  );
  if (!created.ok) throw new Error("no session");
  const { sessionId } = created;
  const path = `/calibration/${sessionId}`;
  const post = async (userId: string, fields: [string, string][]) =>
    call(async () =>
      sessionAction(
        routeArgs(
          await signedInRequest(path, userId, {
            method: "POST",
            body: new URLSearchParams(fields),
          }),
          { sessionId },
        ),
      ),
    );
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: { id: true, personId: true },
  });
  const entryOf = (person: { id: string }) =>
    entries.find((entry) => entry.personId === person.id)!.id;
  for (const to of ["proposals", "live"])
    expect(statusOf(await post(fay.id, [["to", to]]))).toBe(302);
  const outcome = (entryId: string, fields: Record<string, string>) =>
    db.calibrationEntry.update({
      where: { id: entryId },
      data: {
        finalRating: Number(fields.rating),
        finalOutcome: fields.outcome,
        finalLevelId: fields.levelId ?? null,
      },
    });
  await outcome(entryOf(lena), { rating: "4", outcome: "promote", levelId: "ic3" });
  await outcome(entryOf(omar), { rating: "3", outcome: "stay" });
  await outcome(entryOf(pia), { rating: "3", outcome: "stay" });
  expect(statusOf(await post(fay.id, [["to", "locked"]]))).toBe(302);
  expect(
    statusOf(
      await post(fay.id, [
        ["to", "published"],
        ["effectiveOn", today()],
      ]),
    ),
  ).toBe(302);
  const view = async (userId: string) =>
    bodyOf<{
      entries: { id: string; name: string; released: boolean | null; canRelease: boolean }[];
      toRelease: number;
    }>(await sessionLoader(routeArgs(await signedInRequest(path, userId), { sessionId })));
  return { admin, fay, sam, kim, lena, omar, pia, sessionId, path, post, entryOf, view };
}

const levelOf = async (person: { id: string }) =>
  (await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { level: true } })).level;

describe("releasing calibration outcomes", () => {
  test("a promotion published as due today does not reach the person until their manager releases it; then it takes effect at once", async () => {
    const { sam, lena, post, entryOf } = await publishedSession();
    expect(await levelOf(lena)).toBe("ic2");
    // What Lena reads before the release: her growth and home pages (and their .data) still say Engineer II, and no outcome.
    const growth = bodyOf<{ person: unknown; outcomes: unknown[] }>(
      await growthLoader(
        routeArgs(await signedInRequest(`/people/${lena.id}`, lena.id), { personId: lena.id }),
      ),
    );
    expect(growth.outcomes).toEqual([]);
    expect(JSON.stringify(growth)).not.toContain("Senior Engineer");
    const home = await homeLoader(routeArgs(await signedInRequest("/", lena.id)));
    expect(JSON.stringify(bodyOf(home))).not.toContain("Senior Engineer");
    expect(await db.levelChange.count({ where: { personId: lena.id } })).toBe(0);

    expect(
      statusOf(
        await post(sam.id, [
          ["intent", "release"],
          ["scope", "selected"],
          ["entryId", entryOf(lena)],
        ]),
      ),
    ).toBe(302);
    expect(await levelOf(lena)).toBe("ic3");
    const after = bodyOf<{ outcomes: { outcome: { key: string } }[] }>(
      await growthLoader(
        routeArgs(await signedInRequest(`/people/${lena.id}`, lena.id), { personId: lena.id }),
      ),
    );
    expect(after.outcomes).toHaveLength(1);
    expect(await db.levelChange.count({ where: { personId: lena.id, source: "promoted" } })).toBe(
      1,
    );
  });

  test("the publish step says in words that a promotion waits for its release", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const fay = await createPerson({ name: "Fay Facilitator" });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: fay.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "S",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: fay.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    await db.calibrationSession.update({
      where: { id: created.sessionId },
      data: { state: "locked" },
    });
    const page = bodyOf<{ next: { state: "published" } }>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${created.sessionId}`, fay.id), {
          sessionId: created.sessionId,
        }),
      ),
    );
    expect(page.next.state).toBe("published");
    // The page words the step it offers by its state.
    expect(translatorOf(undefined)(`calibration:consequence.${page.next.state}`)).toContain(
      "nobody's level changes before they have been told",
    );
  });

  test("the session page lists who has been told; a manager releases their own reports all at once, one event each", async () => {
    const { sam, kim, lena, omar, pia, sessionId, post, view } = await publishedSession();
    const samsView = await view(sam.id);
    expect(samsView.toRelease).toBe(2);
    expect(
      samsView.entries.map((entry) => [entry.name, entry.released, entry.canRelease]).sort(),
    ).toEqual([
      ["Lena Engineer", false, true],
      ["Omar Engineer", false, true],
      ["Pia Engineer", false, false],
    ]);
    const location = (await post(sam.id, [
      ["intent", "release"],
      ["scope", "all"],
    ])) as Response;
    expect(location.headers.get("Location")).toBe(`/calibration/${sessionId}?released=2`);
    const released = await db.calibrationEntry.findMany({
      where: { sessionId, released: true },
      select: { personId: true },
    });
    expect(released.map((row) => row.personId).sort()).toEqual([lena.id, omar.id].sort());
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "release" } })).toBe(2);
    expect((await view(sam.id)).toRelease).toBe(0);
    expect(
      (await view(sam.id)).entries.find((entry) => entry.name === "Lena Engineer"),
    ).toMatchObject({ released: true, canRelease: false });
    // Kim still has Pia to tell; releasing again is no change.
    expect((await view(kim.id)).toRelease).toBe(1);
    expect(
      (
        (await post(sam.id, [
          ["intent", "release"],
          ["scope", "all"],
        ])) as Response
      ).headers.get("Location"),
    ).toBe(`/calibration/${sessionId}?released=0`);
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "release" } })).toBe(2);
    expect(await db.calibrationEntry.count({ where: { personId: pia.id, released: true } })).toBe(
      0,
    );
  });

  test("before the session is published nobody is offered a release, nor releases one: not the manager, not the facilitator", async () => {
    const { fay, sam, lena, sessionId, post, entryOf, view } = await publishedSession();
    await db.calibrationSession.update({ where: { id: sessionId }, data: { state: "locked" } });
    const attempts: [{ id: string; name: string }, [string, string][]][] = [
      [sam, [["scope", "all"]]],
      [
        sam,
        [
          ["scope", "selected"],
          ["entryId", entryOf(lena)],
        ],
      ],
      [fay, [["scope", "all"]]],
    ];
    for (const [person, scope] of attempts) {
      const refused = await post(person.id, [["intent", "release"], ...scope]);
      expect([statusOf(refused), bodyOf<{ error: string }>(refused).error], person.name).toEqual([
        403,
        "Outcomes are released once the session is published.",
      ]);
    }
    expect(await db.calibrationEntry.count({ where: { sessionId, released: true } })).toBe(0);
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "release" } })).toBe(0);
    for (const person of [sam, fay]) {
      const seen = await view(person.id);
      expect(
        seen.entries.filter((entry) => entry.canRelease),
        person.name,
      ).toEqual([]);
      expect(seen.toRelease, person.name).toBe(0);
    }
  });

  test("ticking someone else's report releases nothing; an entry of another session is a 404; no ticks is a message", async () => {
    const { sam, kim, lena, pia, fay, sessionId, post, entryOf } = await publishedSession();
    const refused = await post(sam.id, [
      ["intent", "release"],
      ["scope", "selected"],
      ["entryId", entryOf(lena)],
      ["entryId", entryOf(pia)],
    ]);
    expect(statusOf(refused)).toBe(403);
    expect(await db.calibrationEntry.count({ where: { sessionId, released: true } })).toBe(0);
    expect(
      statusOf(
        await post(kim.id, [
          ["intent", "release"],
          ["scope", "selected"],
          ["entryId", "no-such-entry"],
        ]),
      ),
    ).toBe(404);
    const none = await post(sam.id, [
      ["intent", "release"],
      ["scope", "selected"],
    ]);
    expect(statusOf(none)).toBe(400);
    expect(bodyOf<{ error: string }>(none).error).toMatch(/tick them/);
    // The facilitator may release anyone's.
    expect(
      (
        (await post(fay.id, [
          ["intent", "release"],
          ["scope", "all"],
        ])) as Response
      ).headers.get("Location"),
    ).toBe(`/calibration/${sessionId}?released=3`);
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "release" } })).toBe(3);
  });
});
