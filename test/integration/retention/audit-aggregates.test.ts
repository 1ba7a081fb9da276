// The audits after the erasure of people who left, as aggregates.test.ts reads the reports: the
// promotion audit across windows and the window's own, its time to promotion, and the access audit
// read exactly as before, for an admin and for the leavers' former manager. One leaver was eligible,
// nominated by their manager, promoted, sponsored and chosen for stretch work; the other nominated
// themselves, was not promoted, and applied for stretch work without being chosen. Their figures
// stay in every audit (erasure keeps who was eligible, nominated, decided, promoted, saw, applied,
// was chosen and sponsored); only their words and name go.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { accessAuditView } from "~/modules/access-audit/access-audit.server";
import { peopleChangedAt } from "~/modules/people/queries.server";
import { promotionAuditView, windowAuditView } from "~/modules/promotions/audit.server";
import { erasedName } from "~/modules/retention/erasure.server";
import { runRetentionPass } from "~/modules/retention/pass.server";
import { createPerson, type Person } from "../../utils/factories";
import { engineeringVersionId } from "../promotions/committee-fixtures";
import { adminAndLine, DAY } from "../promotions/fixtures";

const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
/** The day both readings are made on, the same for both: the audits count the days before it. */
const NOW = new Date(today + 12 * 60 * 60 * 1000);

/** Everyone reached ic2 before Rungs knew them; the window opened, nominated and decided; stretch work was posted; the two leavers left months later. */
const BEGAN = daysAgo(950);
const JOINED = daysAgo(900);
const SAW = daysAgo(800);
const APPLIED = daysAgo(790);
const CHOSEN = daysAgo(780);
const SPONSORED = daysAgo(770);
const OPENED = daysAgo(700);
const NOMINATED = daysAgo(690);
const RELEASED = daysAgo(650);
const LEFT = daysAgo(400);
/** In every statement, addition, summary, note and reason: the leavers' words, which erasure takes. */
const MARK = "AUDIT-AGGREGATES-MARK-5e2a";

type Generated = { person: Person; team: string; index: number };
let admin: Person, manager: Person;
let windowId: string;
const generated: Generated[] = [];
let promotedLeaver: Person, notPromotedLeaver: Person;

/**
 * Two teams of twelve at ic2, each moving by the floor's worth of people or by none at every moment
 * (as audit.test.ts chooses its own), so the check shows figures the leavers are counted in: in each
 * team the first four are put forward by their manager and promoted, the next four nominate
 * themselves and are not, the first eight apply for stretch work and the first four are chosen and
 * sponsored. The promoted leaver is Atlas's first, the other Borealis's fifth.
 */
const promoted = (entry: { index: number }) => entry.index < 4;
const nominated = (entry: { index: number }) => entry.index < 8;

beforeAll(async () => {
  const line = await adminAndLine();
  admin = line.admin;
  manager = line.manager;
  const sponsor = await createPerson({ name: "Priya Principal", track: "ic", level: "ic5" });
  const chair = await createPerson({ name: "Cleo Chair", track: "ic", level: "ic5" });
  for (const team of ["Atlas", "Borealis"]) {
    const teamId = (await db.team.create({ data: { name: team }, select: { id: true } })).id;
    for (let index = 0; index < 12; index++) {
      const promotedAt = promoted({ index }) ? RELEASED : null;
      const person = await createPerson({
        name: `${team} engineer ${index}`,
        ladderId: "engineering",
        track: "ic",
        level: promotedAt ? "ic3" : "ic2",
        levelSince: promotedAt ? null : BEGAN,
        teamId,
        // Atlas under Max Manager, Borealis under Bea Boss (whose organisation holds Max's).
        managerId: team === "Atlas" ? line.manager.id : line.boss.id,
        createdAt: JOINED,
      });
      if (promotedAt)
        await db.levelChange.create({
          data: {
            personId: person.id,
            fromTrackId: "ic",
            fromLevelId: "ic2",
            toTrackId: "ic",
            toLevelId: "ic3",
            source: "promoted",
            changedAt: promotedAt,
            fromSince: BEGAN,
          },
        });
      generated.push({ person, team, index });
    }
  }
  const inTeam = (team: string, index: number) =>
    generated.find((entry) => entry.team === team && entry.index === index)!.person;
  promotedLeaver = inTeam("Atlas", 0);
  notPromotedLeaver = inTeam("Borealis", 4);

  // Stretch work: everyone saw eight opportunities, the first eight of each team applied for each, and each chose one of the first four of a team.
  const chosen = generated.filter(promoted);
  for (const [number, person] of chosen.map((entry) => entry.person).entries()) {
    const opportunity = await db.opportunity.create({
      data: {
        kind: "project",
        title: `Stretch ${number}`,
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: CHOSEN,
        endsOn: daysAgo(700),
        posterId: line.boss.id,
        status: "chosen",
        reason: `Closest fit ${MARK}`,
        criteriaIds: "[]",
        decidedAt: CHOSEN,
        createdAt: SAW,
      },
      select: { id: true },
    });
    await db.opportunityView.createMany({
      data: generated.map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        viewedAt: SAW,
      })),
    });
    await db.opportunityInterest.createMany({
      data: generated.filter(nominated).map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        note: `Keen ${MARK}`,
        outcome: entry.person.id === person.id ? "chosen" : "not-chosen",
        createdAt: APPLIED,
      })),
    });
  }
  await db.sponsorship.createMany({
    data: chosen.map((entry) => ({
      sponsorId: sponsor.id,
      sponseeId: entry.person.id,
      advocacy: "role",
      target: `Tech lead ${MARK}`,
      note: MARK,
      until: daysAgo(-200),
      createdAt: SPONSORED,
    })),
  });

  // The window, every decision released: who it could promote kept as they were when it opened.
  windowId = (
    await db.promotionWindow.create({
      data: {
        name: "Spring promotions",
        ladderId: "engineering",
        ladderVersionId: await engineeringVersionId(),
        state: "closed",
        nominationsOpenOn: OPENED,
        nominationsCloseOn: NOMINATED,
        packetsDueOn: NOMINATED,
        votesDueOn: RELEASED,
        effectiveOn: RELEASED,
        minMembers: 1,
        membersAtOrAbove: false,
        minOutsideMembers: 0,
        redactedFirstRead: false,
        openedAt: OPENED,
        members: { create: [{ personId: chair.id, role: "chair" }] },
        eligible: {
          create: generated.map((entry) => ({
            personId: entry.person.id,
            trackId: "ic",
            levelId: "ic2",
            teamId: entry.person.teamId,
            managerId: entry.person.managerId,
            attributes: "{}",
          })),
        },
      },
      select: { id: true },
    })
  ).id;
  let candidateNumber = 0;
  for (const entry of generated.filter(nominated)) {
    const kind = promoted(entry) ? "manager" : "self";
    await db.promotionNomination.create({
      data: {
        windowId,
        nomineeId: entry.person.id,
        kind,
        nominatedById: kind === "self" ? entry.person.id : entry.person.managerId!,
        trackId: "ic",
        levelId: "ic2",
        managerId: entry.person.managerId!,
        targetTrackId: "ic",
        targetLevelId: "ic3",
        statement: `Ready for the next level ${MARK}`,
        managerAddition: `Agreed ${MARK}`,
        candidateNumber: ++candidateNumber,
        state: "decided",
        createdAt: NOMINATED,
        decision: {
          create: {
            outcome: promoted(entry) ? "promote" : "not-yet",
            rationale: "{}",
            summary: `Decided ${MARK}`,
            decidedById: chair.id,
            decidedAt: RELEASED,
            releasedAt: RELEASED,
            releasedById: chair.id,
          },
        },
      },
    });
  }

  // Both leave, on days of their own, long before the leavers rule's six months.
  for (const [leaver, days] of [
    [promotedLeaver, 0],
    [notPromotedLeaver, 30],
  ] as const)
    await db.user.update({
      where: { id: leaver.id },
      data: { deactivatedAt: new Date(LEFT.getTime() + days * DAY) },
    });
});

/** Every figure of every audit, as the admin and the leavers' former manager read them on NOW. */
async function audits() {
  const read = async (viewer: Person) => ({
    promotions: await promotionAuditView(viewer, { now: NOW }),
    window: await windowAuditView(viewer, windowId, { now: NOW }),
    access: await accessAuditView(viewer, { now: NOW }),
  });
  return { admin: await read(admin), manager: await read(manager) };
}

describe("the audits after the erasure of people who left", () => {
  test("the promotion audit, the window's own, time to promotion and the access audit release the same figures, and the leavers are still counted in them", async () => {
    const before = await audits();
    // Figures, not hidden groups: every audit the leavers are in shows its total, counting them.
    const total = (audit: { total: { steps: { n: number | null }[] | null } }) =>
      audit.total.steps?.[0]?.n;
    const promotionsAudit = (id: string) =>
      before.admin.promotions.audits.find((entry) => entry.id === id)!.audit;
    expect(total(promotionsAudit("nominations"))).toBe(generated.length);
    expect(total(promotionsAudit("putForward"))).toBe(generated.length);
    expect(total(before.admin.window.audits[0]!.audit)).toBe(generated.length);
    // Everyone's year at ic2, and the promoted ones' at ic3 but the leaver's, who left before theirs was up.
    expect(total(before.admin.promotions.timeToPromotion[0]!.audit)).toBe(
      generated.length + generated.filter(promoted).length - 1,
    );
    const accessAudit = (id: string) =>
      before.admin.access.audits.find((entry) => entry.id === id)!.audit;
    expect(total(accessAudit("opportunities"))).toBe(generated.length);
    expect(total(accessAudit("sponsorship"))).toBe(generated.length);
    expect(total(before.manager.promotions.audits[0]!.audit)).toBe(12);

    const changedBefore = await peopleChangedAt();
    await db.retentionRule.create({ data: { kind: "leavers", keepFor: 6 } });
    const pass = await runRetentionPass(NOW);
    expect(pass.removed.leavers).toBe(2);
    expect(pass.failed).toEqual([]);
    for (const leaver of [promotedLeaver, notPromotedLeaver])
      expect((await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).name).toBe(
        erasedName(),
      );
    // Their words went, their nominations and what they saw, applied for and were chosen for stayed.
    const theirs = { nomineeId: { in: [promotedLeaver.id, notPromotedLeaver.id] } };
    expect(
      (await db.promotionNomination.findMany({ where: theirs, select: { statement: true } })).map(
        (row) => row.statement,
      ),
    ).toEqual(["", ""]);
    expect(
      await db.opportunityInterest.count({
        where: { personId: { in: [promotedLeaver.id, notPromotedLeaver.id] }, note: "" },
      }),
    ).toBe(16);
    // Each audit keeps a view per version of what it reads, people's changes among it: the erasure
    // changed the people it erased, so the readings below are made afresh over the erased rows.
    expect((await peopleChangedAt())!.getTime()).toBeGreaterThan(changedBefore!.getTime());

    expect(await audits()).toEqual(before);
  });
});
