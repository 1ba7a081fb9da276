import { db } from "../../app/db/client.server.ts";
import { servedLadderVersion } from "../../app/modules/ladders/registry.server.ts";
import { nominate } from "../../app/modules/promotions/nominations.server.ts";
import { nominationPage, saveCase } from "../../app/modules/promotions/packets.server.ts";
import { DEFAULT_SETTINGS } from "../../app/modules/promotions/settings.server.ts";
import { recordSponsorship } from "../../app/modules/sponsorship/sponsorship.server.ts";

export const DEMO_OPEN_WINDOW = "Spring 2027 promotions";
export const DEMO_CLOSED_WINDOW = "Autumn 2026 promotions";

const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;
const DAY = 24 * 60 * 60 * 1000;

/** The closed window's nominees: who, the level they were nominated from and for, and the decision released to them. */
const DECIDED: [string, string, string, "promote" | "not-yet"][] = [
  ["Nora Lindqvist", "ic2", "ic3", "promote"],
  ["Omar Farouk", "ic2", "ic3", "promote"],
  ["Anna Schmidt", "ic2", "ic3", "promote"],
  ["Diego Santos", "ic2", "ic3", "promote"],
  ["Amara Nwosu", "ic2", "ic3", "not-yet"],
  ["Felix Wagner", "ic2", "ic3", "not-yet"],
  ["Kofi Mensah", "ic2", "ic3", "not-yet"],
  ["Victor Dubois", "ic2", "ic3", "not-yet"],
];

/**
 * The demo's promotion windows on the engineering ladder: one closed, its eight decisions released
 * (so "how promotion works" shows its outcomes, each group large enough to pass the disclosure
 * check), and one open for nominations in Identity, away from the people the browser walks sign in
 * as: Niamh Gallagher nominated herself (her packet half written), Rosa Delgado nominated Yara
 * Haddad, and Kwame Boateng sponsors Henrik Sorensen for the next tech-lead level. The ladder stays
 * decided in calibration, as the demo's calibration walk promotes through it (decision 084).
 * Idempotent.
 */
export async function seedDemoPromotions(now = new Date()): Promise<void> {
  if (
    await db.promotionWindow.findFirst({ where: { name: DEMO_OPEN_WINDOW }, select: { id: true } })
  )
    return;
  const served = await servedLadderVersion("engineering");
  const names = [
    ...DECIDED.map(([name]) => name),
    "Priya Raman",
    "Niamh Gallagher",
    "Rosa Delgado",
    "Yara Haddad",
    "Kwame Boateng",
    "Henrik Sorensen",
  ];
  const people = new Map(
    (
      await db.user.findMany({
        where: { email: { in: names.map(emailOf) } },
        select: { id: true, email: true, isAdmin: true, managerId: true, track: true, level: true },
      })
    ).map((person) => [person.email, person]),
  );
  const who = (name: string) => people.get(emailOf(name));
  if (!served || names.some((name) => !who(name))) return;
  const admin = who("Priya Raman")!;
  const day = (days: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY);
  const rules = {
    minMembers: DEFAULT_SETTINGS.minMembers,
    membersAtOrAbove: DEFAULT_SETTINGS.membersAtOrAbove,
    minOutsideMembers: DEFAULT_SETTINGS.minOutsideMembers,
    redactedFirstRead: true,
  };
  const eligible = await db.user.findMany({
    where: { deactivatedAt: null, ladderId: "engineering", level: { not: null } },
    select: { id: true, track: true, level: true, teamId: true, managerId: true, attributes: true },
  });

  const closedAt = day(-60);
  const closed = await db.promotionWindow.create({
    data: {
      name: DEMO_CLOSED_WINDOW,
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      state: "closed",
      nominationsOpenOn: day(-150),
      nominationsCloseOn: day(-130),
      packetsDueOn: day(-115),
      votesDueOn: day(-100),
      effectiveOn: day(-75),
      ...rules,
      openedAt: day(-150),
      closedAt,
      auditOpenedAt: day(-61),
      auditOpenedById: admin.id,
      createdById: admin.id,
      // Priya chaired it, and opened its audit the day before it closed: a window closes only after.
      members: { create: [{ personId: admin.id, role: "chair" }] },
      eligible: {
        create: eligible.map((person) => ({
          personId: person.id,
          trackId: person.track,
          levelId: person.level,
          teamId: person.teamId,
          managerId: person.managerId,
          attributes: person.attributes,
        })),
      },
    },
  });
  for (const [index, [name, from, to, outcome]] of DECIDED.entries()) {
    const nominee = who(name)!;
    await db.promotionNomination.create({
      data: {
        windowId: closed.id,
        nomineeId: nominee.id,
        kind: index % 2 === 0 ? "manager" : "self",
        nominatedById: index % 2 === 0 && nominee.managerId ? nominee.managerId : nominee.id,
        trackId: "ic",
        levelId: from,
        managerId: nominee.managerId,
        targetTrackId: "ic",
        targetLevelId: to,
        statement:
          "Working at the next level's scope for two quarters; the packet's evidence backs it.",
        candidateNumber: index + 1,
        state: "decided",
        createdAt: day(-140),
        packets: {
          create: {
            ladderVersionId: served.versionId,
            targetTrackId: "ic",
            targetLevelId: to,
            submittedAt: day(-116),
            submittedById: nominee.id,
            createdAt: day(-140),
          },
        },
        decision: {
          create: {
            outcome,
            rationale: "{}",
            summary:
              outcome === "promote"
                ? "Every criterion met."
                : "Delivery and impact are not yet at the level's scope.",
            decidedById: admin.id,
            decidedAt: day(-95),
            releasedAt: day(-90),
            releasedById: nominee.managerId ?? admin.id,
          },
        },
      },
    });
  }
  await db.promotionEvent.createMany({
    data: [
      { windowId: closed.id, actorId: admin.id, kind: "audit-opened", createdAt: day(-61) },
      {
        windowId: closed.id,
        actorId: admin.id,
        kind: "state",
        change: JSON.stringify({ state: ["meeting", "closed"] }),
        createdAt: closedAt,
      },
    ],
  });

  const open = await db.promotionWindow.create({
    data: {
      name: DEMO_OPEN_WINDOW,
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      state: "open",
      nominationsOpenOn: day(-7),
      nominationsCloseOn: day(14),
      packetsDueOn: day(28),
      votesDueOn: day(42),
      effectiveOn: day(60),
      ...rules,
      openedAt: day(-7),
      createdById: admin.id,
      eligible: {
        create: eligible.map((person) => ({
          personId: person.id,
          trackId: person.track,
          levelId: person.level,
          teamId: person.teamId,
          managerId: person.managerId,
          attributes: person.attributes,
        })),
      },
    },
  });
  await db.promotionEvent.create({
    data: {
      windowId: open.id,
      actorId: admin.id,
      kind: "state",
      change: JSON.stringify({ state: ["draft", "open"] }),
      createdAt: day(-7),
    },
  });
  const niamh = who("Niamh Gallagher")!;
  // A sponsor nominates only someone they sponsor: Kwame records his sponsorship of Henrik first.
  await recordSponsorship(
    { ...who("Kwame Boateng")!, name: "Kwame Boateng", isHiringAdmin: false },
    {
      sponseeEmail: emailOf("Henrik Sorensen"),
      advocacy: "level",
      levelId: "tl2",
      note: "I will make Henrik's case for the next tech-lead level in this window.",
      until: day(90).toISOString().slice(0, 10),
    },
  );
  const made = [
    await nominate(
      niamh,
      {
        windowId: open.id,
        nomineeEmail: "",
        targetLevelId: "ic3",
        statement:
          "I have owned the login service's reliability work since spring, including the passkey rollout.",
      },
      now,
    ),
    await nominate(
      who("Rosa Delgado")!,
      {
        windowId: open.id,
        nomineeEmail: emailOf("Yara Haddad"),
        targetLevelId: "ic3",
        statement:
          "Yara leads our token service in all but title and reviews most of the team's designs.",
      },
      now,
    ),
    await nominate(
      who("Kwame Boateng")!,
      {
        windowId: open.id,
        nomineeEmail: emailOf("Henrik Sorensen"),
        targetLevelId: "tl2",
        statement:
          "Henrik steered the identity migration across three teams; I saw it from the architecture forum.",
      },
      now,
    ),
  ];
  const own = made[0];
  if (!own?.ok) return;
  const packet = (await nominationPage(niamh, own.nominationId, now)).packet;
  if (!packet) return;
  await saveCase(
    niamh,
    own.nominationId,
    packet.id,
    {
      competencyId: "code-quality",
      text: "Set the review bar for the login service; two other teams adopted its checklist.",
      evidence: [],
      revision: packet.revision,
    },
    now,
  );
}
