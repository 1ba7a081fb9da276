import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import { servedLadderVersion } from "../../app/modules/ladders/registry.server.ts";
import { requireLadderOfVersion } from "../../app/modules/ladders/versions.server.ts";
import { criteriaOf, nameMember } from "../../app/modules/promotions/committee.server.ts";
import { saveBallot } from "../../app/modules/promotions/ballots.server.ts";
import { workingDayFrom } from "../../app/modules/promotions/calendar.ts";

/** Fixed ids, so the docs (docs/features.md) and the browser test can name the demo's windows and nominations. */
export const DEMO_PROMOTION_IDS = {
  autumn: "demo-promotions-autumn",
  spring: "demo-promotions-spring",
  lucas: "demo-nomination-lucas",
  niamh: "demo-nomination-niamh",
  ravi: "demo-nomination-ravi",
  chloe: "demo-nomination-chloe",
  summer: "demo-promotions-summer",
} as const;

const DAY = 24 * 60 * 60 * 1000;
const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;

/**
 * The demo's promotion committees: "Autumn promotions", votes under way (Lucas Moreau and Niamh
 * Gallagher nominated for Engineer III, a redacted first read, its meeting set for the day after
 * votes are due; Anna Schmidt chairs, Elif Yilmaz has
 * voted, Diego Santos has not; Laura Bianchi, Lucas's manager, presents him and votes only on Niamh),
 * and "Spring promotions", closed, whose decisions were released: Ravi Iyer promoted to Staff
 * Engineer, Chloe Martin not yet; and "Summer promotions", just opened, with no nomination and no
 * committee yet: a window to walk from the first nomination to the release (a committee of two
 * voters, a redacted first read). Idempotent.
 */
export async function seedDemoPromotionCommittees(now = new Date()): Promise<void> {
  if (
    await db.promotionWindow.findUnique({
      where: { id: DEMO_PROMOTION_IDS.autumn },
      select: { id: true },
    })
  )
    return;
  const served = await servedLadderVersion("engineering");
  const names = [
    "Priya Raman",
    "Anna Schmidt",
    "Elif Yilmaz",
    "Diego Santos",
    "Laura Bianchi",
    "Lucas Moreau",
    "Niamh Gallagher",
    "Peter Walsh",
    "Patrick Doyle",
    "Ravi Iyer",
    "Chloe Martin",
    "Sam Okafor",
    "Rosa Delgado",
  ];
  const people = await db.user.findMany({
    where: { email: { in: names.map(emailOf) } },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      isHiringAdmin: true,
      managerId: true,
    },
  });
  if (!served || people.length !== names.length) return;
  const who = (name: string) => people.find((person) => person.email === emailOf(name))!;
  const viewer = (name: string): Viewer => who(name);
  const ladder = await requireLadderOfVersion(served.versionId);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const dayAt = (days: number) => new Date(`${at(days).toISOString().slice(0, 10)}T00:00:00.000Z`);
  const base = {
    ladderId: "engineering",
    ladderVersionId: served.versionId,
    membersAtOrAbove: true,
    minOutsideMembers: 1,
  };

  await db.promotionWindow.create({
    data: {
      ...base,
      id: DEMO_PROMOTION_IDS.autumn,
      name: "Autumn promotions",
      state: "open",
      minMembers: 3,
      redactedFirstRead: true,
      nominationsOpenOn: dayAt(-40),
      nominationsCloseOn: dayAt(-20),
      packetsDueOn: dayAt(-10),
      votesDueOn: dayAt(7),
      // The meeting, the first working day after votes are due: its members have it in their calendars.
      meetingStartsAt: new Date(workingDayFrom(dayAt(8)).getTime() + 14 * 60 * 60 * 1000),
      meetingEndsAt: new Date(workingDayFrom(dayAt(8)).getTime() + 15.5 * 60 * 60 * 1000),
      effectiveOn: dayAt(30),
      openedAt: at(-40),
      createdById: who("Priya Raman").id,
    },
  });
  const nominate = async (
    id: string,
    windowId: string,
    nominee: string,
    levels: { from: string; to: string },
    candidateNumber: number,
    statement: string,
    cases: (competency: string) => string,
  ) => {
    const person = who(nominee);
    await db.promotionNomination.create({
      data: {
        id,
        windowId,
        nomineeId: person.id,
        kind: "manager",
        nominatedById: person.managerId!,
        trackId: "ic",
        levelId: levels.from,
        managerId: person.managerId,
        targetTrackId: "ic",
        targetLevelId: levels.to,
        statement,
        candidateNumber,
        state: windowId === DEMO_PROMOTION_IDS.spring ? "decided" : "nominated",
      },
    });
    // Written as a draft, then submitted: the database refuses cases added to a submitted packet.
    const packet = await db.promotionPacket.create({
      data: {
        nominationId: id,
        ladderVersionId: served.versionId,
        targetTrackId: "ic",
        targetLevelId: levels.to,
        cases: {
          create: criteriaOf(ladder, levels.to).map((criterion) => ({
            competencyId: criterion.id,
            nomineeCase: cases(criterion.name),
            evidence: "[]",
          })),
        },
      },
    });
    await db.promotionPacket.update({
      where: { id: packet.id },
      data: {
        submittedAt: windowId === DEMO_PROMOTION_IDS.spring ? at(-160) : at(-12),
        submittedById: person.id,
      },
    });
  };
  await nominate(
    DEMO_PROMOTION_IDS.lucas,
    DEMO_PROMOTION_IDS.autumn,
    "Lucas Moreau",
    { from: "ic2", to: "ic3" },
    1,
    "Lucas has owned search ranking for three quarters and led the relevance rewrite end to end.",
    (competency) =>
      `Lucas Moreau on ${competency}: the relevance rewrite, which Laura Bianchi's Search team shipped in May.`,
  );
  await nominate(
    DEMO_PROMOTION_IDS.niamh,
    DEMO_PROMOTION_IDS.autumn,
    "Niamh Gallagher",
    { from: "ic2", to: "ic3" },
    2,
    "Niamh rebuilt the sign-in flow for the Identity team and now mentors two engineers.",
    (competency) => `Niamh on ${competency}: the sign-in rebuild, with the Identity team.`,
  );
  const admin = viewer("Priya Raman");
  for (const [name, role] of [
    ["Anna Schmidt", "chair"],
    ["Elif Yilmaz", "member"],
    ["Diego Santos", "member"],
    ["Laura Bianchi", "member"],
  ] as const) {
    await nameMember(admin, DEMO_PROMOTION_IDS.autumn, { email: emailOf(name), role });
  }
  await db.promotionWindow.update({
    where: { id: DEMO_PROMOTION_IDS.autumn },
    data: { state: "committee", revision: { increment: 1 } },
  });
  for (const [nominationId, marks] of [
    [DEMO_PROMOTION_IDS.lucas, (index: number) => (index % 5 === 4 ? "partly" : "met")],
    [DEMO_PROMOTION_IDS.niamh, (index: number) => (index % 3 === 0 ? "not-yet" : "partly")],
  ] as const) {
    const criteria = criteriaOf(ladder, "ic3");
    await saveBallot(viewer("Elif Yilmaz"), DEMO_PROMOTION_IDS.autumn, nominationId, {
      marks: Object.fromEntries(criteria.map((criterion, index) => [criterion.id, marks(index)])),
      notes: Object.fromEntries(
        criteria.map((criterion, index) => [
          criterion.id,
          marks(index) === "met"
            ? ""
            : `Little evidence yet of ${criterion.name.toLowerCase()} beyond the team.`,
        ]),
      ),
      submit: true,
      revision: null,
    });
  }

  // Spring: closed, written as it stood when it closed.
  const chair = who("Peter Walsh");
  await db.promotionWindow.create({
    data: {
      ...base,
      id: DEMO_PROMOTION_IDS.spring,
      name: "Spring promotions",
      state: "closed",
      minMembers: 2,
      redactedFirstRead: false,
      nominationsOpenOn: dayAt(-220),
      nominationsCloseOn: dayAt(-200),
      packetsDueOn: dayAt(-190),
      votesDueOn: dayAt(-175),
      effectiveOn: dayAt(-150),
      openedAt: at(-220),
      closedAt: at(-140),
      auditOpenedAt: at(-141),
      auditOpenedById: chair.id,
      createdById: who("Priya Raman").id,
      members: {
        create: [
          { personId: chair.id, role: "chair", createdAt: at(-215) },
          { personId: who("Patrick Doyle").id, createdAt: at(-215) },
        ],
      },
    },
  });
  await nominate(
    DEMO_PROMOTION_IDS.ravi,
    DEMO_PROMOTION_IDS.spring,
    "Ravi Iyer",
    { from: "ic3", to: "ic4" },
    1,
    "Ravi set the payments architecture across three teams.",
    (competency) => `Ravi on ${competency}: the payments platform.`,
  );
  await nominate(
    DEMO_PROMOTION_IDS.chloe,
    DEMO_PROMOTION_IDS.spring,
    "Chloe Martin",
    { from: "ic3", to: "ic4" },
    2,
    "Chloe led the checkout redesign.",
    (competency) => `Chloe on ${competency}: the checkout redesign.`,
  );
  const staff = criteriaOf(ladder, "ic4");
  const decided = at(-160);
  for (const [nominationId, outcome] of [
    [DEMO_PROMOTION_IDS.ravi, "promote"],
    [DEMO_PROMOTION_IDS.chloe, "not-yet"],
  ] as const) {
    const markOf = (index: number) => (outcome === "promote" || index >= 3 ? "met" : "partly");
    for (const member of [chair, who("Patrick Doyle")]) {
      await db.promotionBallot.create({
        data: {
          nominationId,
          memberId: member.id,
          submittedAt: at(-170),
          votes: {
            create: staff.map((criterion, index) => ({
              competencyId: criterion.id,
              mark: markOf(index),
              note: "",
            })),
          },
        },
      });
    }
    const rationale = Object.fromEntries(
      staff.map((criterion, index) => [
        criterion.id,
        {
          mark: markOf(index),
          rationale:
            markOf(index) === "met"
              ? ""
              : `Shown within the team; not yet across several teams, as ${criterion.name.toLowerCase()} at Staff Engineer asks.`,
        },
      ]),
    );
    await db.promotionDecision.create({
      data: {
        nominationId,
        outcome,
        rationale: JSON.stringify(rationale),
        summary:
          outcome === "promote"
            ? "Every expectation of Staff Engineer is met, with evidence from three teams."
            : "Strong work in Checkout; the scope across teams that Staff Engineer asks for is not there yet.",
        decidedById: chair.id,
        decidedAt: decided,
        releasedAt: at(-155),
        releasedById: chair.id,
        appliedAt: outcome === "promote" ? dayAt(-150) : null,
        nextWindowId: outcome === "not-yet" ? DEMO_PROMOTION_IDS.autumn : null,
        readAt: at(-154),
      },
    });
    await db.promotionEvent.createMany({
      data: [
        {
          windowId: DEMO_PROMOTION_IDS.spring,
          nominationId,
          actorId: chair.id,
          kind: "decision",
          change: JSON.stringify({ outcome: [null, outcome] }),
          createdAt: decided,
        },
        {
          windowId: DEMO_PROMOTION_IDS.spring,
          nominationId,
          actorId: chair.id,
          kind: "release",
          change: JSON.stringify({ released: [false, true] }),
          createdAt: at(-155),
        },
      ],
    });
  }
  // Peter opened the window's audit the day before it closed: a window closes only after its chair has.
  await db.promotionEvent.createMany({
    data: [
      {
        windowId: DEMO_PROMOTION_IDS.spring,
        actorId: chair.id,
        kind: "audit-opened",
        createdAt: at(-141),
      },
      {
        windowId: DEMO_PROMOTION_IDS.spring,
        actorId: who("Priya Raman").id,
        kind: "state",
        change: JSON.stringify({ state: ["meeting", "closed"] }),
        createdAt: at(-140),
      },
    ],
  });

  // Summer: open, nobody nominated yet and no committee named; its eligible people as of its opening.
  const eligible = await db.user.findMany({
    where: { deactivatedAt: null, ladderId: "engineering", level: { not: null } },
    select: { id: true, track: true, level: true, teamId: true, managerId: true, attributes: true },
  });
  await db.promotionWindow.create({
    data: {
      ...base,
      id: DEMO_PROMOTION_IDS.summer,
      name: "Summer promotions",
      state: "open",
      minMembers: 2,
      redactedFirstRead: true,
      nominationsOpenOn: dayAt(-3),
      nominationsCloseOn: dayAt(14),
      packetsDueOn: dayAt(21),
      votesDueOn: dayAt(35),
      effectiveOn: dayAt(60),
      openedAt: at(-3),
      createdById: who("Priya Raman").id,
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
      windowId: DEMO_PROMOTION_IDS.summer,
      actorId: who("Priya Raman").id,
      kind: "state",
      change: JSON.stringify({ state: ["draft", "open"] }),
      createdAt: at(-3),
    },
  });
}
