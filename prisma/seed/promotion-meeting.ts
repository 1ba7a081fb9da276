import { db } from "../../app/db/client.server.ts";
import { dateToDay } from "../../app/modules/days.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import { saveBallot } from "../../app/modules/promotions/ballots.server.ts";
import {
  inReportingLine,
  outsideOrganisation,
} from "../../app/modules/promotions/committee-policy.ts";
import { nameMember } from "../../app/modules/promotions/committee.server.ts";
import { startMeeting } from "../../app/modules/promotions/decisions.server.ts";
import { nominate } from "../../app/modules/promotions/nominations.server.ts";
import {
  nominationPage,
  saveCase,
  submitPacket,
} from "../../app/modules/promotions/packets.server.ts";
import { DEFAULT_SETTINGS, saveSettings } from "../../app/modules/promotions/settings.server.ts";
import {
  createWindow,
  openWindow,
  startVotes,
} from "../../app/modules/promotions/windows.server.ts";

/**
 * A promotion window at its meeting, for benchmarks: the engineering ladder decided by committees,
 * a window opened forty days ago, `nominees` Senior Engineers (ic3) nominated by their managers for
 * Staff Engineer (ic4), each packet filled by the nominee and their manager (a case and up to three
 * pieces of evidence per criterion) and submitted, a committee of four Senior Staff or Principal
 * Engineers from outside the nominees' organisations, every ballot submitted with notes, and the
 * meeting started. Beside it, a second window still taking packets, where one more Senior Engineer
 * has written most of their packet and their manager nothing yet (the packet being written). Written
 * through the services, so each step is checked as the app checks it.
 */
export type PromotionMeetingSummary = {
  windowId: string;
  nominationIds: string[];
  criteria: number;
  /** The first nominee (their packet), the chair (the meeting) and a member (a ballot). */
  nomineeEmail: string;
  chairEmail: string;
  memberEmail: string;
  /** The window taking packets, and the nomination whose packet its nominee is writing. */
  writing: { windowId: string; nominationId: string; nomineeEmail: string; written: number };
};

const DAY = 24 * 60 * 60 * 1000;
const PERSON = {
  id: true,
  name: true,
  email: true,
  isAdmin: true,
  isHiringAdmin: true,
  managerId: true,
  linePath: true,
} as const;

export async function seedPromotionMeeting(options: {
  admin: Viewer;
  nominees?: number;
  now?: Date;
}): Promise<PromotionMeetingSummary> {
  const now = options.now ?? new Date();
  const count = options.nominees ?? 3;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const { admin } = options;

  await saveSettings(admin, { ...DEFAULT_SETTINGS, scope: "engineering", mode: "committee" });
  const windowId = await createWindow(admin, {
    name: "Bench promotions",
    ladderId: "engineering",
    nominationsOpenOn: dateToDay(at(-40)),
    nominationsCloseOn: dateToDay(at(-20)),
    packetsDueOn: dateToDay(at(-10)),
    votesDueOn: dateToDay(at(-2)),
    effectiveOn: dateToDay(at(30)),
  });
  await openWindow(admin, windowId, at(-40));

  // Senior Engineers with a manager, from the end of the alphabet (away from the bench's signed-in engineer).
  const nominees = await db.user.findMany({
    where: { level: "ic3", managerId: { not: null }, deactivatedAt: null },
    orderBy: { email: "desc" },
    take: count + 1,
    select: PERSON,
  });
  const writer = nominees.length > count ? nominees.pop()! : null;
  const managers = new Map(
    (
      await db.user.findMany({
        where: { id: { in: nominees.map((nominee) => nominee.managerId!) } },
        select: PERSON,
      })
    ).map((manager) => [manager.id, manager]),
  );
  // Voters on every nominee: above Staff Engineer, in no nominee's reporting line, outside their organisations.
  const members = (
    await db.user.findMany({
      where: { level: { in: ["ic5", "ic6"] }, deactivatedAt: null },
      orderBy: { email: "asc" },
      select: PERSON,
    })
  )
    .filter((member) =>
      nominees.every(
        (nominee) => !inReportingLine(nominee, member) && outsideOrganisation(nominee, member),
      ),
    )
    .slice(0, 4);
  if (!writer || members.length < 4)
    throw new Error(
      `a promotion meeting needs ${count + 1} Senior Engineers and four voters outside their organisations`,
    );

  const nominationIds: string[] = [];
  for (const nominee of nominees) {
    const manager = managers.get(nominee.managerId!)!;
    const made = await nominate(
      manager,
      {
        windowId,
        nomineeEmail: nominee.email,
        targetLevelId: "ic4",
        statement: `${nominee.name} has led the payments platform's move to the new queue for three quarters, set its design across two teams and brought two newer engineers to owning parts of it.`,
      },
      at(-30),
    );
    if (!made.ok) throw new Error(`${nominee.email} was not nominated`);
    nominationIds.push(made.nominationId);
    // The nominee writes each case first, then their manager adds theirs; each with evidence on offer to them.
    let revision = 0;
    let packetId = "";
    for (const [author, text] of [
      [
        nominee,
        "Led the queue migration end to end: wrote the design note, ran the rollout in three steps and wrote the rollback plan the on-call team still uses.",
      ],
      [
        manager,
        "Seen from the team's side: the migration landed without an incident, and two engineers now own parts of it because of how it was shared out.",
      ],
    ] as const) {
      const page = await nominationPage(author, made.nominationId, at(-15));
      if (!page.packet) throw new Error(`no packet to write for ${nominee.email}`);
      packetId = page.packet.id;
      for (const criterion of page.packet.criteria) {
        revision = await saveCase(
          author,
          made.nominationId,
          packetId,
          {
            competencyId: criterion.competencyId,
            text: `${criterion.name}: ${text}`,
            evidence: [
              ...criterion.chosen.map((item) => item.ref),
              ...criterion.offered.slice(0, 3).map((item) => item.ref),
            ],
            revision,
          },
          at(-15),
        );
      }
    }
    await submitPacket(nominee, made.nominationId, packetId, revision, at(-12));
  }

  for (const [index, member] of members.entries()) {
    await nameMember(admin, windowId, {
      email: member.email,
      role: index === 0 ? "chair" : "member",
    });
  }
  await startVotes(admin, windowId, at(-9));
  const criteria = (await nominationPage(admin, nominationIds[0]!, now)).packet!.criteria;
  for (const [memberIndex, member] of members.entries()) {
    for (const [nomineeIndex, nominationId] of nominationIds.entries()) {
      // Mostly met, some partly and a few not yet, differing by member: disagreements to discuss.
      const markOf = (index: number) => {
        const turn = index + memberIndex + nomineeIndex;
        return turn % 7 === 0 ? "not-yet" : turn % 4 === 0 ? "partly" : "met";
      };
      await saveBallot(member, windowId, nominationId, {
        marks: Object.fromEntries(
          criteria.map((criterion, index) => [criterion.competencyId, markOf(index)]),
        ),
        notes: Object.fromEntries(
          criteria.map((criterion, index) => [
            criterion.competencyId,
            markOf(index) === "met"
              ? "Clear in the packet's evidence."
              : `Shown within the team; little yet of ${criterion.name.toLowerCase()} across teams, as Staff Engineer asks.`,
          ]),
        ),
        submit: true,
        revision: null,
      });
    }
  }
  await startMeeting(members[0]!, windowId, null);
  const writing = await seedPacketBeingWritten(admin, writer, at);
  return {
    windowId,
    nominationIds,
    criteria: criteria.length,
    nomineeEmail: nominees[0]!.email,
    chairEmail: members[0]!.email,
    memberEmail: members[1]!.email,
    writing,
  };
}

/** A window taking packets, opened ten days ago: the writer's manager nominated them, and they have written all but five criteria. */
async function seedPacketBeingWritten(
  admin: Viewer,
  writer: Viewer & { managerId: string | null },
  at: (days: number) => Date,
) {
  const windowId = await createWindow(admin, {
    name: "Bench promotions, next",
    ladderId: "engineering",
    nominationsOpenOn: dateToDay(at(-10)),
    nominationsCloseOn: dateToDay(at(5)),
    packetsDueOn: dateToDay(at(15)),
    votesDueOn: dateToDay(at(25)),
    effectiveOn: dateToDay(at(60)),
  });
  await openWindow(admin, windowId, at(-10));
  const manager = await db.user.findUniqueOrThrow({
    where: { id: writer.managerId! },
    select: PERSON,
  });
  const made = await nominate(
    manager,
    {
      windowId,
      nomineeEmail: writer.email,
      targetLevelId: "ic4",
      statement: `${writer.name} has carried the search team's indexing work for a year and taught it to the team.`,
    },
    at(-8),
  );
  if (!made.ok) throw new Error(`${writer.email} was not nominated`);
  const page = await nominationPage(writer, made.nominationId, at(-2));
  if (!page.packet) throw new Error(`no packet to write for ${writer.email}`);
  const toWrite = page.packet.criteria.slice(0, -5);
  let revision = 0;
  for (const criterion of toWrite)
    revision = await saveCase(
      writer,
      made.nominationId,
      page.packet.id,
      {
        competencyId: criterion.competencyId,
        text: `${criterion.name}: rebuilt the indexing pipeline so a full reindex takes an hour, not a night, and wrote how to run it.`,
        evidence: criterion.offered.slice(0, 2).map((item) => item.ref),
        revision,
      },
      at(-2),
    );
  return {
    windowId,
    nominationId: made.nominationId,
    nomineeEmail: writer.email,
    written: toWrite.length,
  };
}
