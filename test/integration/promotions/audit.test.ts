// The promotion audit against a real database, through its pages' loaders and the window page's
// close action: a window closes only after its chair opened the audit (and that opening is in the
// window's history); who reads which audit (admins everything, the chair their window, a manager
// their own organisation, anyone else a 404); that the figures are the equity audit's for the same
// units, built here from what was generated; that a hidden or small group carries no figure in the
// page's data; and that a window where one team is nominated far less often is flagged.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createSession } from "~/modules/calibration/sessions.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { equityAudit, type AuditUnit } from "~/modules/equity/audit";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import * as closeRoute from "~/routes/admin.promotions.$windowId";
import * as acrossRoute from "~/routes/promotions.audit";
import * as windowRoute from "~/routes/promotions.windows.$windowId.audit";
import { createAdmin, createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import { bodyOf, routeArgs, statusOf, thrown, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { withoutLabels } from "../../utils/audits";

type Person = Awaited<ReturnType<typeof createPerson>>;
type Across = Awaited<ReturnType<typeof acrossRoute.loader>>;
type OfWindow = Awaited<ReturnType<typeof windowRoute.loader>>;
type Generated = { person: Person; team: string; level: string; location: string; manager: Person };

const DAY = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);
/** In every statement and summary: none of it belongs on the audit. */
const MARK = "PROMOTION-AUDIT-MARK-3b9e";

/** Two windows: spring (closed long ago) and autumn (at its meeting, every decision released). */
const SPRING = { opened: daysAgo(120), nominated: daysAgo(110), released: daysAgo(90) };
const AUTUMN = { opened: daysAgo(40), nominated: daysAgo(30), released: daysAgo(20) };

let admin: Person, atlasManager: Person, borealisManager: Person, chair: Person, engineer: Person;
let springId: string, autumnId: string;
const generated: Generated[] = [];
/** Per window: the nominee's id, the kind of nomination, and whether a promotion was released. */
const nominated = new Map<string, Map<string, { kind: string; promoted: boolean }>>();

beforeAll(async () => {
  admin = await createAdmin({ name: "Ada Admin" });
  atlasManager = await createPerson({ name: "Mona Atlas", track: "manager", level: "m1" });
  borealisManager = await createPerson({ name: "Bo Borealis", track: "manager", level: "m1" });
  chair = await createPerson({ name: "Cleo Chair", track: "ic", level: "ic5" });
  const teams = new Map<string, string>();
  for (const name of ["Atlas", "Borealis"])
    teams.set(name, (await db.team.create({ data: { name }, select: { id: true } })).id);
  for (let index = 0; index < 48; index++) {
    const team = index < 24 ? "Atlas" : "Borealis";
    // Two people in Oslo, never nominated: a group below the floor, never named nor counted.
    const location = index === 3 || index === 30 ? "Oslo" : index % 4 < 2 ? "Berlin" : "Lisbon";
    const manager = team === "Atlas" ? atlasManager : borealisManager;
    const person = await createPerson({
      name: `${team} engineer ${index}`,
      track: "ic",
      level: index % 2 ? "ic3" : "ic2",
      teamId: teams.get(team)!,
      managerId: manager.id,
      attributes: JSON.stringify({ location }),
    });
    generated.push({ person, team, level: index % 2 ? "ic3" : "ic2", location, manager });
  }
  engineer = generated[0]!.person;
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  const window = async (name: string, state: string, dates: typeof SPRING) =>
    (
      await db.promotionWindow.create({
        data: {
          name,
          ladderId: "engineering",
          ladderVersionId: served.versionId,
          state,
          nominationsOpenOn: dates.opened,
          nominationsCloseOn: dates.nominated,
          packetsDueOn: dates.nominated,
          votesDueOn: dates.released,
          effectiveOn: dates.released,
          minMembers: 1,
          membersAtOrAbove: false,
          minOutsideMembers: 0,
          redactedFirstRead: false,
          openedAt: dates.opened,
          members: { create: [{ personId: chair.id, role: "chair" }] },
          eligible: {
            create: generated.map((entry) => ({
              personId: entry.person.id,
              trackId: "ic",
              levelId: entry.level,
              teamId: teams.get(entry.team)!,
              managerId: entry.manager.id,
              attributes: JSON.stringify({ location: entry.location }),
            })),
          },
        },
        select: { id: true },
      })
    ).id;
  springId = await window("Spring promotions", "closed", SPRING);
  autumnId = await window("Autumn promotions", "meeting", AUTUMN);
  // Chosen so that every group (team, level, location, window) moves by the floor's worth of people or by none at each
  // moment: were one person's change alone in a group, the check would rightly hide figures that would give it away.
  const candidates = (team: string) =>
    generated.filter((entry) => entry.team === team && entry.location !== "Oslo");
  for (const [windowId, dates, atlas, borealis] of [
    // Spring: both teams alike, half of each put forward by their manager and promoted.
    [springId, SPRING, { nominated: 12, byManager: 6 }, { nominated: 12, byManager: 6 }],
    // Autumn: Atlas is nominated five times as often as Borealis, the four-fifths rule's case.
    [autumnId, AUTUMN, { nominated: 20, byManager: 10 }, { nominated: 4, byManager: 4 }],
  ] as const) {
    const own = new Map<string, { kind: string; promoted: boolean }>();
    nominated.set(windowId, own);
    let number = 0;
    for (const [team, plan] of [
      ["Atlas", atlas],
      ["Borealis", borealis],
    ] as const) {
      for (const [position, entry] of candidates(team).slice(0, plan.nominated).entries()) {
        const kind = position < plan.byManager ? "manager" : "self";
        // The ones their manager put forward are promoted, except in Borealis in the autumn.
        const promoted = kind === "manager" && !(windowId === autumnId && team === "Borealis");
        own.set(entry.person.id, { kind, promoted });
        await db.promotionNomination.create({
          data: {
            windowId,
            nomineeId: entry.person.id,
            kind,
            nominatedById: kind === "self" ? entry.person.id : entry.manager.id,
            trackId: "ic",
            levelId: entry.level,
            managerId: entry.manager.id,
            targetTrackId: "ic",
            targetLevelId: entry.level === "ic2" ? "ic3" : "ic4",
            statement: `Ready for the next level ${MARK}`,
            candidateNumber: ++number,
            state: "decided",
            createdAt: dates.nominated,
            decision: {
              create: {
                outcome: promoted ? "promote" : "not-yet",
                rationale: "{}",
                summary: `Decided ${MARK}`,
                decidedById: chair.id,
                decidedAt: dates.released,
                releasedAt: dates.released,
                releasedById: chair.id,
              },
            },
          },
        });
      }
    }
  }
});

const across = async (viewer: Person) =>
  bodyOf<Across>(
    await acrossRoute.loader(routeArgs(await signedInRequest("/promotions/audit", viewer.id))),
  );
const ofWindow = async (viewer: Person, windowId: string) =>
  bodyOf<OfWindow>(
    await windowRoute.loader(
      routeArgs(await signedInRequest(`/promotions/windows/${windowId}/audit`, viewer.id), {
        windowId,
      }),
    ),
  );
/** The close action's answer: a refusal is returned as the page's data, a 404 thrown. */
async function close(viewer: Person, windowId: string): Promise<unknown> {
  try {
    return await (closeRoute.action as RouteFunction)(
      routeArgs(
        await signedInPost(`/admin/promotions/${windowId}`, viewer.id, { intent: "close" }),
        { windowId },
      ),
    );
  } catch (error) {
    return error;
  }
}

/** The units as this test generated them, each person in each window, and the audit's dimensions: across windows, the windows, each window's own. */
function expectedAudits() {
  const base = ["team", "track", "level", "attribute:location"];
  const windows = [springId, autumnId].map((id) => ({
    id,
    dates: id === springId ? SPRING : AUTUMN,
  }));
  const dimensions = [
    ...base,
    "window",
    ...windows.flatMap((window) => base.map((dimension) => `${dimension}@${window.id}`)),
  ];
  const nominations: AuditUnit[] = [];
  const putForward: AuditUnit[] = [];
  for (const window of windows) {
    for (const entry of generated) {
      const own = {
        team: entry.team,
        track: "ic",
        level: entry.level,
        "attribute:location": entry.location,
      };
      const groups: Record<string, string | null> = { ...own, window: window.id };
      for (const other of windows)
        for (const dimension of base)
          groups[`${dimension}@${other.id}`] =
            other.id === window.id ? own[dimension as keyof typeof own] : null;
      const state = (stage: string) => ({ stage, groups });
      const nomination = nominated.get(window.id)!.get(entry.person.id);
      const id = `${window.id}:${entry.person.id}`;
      nominations.push({
        id,
        person: entry.person.id,
        history: [
          { at: dayOf(window.dates.opened), state: state("eligible") },
          ...(nomination ? [{ at: dayOf(window.dates.nominated), state: state("nominated") }] : []),
          ...(nomination?.promoted
            ? [{ at: dayOf(window.dates.released), state: state("promoted") }]
            : []),
        ],
      });
      putForward.push({
        id,
        person: entry.person.id,
        history: [
          { at: dayOf(window.dates.opened), state: state("eligible") },
          ...(nomination && nomination.kind !== "self"
            ? [{ at: dayOf(window.dates.nominated), state: state("putForward") }]
            : []),
        ],
      });
    }
  }
  const floorOf = () => SMALL_GROUP_FLOOR;
  return {
    nominations: equityAudit(
      { name: "promotions-nominations", stages: ["eligible", "nominated", "promoted"], dimensions },
      nominations,
      floorOf,
    ),
    putForward: equityAudit(
      { name: "promotions-putForward", stages: ["eligible", "putForward"], dimensions },
      putForward,
      floorOf,
    ),
  };
}

describe("the promotion audit", () => {
  test("a window closes only after its chair opened its audit, and the opening is in the window's history", async () => {
    const refused = await close(admin, autumnId);
    expect(statusOf(refused)).toBe(409);
    expect(JSON.stringify(bodyOf(refused))).toContain(
      "The chair has not opened the window's audit yet",
    );
    expect((await db.promotionWindow.findUniqueOrThrow({ where: { id: autumnId } })).state).toBe(
      "meeting",
    );

    // An admin reading the audit is not the chair's step.
    await ofWindow(admin, autumnId);
    expect(
      await db.promotionEvent.count({ where: { windowId: autumnId, kind: "audit-opened" } }),
    ).toBe(0);
    expect(statusOf(await close(admin, autumnId))).toBe(409);

    // Nor does the chair's while nominations are still open: what they read must be the window's whole field.
    await db.promotionWindow.update({ where: { id: autumnId }, data: { state: "open" } });
    await ofWindow(chair, autumnId);
    await db.promotionWindow.update({ where: { id: autumnId }, data: { state: "meeting" } });
    expect(
      await db.promotionEvent.count({ where: { windowId: autumnId, kind: "audit-opened" } }),
    ).toBe(0);

    const read = await ofWindow(chair, autumnId);
    expect(read.chair).toBe(true);
    expect(
      await db.promotionEvent.findMany({
        where: { windowId: autumnId, kind: "audit-opened" },
        select: { actorId: true },
      }),
    ).toEqual([{ actorId: chair.id }]);
    await ofWindow(chair, autumnId);
    expect(
      await db.promotionEvent.count({ where: { windowId: autumnId, kind: "audit-opened" } }),
    ).toBe(1);
    expect(await db.promotionAuditView.count({ where: { windowId: autumnId } })).toBe(4);

    expect(statusOf(await close(chair, autumnId))).toBe(403);
    expect(statusOf(await close(admin, autumnId))).toBe(302);
    expect(
      await db.promotionWindow.findUniqueOrThrow({
        where: { id: autumnId },
        select: { state: true },
      }),
    ).toEqual({ state: "closed" });
    expect(
      await db.promotionEvent.count({
        where: {
          windowId: autumnId,
          kind: "state",
          change: JSON.stringify({ state: ["meeting", "closed"] }),
        },
      }),
    ).toBe(1);
  });

  test("admins read every audit, the chair their window's, a manager their own organisation's, and anyone else gets a 404", async () => {
    expect(statusOf(await thrown(async () => across(engineer)))).toBe(404);
    expect(statusOf(await thrown(async () => ofWindow(engineer, autumnId)))).toBe(404);
    // Cleo chaired spring too; as a member of it she reads neither it nor the audit across windows.
    await db.promotionCommitteeMember.update({
      where: { windowId_personId: { windowId: springId, personId: chair.id } },
      data: { role: "member" },
    });
    expect(statusOf(await thrown(async () => across(chair)))).toBe(404);
    expect(statusOf(await thrown(async () => ofWindow(chair, springId)))).toBe(404);

    const chairs = await ofWindow(chair, autumnId);
    expect(chairs.scope).toBe("organisation");
    expect(chairs.audits[0]!.audit.total.steps?.[0]?.n).toBe(generated.length);

    const mine = await across(atlasManager);
    expect(mine.scope).toBe("line");
    const atlas = generated.filter((entry) => entry.team === "Atlas");
    expect(mine.audits[0]!.audit.total.steps?.[0]?.n).toBe(atlas.length * 2);
    expect(
      mine.audits[0]!.audit.dimensions.find((dimension) => dimension.id === "team")!.groups.map(
        (group) => group.value,
      ),
    ).toEqual(["Atlas"]);
    expect((await ofWindow(atlasManager, autumnId)).audits[0]!.audit.total.steps?.[0]?.n).toBe(
      atlas.length,
    );

    expect((await across(admin)).scope).toBe("organisation");
  });

  test("its figures are the equity audit's for the same units: nothing is computed twice", async () => {
    const expected = expectedAudits();
    const everyone = await across(admin);
    for (const entry of everyone.audits) {
      const audit = expected[entry.id];
      expect(withoutLabels(entry.audit)).toEqual({
        ...audit,
        dimensions: audit.dimensions.filter((dimension) => !dimension.id.includes("@")),
      });
    }
    const autumn = await ofWindow(admin, autumnId);
    for (const entry of autumn.audits) {
      const audit = expected[entry.id];
      const row = audit.dimensions
        .find((dimension) => dimension.id === "window")!
        .groups.find((group) => group.value === autumnId)!;
      expect(withoutLabels(entry.audit)).toEqual({
        ...audit,
        total: {
          shown: row.shown,
          steps:
            row.steps?.map(({ from, to, n, successes, band, rate }) => ({
              from,
              to,
              n,
              successes,
              band,
              rate,
            })) ?? null,
        },
        dimensions: audit.dimensions
          .filter((dimension) => dimension.id.endsWith(`@${autumnId}`))
          .map((dimension) => ({
            ...dimension,
            id: dimension.id.slice(0, dimension.id.indexOf("@")),
          })),
      });
    }
    const total = autumn.audits.find((entry) => entry.id === "nominations")!.audit.total.steps!;
    expect(total[0]).toMatchObject({
      n: generated.length,
      successes: nominated.get(autumnId)!.size,
    });
  });

  test("a hidden group carries no figure in the page's data, a small one is not named, and no statement or summary reaches it", async () => {
    for (const view of [
      await across(admin),
      await ofWindow(admin, autumnId),
      await across(borealisManager),
    ]) {
      const text = JSON.stringify(view);
      expect(text).not.toContain(MARK);
      expect(text).not.toContain("Oslo");
      for (const entry of view.audits) {
        for (const dimension of entry.audit.dimensions) {
          for (const group of dimension.groups) if (!group.shown) expect(group.steps).toBeNull();
        }
        if (!entry.audit.total.shown) expect(entry.audit.total.steps).toBeNull();
      }
      expect(
        view.audits
          .flatMap((entry) => entry.audit.dimensions)
          .find((dimension) => dimension.id === "attribute:location")?.smallGroupsLeftOut,
      ).toBe(true);
    }
    // The window's Lisbon row would give Oslo's two people (the window less Berlin less Lisbon): hidden, so the check above read a hidden row.
    const lisbon = (await ofWindow(admin, autumnId)).audits[0]!.audit.dimensions.find(
      (dimension) => dimension.id === "attribute:location",
    )!.groups.find((group) => group.value === "Lisbon")!;
    expect(lisbon).toMatchObject({ shown: false, steps: null });
  });

  test("a window where one team is nominated far less often is flagged under the four-fifths rule, and the page says so", async () => {
    const view = await ofWindow(admin, autumnId);
    const team = view.audits
      .find((entry) => entry.id === "nominations")!
      .audit.dimensions.find((dimension) => dimension.id === "team")!;
    const borealis = team.groups.find((group) => group.value === "Borealis")!;
    expect(borealis.steps?.[0]).toMatchObject({ from: "eligible", to: "nominated" });
    expect(borealis.steps![0]!.impact).toMatchObject({ reference: "Atlas", flagged: true });
    expect(team.groups.find((group) => group.value === "Atlas")!.steps![0]!.highest).toBe(true);
    const spring = await ofWindow(admin, springId);
    const springTeams = spring.audits
      .find((entry) => entry.id === "nominations")!
      .audit.dimensions.find((dimension) => dimension.id === "team")!;
    expect(
      springTeams.groups.flatMap((group) => group.steps ?? []).some((step) => step.impact?.flagged),
    ).toBe(false);

    const text = (html: string) =>
      html
        .replace(/<!-- -->/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/\s+/g, " ");
    const page = text(
      (
        await renderPage(
          windowRoute as unknown as PageModule,
          "/promotions/windows/:windowId/audit",
          `/promotions/windows/${autumnId}/audit`,
          admin.id,
        )
      ).html,
    );
    expect(page).toContain("Nominations and promotions");
    expect(page).toMatch(/Borealis .*Below four-fifths/);
  });

  // Last: it raises the Atlas people's floor for good.
  test("a calibration session that raises its people's floor applies to both audits the moment it is set up, though they were just read and kept", async () => {
    const atlasOf = (view: Across | OfWindow) =>
      view.audits
        .find((entry) => entry.id === "nominations")!
        .audit.dimensions.find((dimension) => dimension.id === "team")!
        .groups.find((group) => group.value === "Atlas");
    const [before, windowBefore] = [await across(admin), await ofWindow(admin, springId)];
    expect([before.floor, windowBefore.floor]).toEqual([SMALL_GROUP_FLOOR, SMALL_GROUP_FLOOR]);
    expect(atlasOf(before)).toMatchObject({ shown: true });
    expect(atlasOf(windowBefore)).toMatchObject({ shown: true });

    const atlas = generated.filter((entry) => entry.team === "Atlas");
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Atlas half-year",
        startsOn: daysAgo(5),
        endsOn: daysAgo(-60),
        participants: { create: atlas.map((entry) => ({ userId: entry.person.id })) },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Atlas calibration",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: atlasManager.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
        groupFloor: atlas.length + 1,
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));

    // Every Atlas person now needs a group larger than Atlas itself: no figure of the team is released, whatever was kept.
    for (const view of [await across(admin), await ofWindow(admin, springId)]) {
      expect(view.floor).toBe(atlas.length + 1);
      expect(atlasOf(view)?.shown ?? false).toBe(false);
      expect(atlasOf(view)?.steps ?? null).toBeNull();
    }
  });
});
