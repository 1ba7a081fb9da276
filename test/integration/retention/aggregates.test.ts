// After a retention pass and the erasure of people who left, every report reads as before: the
// insights (an admin's over every cycle and the organisation, a VP's over theirs), the session's
// fairness report and its own figures release the same figures for the same groups, each still
// through the disclosure check, and no erased name or text is in any of them. An erased person's
// own figures are then in nothing but those aggregates: their pages answer 404 to everyone, and the
// lists that show one row a person count them without a row. The promotion, career and access
// audits are compared the same way in audit-aggregates.test.ts.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import {
  getPerson as getApiPerson,
  listOutcomes as listApiOutcomes,
  listPeople as listApiPeople,
} from "~/modules/api/reads.server";
import { belowFloor } from "~/modules/disclosure/floor";
import { NotFoundError } from "~/modules/errors";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { erasedName } from "~/modules/retention/erasure.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import * as fairnessRoute from "~/routes/calibration.$sessionId.fairness";
import * as insightsRoute from "~/routes/insights._index";
import * as sessionRoute from "~/routes/calibration.$sessionId._index";
import * as entryRoute from "~/routes/calibration.$sessionId.entries.$entryId";
import * as gridRoute from "~/routes/calibration.$sessionId.grid";
import * as sessionExportRoute from "~/routes/calibration.$sessionId.export";
import * as growthRoute from "~/routes/people.$personId._index";
import * as gapRoute from "~/routes/people.$personId.gap";
import * as historyRoute from "~/routes/people.$personId.history";
import * as printRoute from "~/routes/people.$personId.print";
import * as reviewRoute from "~/routes/people.$personId.review";
import * as feedbackRoute from "~/routes/feedback.cycles.$cycleId.people.$personId";
import * as adminPersonRoute from "~/routes/admin.people.$personId";
import * as adminExportRoute from "~/routes/admin.people.$personId_.export";
import * as peopleRoute from "~/routes/admin.people._index";
import * as progressRoute from "~/routes/admin.cycles.$cycleId";
import * as cycleExportRoute from "~/routes/admin.cycles.$cycleId.export";
import { seeded } from "../../../prisma/seed/random";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerText, bodyOf, routeArgs, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const LOCATIONS = ["Berlin", "Lisbon", "London"];

type Group = { value: string; rates?: unknown; suppressed?: boolean };
type Insights = {
  outcomesByCycle: { cycleId: string; rates: unknown }[];
  outcomesByGroup: { dimensions: { id: string; groups: Group[] }[] } | null;
};
type Fairness = {
  report: { meanRating: number | null; dimensions: { id: string; groups: Group[] }[] };
};
type SessionPage = {
  total: number;
  distribution: unknown;
  nineBox: unknown;
  leniency: unknown;
  people: { everyone: number; erased: number };
  entries: { id: string }[];
  pagination: { shown: number };
};

let admin: { id: string };
let vp: { id: string };
let cycleId: string;
let sessionId: string;
const leavers: { id: string; name: string }[] = [];
let heldLeaver: { id: string; name: string };
/** Each leaver's manager when they left, who read their pages before the erasure. */
const managerOf = new Map<string, string>();
let peer: { id: string };

/** Everything each report releases, as its loader answers it. */
async function reports() {
  const read = async (url: string, viewerId: string) =>
    bodyOf<Insights>(await insightsRoute.loader(routeArgs(await signedInRequest(url, viewerId))));
  return {
    admin: await read("/insights", admin.id),
    adminCycle: await read(`/insights?cycle=${cycleId}`, admin.id),
    vp: await read(`/insights?cycle=${cycleId}`, vp.id),
    fairness: bodyOf<Fairness>(
      await fairnessRoute.loader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}/fairness`, admin.id), {
          sessionId,
        }),
      ),
    ),
    session: figuresOf(await sessionPage()),
  };
}

async function sessionPage() {
  return bodyOf<SessionPage>(
    await sessionRoute.loader(
      routeArgs(await signedInRequest(`/calibration/${sessionId}`, admin.id), { sessionId }),
    ),
  );
}

/** The session page's statistics: its chart, 9-box and leniency over everyone in it. */
function figuresOf({ total, distribution, nineBox, leniency, people }: SessionPage) {
  return { total, distribution, nineBox, leniency, everyone: people.everyone };
}

beforeAll(async () => {
  const random = seeded(91);
  admin = await createAdmin({ name: "Avery Admin" });
  vp = await createPerson({ name: "Val VP", track: "manager", level: "m2" });
  const teams = await Promise.all(
    ["Payments", "Search", "Platform"].map((name) => db.team.create({ data: { name } })),
  );
  const managers = [];
  for (let index = 0; index < 2; index++)
    managers.push(
      await createPerson({
        name: `Manager ${index}`,
        managerId: vp.id,
        track: "manager",
        level: "m1",
        createdAt: ago(900),
      }),
    );
  const people = [];
  for (let index = 0; index < 24; index++) {
    const level = ["ic1", "ic2", "ic3"][Math.floor(random() * 3)]!;
    // Every fourth person left ten months ago.
    const left = index % 4 === 0;
    const person = await createPerson({
      name: `Person ${index} LEAVER-${index}`,
      track: "ic",
      level,
      teamId: teams[index % 3]!.id,
      managerId: managers[index % 2]!.id,
      attributes: JSON.stringify({ location: LOCATIONS[Math.floor(random() * 3)]! }),
      createdAt: ago(800),
      deactivatedAt: left ? ago(300) : null,
    });
    people.push({ ...person, level });
    managerOf.set(person.id, managers[index % 2]!.id);
    if (left) leavers.push(person);
  }
  peer = people[1]!;
  heldLeaver = leavers.pop()!;
  await db.legalHold.create({ data: { personId: heldLeaver.id, setById: admin.id } });

  const versionId = (await ladderForLevel("ic2"))!.versionId;
  const cycle = await db.reviewCycle.create({
    data: { name: "Last year's cycle", startsOn: ago(500), endsOn: ago(420), closedAt: ago(410) },
  });
  cycleId = cycle.id;
  const session = await db.calibrationSession.create({
    data: {
      name: "Last year's calibration",
      cycleId,
      facilitatorId: admin.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: versionId,
      groupFloor: 4,
    },
  });
  sessionId = session.id;
  await db.calibrationEvent.create({
    data: {
      sessionId,
      actorId: admin.id,
      kind: "state",
      change: JSON.stringify({ state: ["live", "locked"] }),
      createdAt: ago(415),
    },
  });
  await db.calibrationEntry.createMany({
    data: people.map((person, index) => {
      const outcome = index % 5 === 0 ? "promote" : "stay";
      return {
        sessionId,
        personId: person.id,
        managerId: person.managerId,
        trackId: "ic",
        levelId: person.level,
        proposedRating: 1 + (index % 4),
        proposedOutcome: outcome,
        finalRating: 1 + ((index + 1) % 4),
        finalOutcome: outcome,
        finalLevelId: outcome === "promote" ? person.level : null,
        rationale: `RATIONALE-ABOUT-${index}`,
      };
    }),
  });
  // A leaver's one-to-ones held private notes on both sides.
  const leaver = leavers[0]!;
  const series = await db.conversationSeries.create({
    data: {
      kind: "one-to-one",
      managerId: managers[0]!.id,
      reportId: leaver.id,
      cadence: "weekly",
      timeZone: "UTC",
      anchorAt: ago(400),
      createdById: managers[0]!.id,
    },
  });
  const meeting = await db.conversationMeeting.create({
    data: { seriesId: series.id, scheduledFor: ago(390), startsAt: ago(390), status: "held" },
  });
  await db.conversationNote.create({
    data: {
      seriesId: series.id,
      meetingId: meeting.id,
      authorId: leaver.id,
      visibility: "private",
      text: "PRIVATE-NOTE-OF-LEAVER",
    },
  });
  await db.conversationNote.create({
    data: {
      seriesId: series.id,
      meetingId: meeting.id,
      authorId: managers[0]!.id,
      visibility: "private",
      text: "PRIVATE-NOTE-ABOUT-LEAVER",
    },
  });
});

describe("aggregates after retention and erasure", () => {
  test("every report releases the same figures for the same groups, through the disclosure check, and names nobody erased", async () => {
    const before = await reports();
    expect(
      before.adminCycle.outcomesByCycle.find((row) => row.cycleId === cycleId)?.rates,
    ).not.toBeNull();

    await db.retentionRule.createMany({
      data: [
        { kind: "leavers", keepFor: 6 },
        { kind: "private-notes", keepFor: 6 },
      ],
    });
    const pass = await runRetentionPass();
    expect(pass).toEqual({
      removed: {
        privateNotes: 2,
        feedbackTexts: 0,
        candidates: 0,
        leavers: leavers.length,
        teamHealthAnswers: 0,
      },
      failed: [],
    });
    expect(await db.user.count({ where: { name: erasedName() } })).toBe(leavers.length);

    // A minute on: the session keeps its computed view that long between its own changes, and an
    // erasure is none of them, so its figures are computed afresh here, over the erased rows.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    const after = await reports().finally(() => vi.useRealTimers());
    // The same figures, group by group: nothing released changed, so no figure moved by fewer people than the floor.
    expect(after).toEqual(before);

    // And each group a report shows is as large as the floor, counted over who is in it after the erasures.
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId },
      select: {
        levelId: true,
        person: { select: { attributes: true, team: { select: { name: true } } } },
      },
    });
    const groupOf = (entry: (typeof entries)[number], dimension: string) =>
      dimension === "team"
        ? (entry.person.team?.name ?? null)
        : dimension === "level"
          ? entry.levelId
          : dimension === "track"
            ? "ic"
            : ((JSON.parse(entry.person.attributes) as Record<string, string>)[
                dimension.replace(/^attribute:/, "")
              ] ?? null);
    const shown = [
      ...(after.adminCycle.outcomesByGroup?.dimensions ?? []).flatMap((dimension) =>
        dimension.groups
          .filter((group) => group.rates !== null)
          .map((group) => [dimension.id, group.value] as const),
      ),
      ...after.fairness.report.dimensions.flatMap((dimension) =>
        dimension.groups
          .filter((group) => !group.suppressed)
          .map((group) => [dimension.id, group.value] as const),
      ),
    ];
    expect(shown.length).toBeGreaterThan(0);
    for (const [dimension, value] of shown) {
      const members = entries.filter((entry) => groupOf(entry, dimension) === value).length;
      expect(belowFloor(members), `${dimension}=${value}`).toBe(false);
    }

    const text = JSON.stringify(after);
    for (const leaver of leavers) expect(text).not.toContain(leaver.name);
    expect(text).not.toContain("RATIONALE-ABOUT");
    expect((await db.user.findUniqueOrThrow({ where: { id: heldLeaver.id } })).name).toBe(
      heldLeaver.name,
    );
    expect(await db.conversationNote.count()).toBe(0);
  });
});

describe("an erased person's own rows, after the erasure above", () => {
  /** Every page of one person, as each loader answers it (what the page's `.data` carries). */
  const personPages = (
    personId: string,
    entryId: string,
  ): [string, RouteFunction, string, Record<string, string>][] => [
    ["growth", growthRoute.loader, `/people/${personId}`, { personId }],
    ["gap", gapRoute.loader, `/people/${personId}/gap`, { personId }],
    ["history", historyRoute.loader, `/people/${personId}/history`, { personId }],
    ["print", printRoute.loader, `/people/${personId}/print`, { personId }],
    ["review", reviewRoute.loader, `/people/${personId}/review`, { personId }],
    [
      "feedback",
      feedbackRoute.loader,
      `/feedback/cycles/${cycleId}/people/${personId}`,
      { cycleId, personId },
    ],
    ["admin person", adminPersonRoute.loader, `/admin/people/${personId}`, { personId }],
    ["admin export", adminExportRoute.loader, `/admin/people/${personId}/export`, { personId }],
    [
      "calibration entry",
      entryRoute.loader,
      `/calibration/${sessionId}/entries/${entryId}`,
      { sessionId, entryId },
    ],
  ];
  const entryOf = async (personId: string) =>
    (
      await db.calibrationEntry.findFirstOrThrow({
        where: { sessionId, personId },
        select: { id: true },
      })
    ).id;
  const statusOfPage = async (
    loader: RouteFunction,
    url: string,
    viewerId: string,
    params: Record<string, string>,
  ) => (await answerText(loader, await signedInRequest(url, viewerId), params)).split(" ")[0];

  test("admin, their former manager and a peer each get a 404 on every page of theirs, as for someone who does not exist", async () => {
    expect(await db.erasureRecord.count()).toBe(leavers.length);
    const erased = leavers[1]!;
    const pages = personPages(erased.id, await entryOf(erased.id));
    for (const [role, viewerId] of [
      ["admin", admin.id],
      ["former manager", managerOf.get(erased.id)!],
      ["peer", peer.id],
    ] as const) {
      // The admins' pages refuse anyone else by role (403) before reading whom they are about.
      for (const [page, loader, url, params] of pages.filter(
        ([page]) => role === "admin" || !page.startsWith("admin"),
      )) {
        expect(await statusOfPage(loader, url, viewerId, params), `${role} on ${page}`).toBe("404");
      }
    }
    // Someone who left and is on hold, not erased, is still read where they were: the 404 is the erasure's.
    const held = personPages(heldLeaver.id, await entryOf(heldLeaver.id));
    const read = (viewerId: string, names: string[]) =>
      held
        .filter(([page]) => names.includes(page))
        .map(([page, loader, url, params]) => [page, viewerId, loader, url, params] as const);
    for (const [page, viewerId, loader, url, params] of [
      ...read(admin.id, ["growth", "history", "admin person", "calibration entry"]),
      ...read(managerOf.get(heldLeaver.id)!, ["growth", "history"]),
    ]) {
      expect(
        await statusOfPage(loader, url, viewerId, params),
        `${viewerId} on the held leaver's ${page}`,
      ).toBe("200");
    }
  });

  test("the session, its grid and exports, the people list and the cycle's progress count them without a row of theirs, and the session's figures still count them", async () => {
    const erasedIds = new Set(leavers.map((leaver) => leaver.id));
    const view = await sessionPage();
    const erasedEntries = new Set(
      (
        await db.calibrationEntry.findMany({
          where: { sessionId, personId: { in: [...erasedIds] } },
          select: { id: true },
        })
      ).map((entry) => entry.id),
    );
    expect(erasedEntries.size).toBe(leavers.length);
    expect(view.entries.map((entry) => entry.id).filter((id) => erasedEntries.has(id))).toEqual([]);
    expect(view.entries.map((entry) => entry.id)).toContain(await entryOf(heldLeaver.id));
    expect(view.people.erased).toBe(leavers.length);
    expect(view.pagination.shown).toBe(view.total - leavers.length);

    const grid = bodyOf<{ people: { id: string }[]; erased: number; total: number }>(
      await gridRoute.loader(
        routeArgs(await signedInRequest(`/calibration/${sessionId}/grid`, admin.id), { sessionId }),
      ),
    );
    expect(grid.people.filter((person) => erasedEntries.has(person.id))).toEqual([]);
    expect(grid.erased).toBe(leavers.length);
    expect(grid.total).toBe(view.total);

    const csv = (answer: unknown) => (answer as Response).text();
    const outcomes = await csv(
      await sessionExportRoute.loader(
        routeArgs(
          await signedInRequest(`/calibration/${sessionId}/export?what=outcomes`, admin.id),
          { sessionId },
        ),
      ),
    );
    expect(outcomes).not.toContain("@erased.invalid");
    expect(outcomes.trim().split("\n")).toHaveLength(1 + view.total - leavers.length);

    const people = bodyOf<{ people: { id: string }[]; total: number }>(
      await peopleRoute.loader(
        routeArgs(await signedInRequest("/admin/people?status=all", admin.id)),
      ),
    );
    expect(people.people.filter((person) => erasedIds.has(person.id))).toEqual([]);
    expect(people.total).toBe((await db.user.count()) - leavers.length);

    await db.reviewCycleParticipant.createMany({
      data: [leavers[0]!, heldLeaver, peer].map((person) => ({ cycleId, userId: person.id })),
    });
    const progress = bodyOf<{ people: { id: string }[]; total: number; erasedOnPage: number }>(
      await progressRoute.loader(
        routeArgs(await signedInRequest(`/admin/cycles/${cycleId}`, admin.id), { cycleId }),
      ),
    );
    expect(progress.total).toBe(3);
    expect(progress.people.map((person) => person.id).sort()).toEqual(
      [heldLeaver.id, peer.id].sort(),
    );
    expect(progress.erasedOnPage).toBe(1);
    await db.calibrationEntry.updateMany({
      where: { sessionId, personId: { in: [leavers[0]!.id, heldLeaver.id] } },
      data: { released: true },
    });
    const adminViewer = {
      id: admin.id,
      name: "Avery Admin",
      email: "",
      isAdmin: true,
      isHiringAdmin: false,
    };
    for (const reach of ["organisation", "person"] as const) {
      const read = { reach, viewer: adminViewer };
      const listed = await listApiPeople({ after: null, limit: 100 }, read);
      expect(
        listed.data.filter((person) => erasedIds.has(person.id)),
        reach,
      ).toEqual([]);
      expect(
        listed.data.map((person) => person.id),
        reach,
      ).toContain(heldLeaver.id);
      await expect(getApiPerson(leavers[0]!.id, read), reach).rejects.toThrow(NotFoundError);
      const outcomes = await listApiOutcomes({ after: null, limit: 100 }, cycleId, read);
      expect(
        outcomes.data.map((outcome) => outcome.person.id),
        reach,
      ).toEqual([heldLeaver.id]);
    }

    const cycleCsv = await new Response(
      (
        (await cycleExportRoute.loader(
          routeArgs(await signedInRequest(`/admin/cycles/${cycleId}/export`, admin.id), {
            cycleId,
          }),
        )) as Response
      ).body,
    ).text();
    expect(cycleCsv).not.toContain("@erased.invalid");
    expect(cycleCsv).toContain(heldLeaver.name);
  });
});
