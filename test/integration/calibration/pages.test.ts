import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createSession } from "~/modules/calibration/sessions.server";
import {
  action as entryAction,
  loader as entryLoader,
} from "~/routes/calibration.$sessionId.entries.$entryId";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "~/routes/calibration.$sessionId._index";
import { loader as listLoader } from "~/routes/calibration._index";
import { loader as rootLoader } from "~/root";
import { loader as exportLoader } from "~/routes/calibration.$sessionId.export";
import { loader as eventsLoader } from "~/routes/calibration.$sessionId.events";
import { action as logoutAction } from "~/routes/logout";
import { announceSessionChange } from "~/modules/calibration/live.server";
import { loader as fairnessLoader } from "~/routes/calibration.$sessionId.fairness";
import { loader as filterOptionsLoader } from "~/routes/calibration.$sessionId.filter-options";
import { action as newAction } from "~/routes/calibration.new";
import { loader as assessmentLoader } from "~/routes/assessments.$assessmentId";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { formatsFor } from "~/i18n/format";
import { localDateTimeValue } from "~/modules/time-zones";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { inEnglishWords, inWordsOf } from "../../utils/english";

async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

async function setUp() {
  const admin = await createAdmin({ name: "Ada Admin" });
  const facilitator = await createPerson({ name: "Fay Facilitator" });
  const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
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
  const stranger = await createPerson({ name: "Stranger", track: "ic", level: "ic2" });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [lena, omar].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(
    { ...admin, isHiringAdmin: false },
    {
      name: "Spring calibration",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
    },
  );
  if (!created.ok) throw new Error("no session");
  const entry = await db.calibrationEntry.findFirstOrThrow({
    where: { sessionId: created.sessionId, personId: lena.id },
  });
  return {
    admin,
    facilitator,
    sam,
    lena,
    omar,
    stranger,
    cycle,
    sessionId: created.sessionId,
    entryId: entry.id,
  };
}

describe("calibration pages", () => {
  test("an admin sets up a session through the form; a missing field is a 400 that keeps what was typed, and writes nothing", async () => {
    const { admin, cycle, facilitator } = await setUp();
    const before = await db.calibrationSession.count();
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost("/calibration/new", admin.id, {
            name: "Autumn",
            cycleId: cycle.id,
            ladderId: "engineering",
            population: "cycle",
            facilitatorEmail: "",
          }),
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ initialValue: Record<string, string> }>(refused).initialValue).toMatchObject({
      name: "Autumn",
    });
    expect(await db.calibrationSession.count()).toBe(before);
    const made = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost("/calibration/new", admin.id, {
            name: "Autumn",
            cycleId: cycle.id,
            ladderId: "engineering",
            population: "cycle",
            facilitatorEmail: facilitator.email,
          }),
        ),
      ),
    );
    expect(statusOf(made)).toBe(302);
    expect((made as Response).headers.get("Location")).toMatch(/^\/calibration\/[a-z0-9]+$/);
    // Only admins set up sessions: the list offers it to them alone, and the service refuses anyone else, whatever page asked.
    const canCreate = async (personId: string) =>
      bodyOf<{ canCreate: boolean }>(
        await listLoader(routeArgs(await signedInRequest("/calibration", personId))),
      ).canCreate;
    expect([await canCreate(admin.id), await canCreate(facilitator.id)]).toEqual([true, false]);
    const sessions = await db.calibrationSession.count();
    await expect(
      createSession(
        { ...facilitator, isHiringAdmin: false },
        {
          name: "By a non-admin",
          cycleId: cycle.id,
          ladderId: "engineering",
          facilitatorEmail: facilitator.email,
          population: "cycle",
          teamIds: [],
          blindPreRead: false,
        },
      ),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.calibrationSession.count()).toBe(sessions);
    // A due day for proposals is a real date or nothing; it is kept on the session.
    const badDay = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost("/calibration/new", admin.id, {
            name: "Winter",
            cycleId: cycle.id,
            ladderId: "engineering",
            population: "cycle",
            facilitatorEmail: facilitator.email,
            proposalsDueOn: "2026-02-30",
          }),
        ),
      ),
    );
    expect(statusOf(badDay)).toBe(400);
    const dated = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost("/calibration/new", admin.id, {
            name: "Winter",
            cycleId: cycle.id,
            ladderId: "engineering",
            population: "cycle",
            facilitatorEmail: facilitator.email,
            proposalsDueOn: "2026-12-04",
          }),
        ),
      ),
    );
    const sessionId = (dated as Response).headers.get("Location")!.split("/").pop()!;
    expect(
      (
        await db.calibrationSession.findUniqueOrThrow({ where: { id: sessionId } })
      ).proposalsDueOn?.toISOString(),
    ).toBe("2026-12-04T00:00:00.000Z");
  });

  test("people outside a session get a 404 on its page, its entries and its actions; engineers see no sessions listed", async () => {
    const { stranger, lena, sessionId, entryId } = await setUp();
    for (const person of [stranger, lena]) {
      expect(
        statusOf(
          await call(async () =>
            sessionLoader(
              routeArgs(await signedInRequest(`/calibration/${sessionId}`, person.id), {
                sessionId,
              }),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await call(async () =>
            entryLoader(
              routeArgs(
                await signedInRequest(`/calibration/${sessionId}/entries/${entryId}`, person.id),
                { sessionId, entryId },
              ),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await call(async () =>
            sessionAction(
              routeArgs(
                await signedInPost(`/calibration/${sessionId}`, person.id, { to: "proposals" }),
                { sessionId },
              ),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await call(async () =>
            entryAction(
              routeArgs(
                await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, person.id, {
                  intent: "propose",
                  rating: "3",
                  outcome: "stay",
                  text: "",
                }),
                { sessionId, entryId },
              ),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        bodyOf<{ sessions: unknown[] }>(
          await listLoader(routeArgs(await signedInRequest("/calibration", person.id))),
        ).sessions,
      ).toEqual([]);
      expect(
        statusOf(
          await call(async () =>
            eventsLoader(
              routeArgs(await signedInRequest(`/calibration/${sessionId}/events`, person.id), {
                sessionId,
              }),
            ),
          ),
        ),
      ).toBe(404);
    }
  });

  test("an entry reached through another session's address is a 404, for reading and writing", async () => {
    const { sam, sessionId, entryId, facilitator, admin, cycle } = await setUp();
    const other = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Other",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: facilitator.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!other.ok) throw new Error("no session");
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    const wrong = { sessionId: other.sessionId, entryId };
    expect(
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(`/calibration/${other.sessionId}/entries/${entryId}`, sam.id),
              wrong,
            ),
          ),
        ),
      ),
    ).toBe(404);
    const post = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${other.sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "stay",
            text: "",
          }),
          wrong,
        ),
      ),
    );
    expect(statusOf(post)).toBe(404);
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryId } })).proposedRating,
    ).toBeNull();
  });

  test("while the facilitator sets the session up, its entries open to the facilitator and admins, and to a calibrator only for their own reports; once proposals open, to every calibrator", async () => {
    const { admin, facilitator, sam, lena, cycle } = await setUp();
    const mo = await createPerson({ name: "Mo Manager", track: "manager", level: "m1" });
    const rita = await createPerson({
      name: "Rita Engineer",
      track: "ic",
      level: "ic2",
      managerId: mo.id,
    });
    await db.reviewCycleParticipant.create({ data: { cycleId: cycle.id, userId: rita.id } });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring, all teams",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: facilitator.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    const { sessionId } = created;
    const { id: entryId } = await db.calibrationEntry.findFirstOrThrow({
      where: { sessionId, personId: lena.id },
    });
    const open = async (userId: string) =>
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(`/calibration/${sessionId}/entries/${entryId}`, userId),
              { sessionId, entryId },
            ),
          ),
        ),
      );
    for (const person of [facilitator, admin, sam])
      expect(await open(person.id), person.name).toBe(200);
    expect(await open(mo.id)).toBe(404);
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    expect(
      (await db.calibrationSession.findUniqueOrThrow({ where: { id: sessionId } })).state,
    ).toBe("proposals");
    expect(await open(mo.id)).toBe(200);
  });

  test("the manager proposes through the entry page; the session page shows it to the facilitator in agenda order, and to other calibrators only once live", async () => {
    const { sam, facilitator, sessionId, entryId, lena, omar } = await setUp();
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    const bad = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "promote",
            levelId: "",
            text: "Ready",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(
      bodyOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(bad),
    ).toMatchObject({
      fieldErrors: { levelId: ["calibration:errors.promoteLevel"] },
      values: { text: "Ready" },
    });
    const saved = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "promote",
            levelId: "ic3",
            text: "Ready",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    expect(statusOf(saved)).toBe(302);
    const view = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, facilitator.id), {
          sessionId,
        }),
      ),
    );
    // Lena's proposed promotion puts her near a boundary: before Omar, who has no proposal yet.
    expect(view.entries.map((entry) => [entry.name, entry.proposal?.rating ?? null])).toEqual([
      [lena.name, 3],
      [omar.name, null],
    ]);
    // A row carries what it shows: no person's, manager's or review's id, nor the order's reasons.
    expect(Object.keys(view.entries[0]!).sort()).toEqual([
      "canPropose",
      "canRelease",
      "final",
      "flags",
      "id",
      "manager",
      "name",
      "place",
      "preRead",
      "proposal",
      "released",
    ]);
    expect(Object.keys(view.entries[0]!.proposal!).sort()).toEqual([
      "levelTitle",
      "outcome",
      "rating",
    ]);
    expect(view.next).toEqual({ state: "live" });
    expect(view.pagination).toEqual({ page: 1, pages: 1, shown: 2, from: 1, to: 2 });
    // A page past the end shows the last page.
    const past = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}?page=99`, facilitator.id), {
          sessionId,
        }),
      ),
    );
    expect([past.pagination.page, past.entries.length]).toEqual([1, 2]);
    const samView = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, sam.id), { sessionId }),
      ),
    );
    expect(samView.next).toBeNull();
    expect(samView.entries.find((entry) => entry.name === lena.name)!.proposal?.rating).toBe(3);
  });

  test("team and manager filters are typed names, matched whatever their case, with suggestions from the session for its viewers only; a name nobody has is said and filters nothing", async () => {
    const { admin, facilitator, stranger, cycle } = await setUp();
    const team = await db.team.create({ data: { name: "Payments" } });
    const tess = await createPerson({ name: "Tess Lead", track: "manager", level: "m1" });
    const rui = await createPerson({
      name: "Rui Engineer",
      track: "ic",
      level: "ic2",
      managerId: tess.id,
      teamId: team.id,
    });
    await db.reviewCycleParticipant.create({ data: { cycleId: cycle.id, userId: rui.id } });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Wider",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: facilitator.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    const sessionId = created.sessionId;
    type View = Awaited<ReturnType<typeof sessionLoader>>;
    const view = async (query: string) =>
      bodyOf<View>(
        await sessionLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}?${query}`, facilitator.id), {
            sessionId,
          }),
        ),
      );
    const names = (page: View) => page.entries.map((entry) => entry.name).sort();
    expect(names(await view("manager=sam%20MANAGER"))).toEqual(["Lena Engineer", "Omar Engineer"]);
    expect(names(await view("team=payments"))).toEqual(["Rui Engineer"]);
    const unknown = await view("manager=Nobody");
    expect(unknown.filterProblems.team).toBeNull();
    expect(inEnglishWords(unknown.filterProblems.manager!)).toBe(
      "Nobody in this session has a manager called “Nobody”.",
    );
    expect(inWordsOf("es", unknown.filterProblems.manager!)).toBe(
      "Nadie de esta sesión tiene un responsable llamado «Nobody».",
    );
    expect(names(unknown)).toEqual(["Lena Engineer", "Omar Engineer", "Rui Engineer"]);
    // The page no longer carries every team and manager: they are suggested as people type.
    expect(Object.keys(unknown.filterOptions)).toEqual(["tracks", "levels"]);
    const suggest = async (userId: string, query: string) =>
      call(async () =>
        filterOptionsLoader(
          routeArgs(
            await signedInRequest(`/calibration/${sessionId}/filter-options?${query}`, userId),
            { sessionId },
          ),
        ),
      );
    expect(await ((await suggest(facilitator.id, "kind=manager&q=le")) as Response).json()).toEqual(
      { suggestions: [{ value: "Tess Lead" }] },
    );
    expect(
      await ((await suggest(facilitator.id, "kind=manager&q=man")) as Response).json(),
    ).toEqual({ suggestions: [{ value: "Sam Manager" }] });
    expect(await ((await suggest(facilitator.id, "kind=team&q=PAY")) as Response).json()).toEqual({
      suggestions: [{ value: "Payments" }],
    });
    expect(statusOf(await suggest(facilitator.id, "kind=salary&q=a"))).toBe(400);
    expect(statusOf(await suggest(stranger.id, "kind=manager&q=s"))).toBe(404);
  });

  test("a calibrator or facilitator who manages nobody has Calibration in the navigation; an engineer in the session does not", async () => {
    const { admin, cycle, lena } = await setUp();
    const fay = await createPerson({ name: "Fay Otherfacilitator" });
    const cal = await createPerson({ name: "Cal Calibrator" });
    const viewerOf = async (userId: string) =>
      bodyOf<{ viewer: Record<string, unknown> | null }>(
        await rootLoader(routeArgs(await signedInRequest("/", userId))),
      ).viewer;
    expect(await viewerOf(cal.id)).toMatchObject({ nav: { team: false, calibration: false } });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Invited",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: fay.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    await db.calibrationCalibrator.create({
      data: { sessionId: created.sessionId, userId: cal.id },
    });
    expect(await viewerOf(cal.id)).toMatchObject({ nav: { team: false, calibration: true } });
    expect(await viewerOf(fay.id)).toMatchObject({ nav: { team: false, calibration: true } });
    expect(await viewerOf(lena.id)).toMatchObject({ nav: { calibration: false } });
  });

  test("the facilitator and admins export outcomes and the full history as CSV; a manager in the session may not, and others get a 404", async () => {
    const { sam, facilitator, admin, stranger, sessionId, entryId } = await setUp();
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "stay",
            text: '=HYPERLINK("x")',
          }),
          { sessionId, entryId },
        ),
      ),
    );
    const get = async (personId: string, what: string) =>
      call(async () =>
        exportLoader(
          routeArgs(
            await signedInRequest(`/calibration/${sessionId}/export?what=${what}`, personId),
            { sessionId },
          ),
        ),
      );
    const outcomes = (await get(facilitator.id, "outcomes")) as Response;
    expect(outcomes.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(outcomes.headers.get("Content-Disposition")).toBe(
      'attachment; filename="spring-calibration-outcomes.csv"',
    );
    const lines = (await outcomes.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "person,email,manager,track,level,proposed rating,proposed outcome,proposed level,rationale,final rating,final outcome,final level,reason,track id,level id,proposed rating value,proposed level id,final rating value,final level id",
    );
    // Names and labels as the pages say them, the codes in the last columns; a rationale that looks like a formula is written as text.
    expect(lines.find((line) => line.startsWith("Lena Engineer"))).toMatch(
      /,Sam Manager,Individual contributor,Engineer II,Consistent,Stay at level,,"'=HYPERLINK\(""x""\)",,,,,ic,ic2,3,,,$/,
    );
    const history = await ((await get(admin.id, "history")) as Response).text();
    expect(history).toContain(
      ",Sam Manager,Lena Engineer,proposal,proposed rating,,Consistent (3),",
    );
    expect(history).toContain(",Fay Facilitator,,session state,state,Draft,Proposals open,");
    expect(statusOf(await get(sam.id, "outcomes"))).toBe(403);
    expect(statusOf(await get(stranger.id, "outcomes"))).toBe(404);
    expect(statusOf(await get(facilitator.id, "everything"))).toBe(400);
  });

  test("a manager calibrated in the session calibrates without their own entry: left out of their view, a 404 to open, mark or decide", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const mia = await createPerson({ name: "Mia Director", track: "manager", level: "m2" });
    const sam = await createPerson({
      name: "Sam Manager",
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
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [sam, lena].map((p) => ({ userId: p.id })) },
      },
    });
    // Sam is both calibrated (under Mia) and a calibrator (for Lena); he also facilitates.
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring",
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
    const samsEntry = (
      await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: sam.id } })
    ).id;
    const lenasEntry = (
      await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: lena.id } })
    ).id;
    const move = async (to: string) =>
      statusOf(
        await call(async () =>
          sessionAction(
            routeArgs(await signedInPost(`/calibration/${sessionId}`, sam.id, { to }), {
              sessionId,
            }),
          ),
        ),
      );
    const onEntry = async (personId: string, entryId: string, fields: Record<string, string>) =>
      statusOf(
        await call(async () =>
          entryAction(
            routeArgs(
              await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, personId, fields),
              { sessionId, entryId },
            ),
          ),
        ),
      );
    expect(await move("proposals")).toBe(302);
    expect(
      await onEntry(mia.id, samsEntry, {
        intent: "propose",
        rating: "2",
        outcome: "stay",
        text: "MIA-ABOUT-SAM",
      }),
    ).toBe(302);
    expect(
      await onEntry(sam.id, lenasEntry, {
        intent: "propose",
        rating: "3",
        outcome: "stay",
        text: "SAM-ABOUT-LENA",
      }),
    ).toBe(302);
    expect(await move("live")).toBe(302);

    const sessionOf = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
        await sessionLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}`, personId), { sessionId }),
        ),
      );
    const samsView = await sessionOf(sam.id);
    expect(samsView.entries.map((entry) => entry.name)).toEqual(["Lena Engineer"]);
    expect(samsView.total).toBe(1);
    expect(JSON.stringify(samsView)).not.toContain("MIA-ABOUT-SAM");
    expect(samsView.distribution.proposalsVisible).toBe(1);
    expect(samsView.distribution.proposed.counts.reduce((sum, bar) => sum + bar.count, 0)).toBe(1);
    expect(
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(`/calibration/${sessionId}/entries/${samsEntry}`, sam.id),
              { sessionId, entryId: samsEntry },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(await onEntry(sam.id, samsEntry, { intent: "preread-mark", mark: "agree" })).toBe(404);
    expect(
      await onEntry(sam.id, samsEntry, {
        intent: "final",
        rating: "4",
        outcome: "stay",
        text: "Me",
        revision: "0",
      }),
    ).toBe(404);
    expect(await db.calibrationEntry.findUniqueOrThrow({ where: { id: samsEntry } })).toMatchObject(
      { finalRating: null },
    );
    // Mia and admins see the whole session.
    expect((await sessionOf(mia.id)).entries.map((entry) => entry.name).sort()).toEqual([
      "Lena Engineer",
      "Sam Manager",
    ]);
    expect((await sessionOf(admin.id)).total).toBe(2);
    // Nor does his export as facilitator hold his own row or his entry's events; an admin's holds both.
    const exported = async (personId: string, what: string) =>
      (
        (await exportLoader(
          routeArgs(
            await signedInRequest(`/calibration/${sessionId}/export?what=${what}`, personId),
            { sessionId },
          ),
        )) as Response
      ).text();
    for (const what of ["outcomes", "history"]) {
      expect(await exported(sam.id, what)).toContain("SAM-ABOUT-LENA");
      expect(await exported(sam.id, what)).not.toContain("MIA-ABOUT-SAM");
      expect(await exported(admin.id, what)).toContain("MIA-ABOUT-SAM");
    }
  });

  test("two facilitators' tabs: the second save of the same entry is a 409 that keeps what was typed, not an overwrite; a form without its revision is a 400", async () => {
    const { facilitator, sam, sessionId, entryId } = await setUp();
    const move = async (to: string) =>
      call(async () =>
        sessionAction(
          routeArgs(await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to }), {
            sessionId,
          }),
        ),
      );
    await move("proposals");
    await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "stay",
            text: "Steady",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    await move("live");
    const final = async (fields: Record<string, string>) =>
      call(async () =>
        entryAction(
          routeArgs(
            await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, facilitator.id, {
              intent: "final",
              ...fields,
            }),
            { sessionId, entryId },
          ),
        ),
      );
    const opened = String(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryId } })).revision,
    );
    expect(
      statusOf(
        await final({
          rating: "4",
          outcome: "stay",
          text: "Raised after discussion",
          revision: opened,
        }),
      ),
    ).toBe(302);
    const second = await final({
      rating: "2",
      outcome: "stay",
      text: "LOWER-FROM-THE-OTHER-TAB",
      revision: opened,
    });
    expect(statusOf(second)).toBe(409);
    expect(bodyOf<{ values: { text: string }; kind: string; error: string }>(second)).toMatchObject(
      {
        values: { text: "LOWER-FROM-THE-OTHER-TAB" },
        kind: "conflict",
        error: expect.stringMatching(/^Someone else changed this entry/),
      },
    );
    for (const revision of ["abc", "1.5", ""])
      expect(statusOf(await final({ rating: "2", outcome: "stay", text: "x", revision }))).toBe(
        400,
      );
    expect(await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      finalRating: 4,
      finalReason: "Raised after discussion",
    });
  });

  test("every calibrator reads the person's submitted reviews of the cycle, one click from the entry, once the session is past its draft; the person's own pages stay their manager chain's", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const peer = await createPerson({ name: "Pia Peer", track: "manager", level: "m1" });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const stranger = await createPerson({ name: "Stranger" });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const served = (await ladderForLevel("ic2"))!;
    const review = await db.assessment.create({
      data: {
        kind: "manager",
        status: "submitted",
        subjectId: lena.id,
        authorId: sam.id,
        cycleId: cycle.id,
        ladderVersionId: served.versionId,
        trackId: "ic",
        levelId: "ic2",
        submittedAt: new Date(),
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: admin.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
        calibratorEmails: [peer.email],
      },
    );
    if (!created.ok) throw new Error("no session");
    const { sessionId } = created;
    const read = async (personId: string) =>
      statusOf(
        await call(async () =>
          assessmentLoader(
            routeArgs(await signedInRequest(`/assessments/${review.id}`, personId), {
              assessmentId: review.id,
            }),
          ),
        ),
      );
    expect(await read(peer.id)).toBe(404);
    // Nor do the draft's entries, which carry the review figures, reach her; Sam sees his own report's.
    const draftEntry = (
      await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: lena.id } })
    ).id;
    const entryStatus = async (personId: string) =>
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(`/calibration/${sessionId}/entries/${draftEntry}`, personId),
              { sessionId, entryId: draftEntry },
            ),
          ),
        ),
      );
    expect([await entryStatus(peer.id), await entryStatus(sam.id)]).toEqual([404, 200]);
    const draftView = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
        await sessionLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}`, personId), { sessionId }),
        ),
      );
    expect([
      (await draftView(peer.id)).entries.length,
      (await draftView(sam.id)).entries.length,
    ]).toEqual([0, 1]);
    expect(JSON.stringify(await draftView(peer.id))).not.toContain("Lena Engineer");
    await call(async () =>
      sessionAction(
        routeArgs(await signedInPost(`/calibration/${sessionId}`, admin.id, { to: "proposals" }), {
          sessionId,
        }),
      ),
    );
    expect(await entryStatus(peer.id)).toBe(200);
    expect(await read(peer.id)).toBe(200);
    expect(await read(sam.id)).toBe(200);
    expect(await read(stranger.id)).toBe(404);
    const entryId = (
      await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: lena.id } })
    ).id;
    const entryOf = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof entryLoader>>>(
        await entryLoader(
          routeArgs(
            await signedInRequest(`/calibration/${sessionId}/entries/${entryId}`, personId),
            { sessionId, entryId },
          ),
        ),
      );
    expect((await entryOf(peer.id)).entry.reviews.managerReviewId).toBe(review.id);
    expect((await entryOf(peer.id)).canOpenProfile).toBe(false);
    expect((await entryOf(sam.id)).canOpenProfile).toBe(true);
  });

  test("a calibrator calibrated beside their own manager neither sees, rates, marks nor decides the manager's entry, nor reads the manager's reviews", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const vic = await createPerson({ name: "Vic President", track: "manager", level: "m3" });
    const dee = await createPerson({
      name: "Dee Director",
      track: "manager",
      level: "m2",
      managerId: vic.id,
    });
    const sam = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      managerId: dee.id,
    });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [dee, sam, lena].map((p) => ({ userId: p.id })) },
      },
    });
    const served = (await ladderForLevel("m2"))!;
    const deesReview = await db.assessment.create({
      data: {
        kind: "manager",
        status: "submitted",
        subjectId: dee.id,
        authorId: vic.id,
        cycleId: cycle.id,
        ladderVersionId: served.versionId,
        trackId: "manager",
        levelId: "m2",
        submittedAt: new Date(),
        summary: "VIC-ABOUT-DEE",
      },
    });
    // Sam facilitates too: an admin records the outcomes he may not.
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: sam.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: true,
      },
    );
    if (!created.ok) throw new Error("no session");
    const { sessionId } = created;
    const entryOf = async (person: { id: string }) =>
      (await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: person.id } }))
        .id;
    const [deesEntry, lenasEntry] = [await entryOf(dee), await entryOf(lena)];
    const move = async (to: string) =>
      statusOf(
        await call(async () =>
          sessionAction(
            routeArgs(await signedInPost(`/calibration/${sessionId}`, sam.id, { to }), {
              sessionId,
            }),
          ),
        ),
      );
    const onEntry = async (personId: string, entryId: string, fields: Record<string, string>) =>
      statusOf(
        await call(async () =>
          entryAction(
            routeArgs(
              await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, personId, fields),
              { sessionId, entryId },
            ),
          ),
        ),
      );
    expect(await move("proposals")).toBe(302);
    expect(
      await onEntry(vic.id, deesEntry, {
        intent: "propose",
        rating: "3",
        outcome: "stay",
        text: "VIC-PROPOSES-FOR-DEE",
      }),
    ).toBe(302);
    expect(await move("preread")).toBe(302);
    expect(await onEntry(sam.id, deesEntry, { intent: "preread-rating", rating: "1" })).toBe(404);
    expect(await move("live")).toBe(302);

    const samsView = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, sam.id), { sessionId }),
      ),
    );
    expect(samsView.entries.map((entry) => entry.name)).toEqual(["Lena Engineer"]);
    expect(JSON.stringify(samsView)).not.toContain("VIC-PROPOSES-FOR-DEE");
    expect(
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(`/calibration/${sessionId}/entries/${deesEntry}`, sam.id),
              { sessionId, entryId: deesEntry },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(await onEntry(sam.id, deesEntry, { intent: "preread-mark", mark: "question" })).toBe(
      404,
    );
    expect(
      await onEntry(sam.id, deesEntry, {
        intent: "final",
        rating: "4",
        outcome: "stay",
        text: "x",
        revision: "0",
      }),
    ).toBe(404);
    const readReview = async (personId: string) =>
      statusOf(
        await call(async () =>
          assessmentLoader(
            routeArgs(await signedInRequest(`/assessments/${deesReview.id}`, personId), {
              assessmentId: deesReview.id,
            }),
          ),
        ),
      );
    expect(await readReview(sam.id)).toBe(404);
    expect(await readReview(vic.id)).toBe(200);
    // Dee, calibrating Sam, reads his entry; an admin records Dee's outcome, which the facilitator cannot.
    expect(
      statusOf(
        await call(async () =>
          entryLoader(
            routeArgs(
              await signedInRequest(
                `/calibration/${sessionId}/entries/${await entryOf(sam)}`,
                dee.id,
              ),
              { sessionId, entryId: await entryOf(sam) },
            ),
          ),
        ),
      ),
    ).toBe(200);
    const revision = String(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: deesEntry } })).revision,
    );
    expect(
      await onEntry(admin.id, deesEntry, {
        intent: "final",
        rating: "3",
        outcome: "stay",
        text: "As proposed",
        revision,
      }),
    ).toBe(302);
    expect(
      await onEntry(sam.id, lenasEntry, {
        intent: "final",
        rating: "3",
        outcome: "stay",
        text: "Steady",
        revision: "0",
      }),
    ).toBe(302);
  });

  test("a manager reads other managers' proposals only once the session is live, on the session page and the entry alike", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const tom = await createPerson({ name: "Tom Manager", track: "manager", level: "m1" });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const theo = await createPerson({
      name: "Theo Engineer",
      track: "ic",
      level: "ic2",
      managerId: tom.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [lena, theo].map((p) => ({ userId: p.id })) },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: admin.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error("no session");
    const { sessionId } = created;
    const lenasEntry = (
      await db.calibrationEntry.findFirstOrThrow({ where: { sessionId, personId: lena.id } })
    ).id;
    await call(async () =>
      sessionAction(
        routeArgs(await signedInPost(`/calibration/${sessionId}`, admin.id, { to: "proposals" }), {
          sessionId,
        }),
      ),
    );
    await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${lenasEntry}`, sam.id, {
            intent: "propose",
            rating: "4",
            outcome: "stay",
            text: "SAMS-RATIONALE",
          }),
          { sessionId, entryId: lenasEntry },
        ),
      ),
    );
    const tomsSession = async () =>
      JSON.stringify(
        bodyOf(
          await sessionLoader(
            routeArgs(await signedInRequest(`/calibration/${sessionId}`, tom.id), { sessionId }),
          ),
        ),
      );
    const tomsEntry = async () =>
      bodyOf<Awaited<ReturnType<typeof entryLoader>>>(
        await entryLoader(
          routeArgs(
            await signedInRequest(`/calibration/${sessionId}/entries/${lenasEntry}`, tom.id),
            { sessionId, entryId: lenasEntry },
          ),
        ),
      );
    const before = await tomsSession();
    expect(before).toContain("Lena Engineer");
    expect(before).not.toContain('"rating":4');
    expect((await tomsEntry()).entry.proposal).toBeNull();
    expect(JSON.stringify(await tomsEntry())).not.toContain("SAMS-RATIONALE");
    await call(async () =>
      sessionAction(
        routeArgs(await signedInPost(`/calibration/${sessionId}`, admin.id, { to: "live" }), {
          sessionId,
        }),
      ),
    );
    expect(await tomsSession()).toContain('"rating":4');
    expect((await tomsEntry()).entry.proposal).toMatchObject({
      rating: 4,
      rationale: "SAMS-RATIONALE",
    });
  });

  test("the facilitator invites another calibrator after setting up: they see the session from then on; unknown, repeated or unauthorised invitations change nothing", async () => {
    const { facilitator, sam, lena, stranger, sessionId } = await setUp();
    const invite = async (personId: string, email: string) =>
      call(async () =>
        sessionAction(
          routeArgs(
            await signedInPost(`/calibration/${sessionId}`, personId, { intent: "invite", email }),
            { sessionId },
          ),
        ),
      );
    // Someone calibrated in the session is not invited to calibrate the others.
    expect(
      bodyOf<{ fieldErrors: { email: string[] } }>(await invite(facilitator.id, lena.email))
        .fieldErrors.email,
    ).toEqual([
      "Lena Engineer is calibrated in this session, so cannot be invited to calibrate it.",
    ]);
    const sees = async (personId: string) =>
      statusOf(
        await call(async () =>
          sessionLoader(
            routeArgs(await signedInRequest(`/calibration/${sessionId}`, personId), { sessionId }),
          ),
        ),
      );
    expect(await sees(lena.id)).toBe(404);
    expect(await sees(stranger.id)).toBe(404);
    expect(statusOf(await invite(sam.id, stranger.email))).toBe(403);
    const unknown = await invite(facilitator.id, "ghost@example.com");
    expect(statusOf(unknown)).toBe(400);
    expect(bodyOf<{ email: string; fieldErrors: { email: string[] } }>(unknown)).toEqual({
      intent: "invite",
      email: "ghost@example.com",
      fieldErrors: { email: ["Nobody active has that email."] },
    });
    expect(statusOf(await invite(facilitator.id, stranger.email.toUpperCase()))).toBe(302);
    expect(await sees(stranger.id)).toBe(200);
    expect(
      bodyOf<{ fieldErrors: { email: string[] } }>(await invite(facilitator.id, stranger.email))
        .fieldErrors.email,
    ).toEqual(["Stranger already takes part in this session."]);
    expect(
      await db.calibrationCalibrator.count({ where: { sessionId, userId: stranger.id } }),
    ).toBe(1);
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "invite" } })).toBe(1);
    const managersTab = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}?tab=managers`, facilitator.id), {
          sessionId,
        }),
      ),
    );
    expect(managersTab.calibrators).toEqual({
      names: ["Sam Manager", "Stranger"],
      canInvite: true,
    });
    expect(
      bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
        await sessionLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}?tab=managers`, sam.id), {
            sessionId,
          }),
        ),
      ).calibrators,
    ).toBeNull();
  });

  test("the facilitator or an admin sets, moves and removes the meeting until the session is locked (and after it is published); a bad value is a 400 that keeps what was typed; others get a 403 or 404", async () => {
    const { admin, facilitator, sam, lena, stranger, sessionId } = await setUp();
    const post = async (personId: string, fields: Record<string, string>) =>
      call(async () =>
        sessionAction(
          routeArgs(await signedInPost(`/calibration/${sessionId}`, personId, fields), {
            sessionId,
          }),
        ),
      );
    const stored = async () =>
      db.calibrationSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: { meetingStartsAt: true, meetingEndsAt: true },
      });
    const none = { meetingStartsAt: null, meetingEndsAt: null };

    const badTime = await post(facilitator.id, {
      intent: "meeting",
      startsAt: "next Tuesday",
      minutes: "90",
    });
    expect(statusOf(badTime)).toBe(400);
    const reply = bodyOf<{
      meetingResult: { initialValue: Record<string, string>; error: Record<string, string[]> };
    }>(badTime).meetingResult;
    expect(reply.initialValue).toMatchObject({ startsAt: "next Tuesday", minutes: "90" });
    expect(reply.error.startsAt).toEqual(["calibration:errors.meetingStartInvalid"]);
    const tooShort = await post(facilitator.id, {
      intent: "meeting",
      startsAt: "2026-12-01T14:00",
      minutes: "5",
    });
    expect(statusOf(tooShort)).toBe(400);
    expect(
      bodyOf<{ meetingResult: { error: Record<string, string[]> } }>(tooShort).meetingResult.error
        .minutes,
    ).toEqual(["calibration:errors.meetingTooShort"]);
    expect(await stored()).toEqual(none);

    expect(
      statusOf(
        await post(sam.id, { intent: "meeting", startsAt: "2026-12-01T14:00", minutes: "90" }),
      ),
    ).toBe(403);
    for (const outsider of [lena, stranger])
      expect(
        statusOf(
          await post(outsider.id, {
            intent: "meeting",
            startsAt: "2026-12-01T14:00",
            minutes: "90",
          }),
        ),
      ).toBe(404);
    expect(await stored()).toEqual(none);

    expect(
      statusOf(
        await post(facilitator.id, {
          intent: "meeting",
          startsAt: "2026-12-01T14:00",
          minutes: "90",
        }),
      ),
    ).toBe(302);
    expect(await stored()).toEqual({
      meetingStartsAt: new Date("2026-12-01T14:00:00Z"),
      meetingEndsAt: new Date("2026-12-01T15:30:00Z"),
    });
    const seenBySam = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, sam.id), { sessionId }),
      ),
    );
    expect(seenBySam.meeting).toEqual({
      startsAt: new Date("2026-12-01T14:00:00Z"),
      minutes: 90,
      canChange: false,
    });
    expect(
      statusOf(
        await post(admin.id, { intent: "meeting", startsAt: "2026-12-02T09:30", minutes: "60" }),
      ),
    ).toBe(302);
    expect(await stored()).toEqual({
      meetingStartsAt: new Date("2026-12-02T09:30:00Z"),
      meetingEndsAt: new Date("2026-12-02T10:30:00Z"),
    });
    expect(statusOf(await post(sam.id, { intent: "meeting-remove" }))).toBe(403);
    expect(statusOf(await post(facilitator.id, { intent: "meeting-remove" }))).toBe(302);
    expect(await stored()).toEqual(none);
    expect(await db.calibrationEvent.count({ where: { sessionId, kind: "meeting" } })).toBe(3);

    for (const state of ["locked", "published"]) {
      await db.calibrationSession.update({ where: { id: sessionId }, data: { state } });
      for (const person of [facilitator, admin])
        expect(
          statusOf(
            await post(person.id, {
              intent: "meeting",
              startsAt: "2026-12-01T14:00",
              minutes: "90",
            }),
          ),
          `${person.name}, ${state}`,
        ).toBe(409);
      expect(await stored()).toEqual(none);
    }
  });

  test("a meeting's start is entered and read back on each person's own clock, the zone named; the instant is stored", async () => {
    const { admin, facilitator, sam, sessionId } = await setUp();
    await db.user.update({ where: { id: facilitator.id }, data: { timeZone: "America/New_York" } });
    await db.user.update({ where: { id: sam.id }, data: { timeZone: "Europe/Berlin" } });
    const post = async (personId: string, fields: Record<string, string>) =>
      call(async () =>
        sessionAction(
          routeArgs(await signedInPost(`/calibration/${sessionId}`, personId, fields), {
            sessionId,
          }),
        ),
      );
    const stored = async () =>
      (
        await db.calibrationSession.findUniqueOrThrow({
          where: { id: sessionId },
          select: { meetingStartsAt: true },
        })
      ).meetingStartsAt;
    const readBack = async (personId: string) => {
      const root = bodyOf<{ viewer: { timeZone: string } }>(
        await rootLoader(routeArgs(await signedInRequest(`/calibration/${sessionId}`, personId))),
      );
      const page = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
        await sessionLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}`, personId), { sessionId }),
        ),
      );
      const zone = root.viewer.timeZone;
      return {
        field: localDateTimeValue(new Date(page.meeting.startsAt!), zone),
        shown: formatsFor("en", zone).dateTime(page.meeting.startsAt!, "full"),
      };
    };

    // 10:00 in New York on 9 March 2026, the day after its clocks went forward (Europe's had not): 14:00 UTC, 15:00 in Berlin.
    expect(
      statusOf(
        await post(facilitator.id, {
          intent: "meeting",
          startsAt: "2026-03-09T10:00",
          minutes: "60",
        }),
      ),
    ).toBe(302);
    expect(await stored()).toEqual(new Date("2026-03-09T14:00:00Z"));
    expect(await readBack(facilitator.id)).toEqual({
      field: "2026-03-09T10:00",
      shown: "Monday, 9 March 2026 at 10:00 (America/New_York)",
    });
    expect(await readBack(sam.id)).toEqual({
      field: "2026-03-09T15:00",
      shown: "Monday, 9 March 2026 at 15:00 (Europe/Berlin)",
    });
    // The admin has chosen no zone: the organisation's (UTC here).
    expect(await readBack(admin.id)).toEqual({
      field: "2026-03-09T14:00",
      shown: "Monday, 9 March 2026 at 14:00 (UTC)",
    });

    // Moved to 10:00 in New York after Europe's clocks changed too: six hours behind Berlin again.
    expect(
      statusOf(
        await post(facilitator.id, {
          intent: "meeting",
          startsAt: "2026-03-30T10:00",
          minutes: "60",
        }),
      ),
    ).toBe(302);
    expect(await stored()).toEqual(new Date("2026-03-30T14:00:00Z"));
    expect((await readBack(sam.id)).field).toBe("2026-03-30T16:00");
  });

  test("a calibrator gets the session's event stream", async () => {
    const { sam, sessionId } = await setUp();
    const abort = new AbortController();
    const request = await signedInRequest(`/calibration/${sessionId}/events`, sam.id);
    const response = (await eventsLoader(
      routeArgs(new Request(request, { signal: abort.signal }), { sessionId }),
    )) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("retry: 2000\n\n");
    abort.abort();
    await reader.cancel();
  });

  test("the event stream ends with its sign-in: signed out, deactivated or expired, a viewer hears no more changes", async () => {
    const { sam, facilitator, admin, sessionId } = await setUp();
    const open = async (personId: string) => {
      const request = await signedInRequest(`/calibration/${sessionId}/events`, personId);
      const response = (await eventsLoader(routeArgs(request, { sessionId }))) as Response;
      const reader = response.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe("retry: 2000\n\n");
      return { request, reader };
    };
    const next = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
      const { done, value } = await reader.read();
      return done ? "closed" : new TextDecoder().decode(value);
    };
    const sams = await open(sam.id);
    const facilitators = await open(facilitator.id);
    const admins = await open(admin.id);
    await announceSessionChange(sessionId);
    expect([
      await next(sams.reader),
      await next(facilitators.reader),
      await next(admins.reader),
    ]).toEqual(Array(3).fill("event: change\ndata: {}\n\n"));
    // Sam signs out (with the same cookie); the facilitator is deactivated; the admin's sign-in runs out.
    await logoutAction(
      routeArgs(
        new Request("http://localhost/logout", {
          method: "POST",
          headers: { Cookie: sams.request.headers.get("Cookie")! },
        }),
      ),
    );
    await db.user.update({ where: { id: facilitator.id }, data: { deactivatedAt: new Date() } });
    await db.session.updateMany({
      where: { userId: admin.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await announceSessionChange(sessionId);
    expect([
      await next(sams.reader),
      await next(facilitators.reader),
      await next(admins.reader),
    ]).toEqual(["closed", "closed", "closed"]);
  });

  test("the fairness report: admins only, once locked and after publishing; the facilitator, managers and people get a 404, before and after", async () => {
    const { sam, facilitator, admin, lena, omar, stranger, sessionId } = await setUp();
    await db.user.update({
      where: { id: lena.id },
      data: { attributes: JSON.stringify({ location: "Berlin" }) },
    });
    const get = async (personId: string) =>
      call(async () =>
        fairnessLoader(
          routeArgs(await signedInRequest(`/calibration/${sessionId}/fairness`, personId), {
            sessionId,
          }),
        ),
      );
    expect(statusOf(await get(admin.id))).toBe(404);
    const move = async (to: string) =>
      call(async () =>
        sessionAction(
          routeArgs(await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to }), {
            sessionId,
          }),
        ),
      );
    await move("proposals");
    await move("live");
    for (const person of [lena, omar]) {
      await db.calibrationEntry.updateMany({
        where: { sessionId, personId: person.id },
        data: { finalRating: 3, finalOutcome: "stay" },
      });
    }
    expect(statusOf(await move("locked"))).toBe(302);
    for (const person of [facilitator, sam, lena, stranger])
      expect(statusOf(await get(person.id))).toBe(404);
    const report = bodyOf<Awaited<ReturnType<typeof fairnessLoader>>>(await get(admin.id));
    expect(report.report.n).toBe(2);
    expect(report.report.dimensions.map((dimension) => dimension.label)).toEqual([
      "Team",
      "Track",
      "Level",
      "Location",
    ]);
    // Two people: every group is below the floor of 4.
    expect(
      report.report.dimensions
        .flatMap((dimension) => dimension.groups)
        .every((group) => group.suppressed),
    ).toBe(true);
    const sessionPage = bodyOf<Awaited<ReturnType<typeof sessionLoader>>>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, admin.id), { sessionId }),
      ),
    );
    expect(sessionPage.canSeeFairness).toBe(true);
    // Published, the outcomes stay frozen: the admin still reads the report, nobody else.
    expect(
      statusOf(
        await call(async () =>
          sessionAction(
            routeArgs(
              await signedInPost(`/calibration/${sessionId}`, facilitator.id, {
                to: "published",
                effectiveOn: "2026-12-01",
              }),
              { sessionId },
            ),
          ),
        ),
      ),
    ).toBe(302);
    expect(bodyOf<Awaited<ReturnType<typeof fairnessLoader>>>(await get(admin.id)).report.n).toBe(
      2,
    );
    for (const person of [facilitator, sam, lena, stranger])
      expect(statusOf(await get(person.id))).toBe(404);
  });

  test("two tabs: the agenda with the managers who differ beyond noise, and every manager's figures with rater severity", async () => {
    const { sam, facilitator, sessionId, entryId } = await setUp();
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "propose",
            rating: "3",
            outcome: "stay",
            text: "",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    type View = Awaited<ReturnType<typeof sessionLoader>>;
    const agenda = bodyOf<View>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}`, facilitator.id), {
          sessionId,
        }),
      ),
    );
    expect([
      agenda.tab,
      agenda.entries.length,
      agenda.leniency.managers,
      agenda.leniency.counted,
    ]).toEqual(["agenda", 2, [], 1]);
    const managers = bodyOf<View>(
      await sessionLoader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}?tab=managers`, facilitator.id), {
          sessionId,
        }),
      ),
    );
    expect([managers.tab, managers.entries.length]).toEqual(["managers", 0]);
    expect(managers.leniency.managers).toMatchObject([
      { managerId: sam.id, name: "Sam Manager", n: 1, suppressed: true },
    ]);
  });

  test("the proposal form's draft is kept through the entry's action for the manager; anyone outside the session gets a 404", async () => {
    const { sam, facilitator, stranger, sessionId, entryId } = await setUp();
    await call(async () =>
      sessionAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}`, facilitator.id, { to: "proposals" }),
          { sessionId },
        ),
      ),
    );
    const kept = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "draft",
            rating: "2",
            text: "Thinking",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    expect(statusOf(kept)).toBe(200);
    expect(bodyOf<{ savedAt: string }>(kept).savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const stored = await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryId } });
    expect([stored.proposedRating, JSON.parse(stored.proposalDraft ?? "{}").text]).toEqual([
      null,
      "Thinking",
    ]);
    const refused = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, stranger.id, {
            intent: "draft",
            text: "x",
          }),
          { sessionId, entryId },
        ),
      ),
    );
    expect(statusOf(refused)).toBe(404);
    const tooLong = await call(async () =>
      entryAction(
        routeArgs(
          await signedInPost(`/calibration/${sessionId}/entries/${entryId}`, sam.id, {
            intent: "draft",
            text: "x".repeat(30_000),
          }),
          { sessionId, entryId },
        ),
      ),
    );
    expect(statusOf(tooLong)).toBe(400);
    expect(
      JSON.parse(
        (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryId } })).proposalDraft ??
          "{}",
      ).text,
    ).toBe("Thinking");
  });
});
