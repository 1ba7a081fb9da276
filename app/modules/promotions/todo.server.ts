import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate } from "~/db/rows";
import { readRows } from "~/db/reads.server";
import { getLevel } from "~/modules/ladders/lookups";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { storedEvidence } from "./evidence";
import { additionsOpenIn, draftWritableIn } from "./policy";

type PromotionFacts = Pick<TodoFacts, "promotionNominationsToAdd" | "promotionPacketsToWrite">;

/**
 * The home page's promotion to-dos (app/modules/todo), while a window is open: a manager told of a
 * report's nomination someone else made (until they add to it), and the packets the person writes,
 * their own or as the nominee's manager (until submitted), each due on the window's packets day.
 * Not asked at a moment (`_now`): time alone changes none (a window moves on by an admin's step, not
 * on its dates; the packets day is only the due date).
 */
const todoRow = z.object({
  id: z.string(),
  nomineeId: z.string(),
  nomineeName: z.string(),
  nominatedById: z.string(),
  managerAddedAt: sqlDate.nullable(),
  targetLevelId: z.string(),
  windowName: z.string(),
  windowState: z.string(),
  ladderVersionId: z.string(),
  packetsDueOn: sqlDate,
  packetId: z.string().nullable(),
  amendsId: z.string().nullable(),
  evidence: z.string().nullable(),
});

/**
 * The nominations in open windows of the viewer or of their active reports, with each unsubmitted
 * packet's cases (for their gaps), in one statement, as every workflow's to-dos are (and the to-do
 * list's probe).
 */
export function promotionTodoRead(viewer: { id: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT n.id, n."nomineeId", nominee.name AS "nomineeName", n."nominatedById", n."managerAddedAt", n."targetLevelId",
      w.name AS "windowName", w.state AS "windowState", w."ladderVersionId", w."packetsDueOn", p.id AS "packetId", p."amendsId", c.evidence
    FROM "PromotionNomination" n
    JOIN "PromotionWindow" w ON w.id = n."windowId"
    JOIN "User" nominee ON nominee.id = n."nomineeId"
    LEFT JOIN "PromotionPacket" p ON p."nominationId" = n.id AND p."submittedAt" IS NULL
    LEFT JOIN "PromotionCase" c ON c."packetId" = p.id
    WHERE n.state = 'nominated' AND w.state IN ('open', 'committee')
      AND (n."nomineeId" = ${viewer.id} OR (nominee."managerId" = ${viewer.id} AND nominee."deactivatedAt" IS NULL))
    ORDER BY n."createdAt", n.id, p."createdAt", p.id`;
}

export async function promotionTodoFacts(
  viewer: { id: string },
  _now?: Date,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<PromotionFacts> {
  const rows = parseRows(todoRow, await readRows(promotionTodoRead(viewer)));
  const nominations = new Map<
    string,
    {
      row: (typeof rows)[number];
      packets: Map<string, { amendsId: string | null; evidence: string[] }>;
    }
  >();
  for (const row of rows) {
    const nomination = nominations.get(row.id) ?? { row, packets: new Map() };
    nominations.set(row.id, nomination);
    if (row.packetId === null) continue;
    const packet = nomination.packets.get(row.packetId) ?? { amendsId: row.amendsId, evidence: [] };
    nomination.packets.set(row.packetId, packet);
    if (row.evidence !== null) packet.evidence.push(row.evidence);
  }
  const facts: Required<PromotionFacts> = {
    promotionNominationsToAdd: [],
    promotionPacketsToWrite: [],
  };
  for (const { row: nomination, packets } of nominations.values()) {
    const own = nomination.nomineeId === viewer.id;
    const nomineeName = own ? "" : nomination.nomineeName;
    if (
      !own &&
      nomination.nominatedById !== viewer.id &&
      nomination.managerAddedAt === null &&
      additionsOpenIn(nomination.windowState)
    ) {
      const { ladder } = await requireLadderOfVersionIn(nomination.ladderVersionId, language);
      facts.promotionNominationsToAdd.push({
        nominationId: nomination.id,
        nomineeName,
        targetTitle: getLevel(ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
        windowName: nomination.windowName,
        dueOn: nomination.packetsDueOn,
      });
    }
    // A draft its authors may still write (policy's draftWritableIn): an amendment goes on through the committee's reading.
    const drafts = [...packets.values()].filter((packet) =>
      draftWritableIn(nomination.windowState, packet.amendsId !== null),
    );
    const draft = drafts.find((packet) => packet.amendsId === null) ?? drafts[0];
    if (draft) {
      facts.promotionPacketsToWrite.push({
        nominationId: nomination.id,
        nomineeName,
        own,
        windowName: nomination.windowName,
        gaps: draft.evidence.filter((evidence) => storedEvidence(evidence).length === 0).length,
        dueOn: nomination.packetsDueOn,
      });
    }
  }
  return facts;
}

/**
 * Whose promotion to-dos may have changed: the nominees of nominations and packets written since,
 * and their managers; a window written (opened, moved on) or reaching its packets day, everyone
 * nominated in it and their managers.
 */
export async function promotionTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const [nominations, packets, windows] = await Promise.all([
    db.promotionNomination.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { nomineeId: true },
    }),
    db.promotionPacket.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { nomination: { select: { nomineeId: true } } },
    }),
    db.promotionWindow.findMany({
      where: {
        OR: [{ updatedAt: { gte: writtenSince } }, { packetsDueOn: { gt: from, lte: to } }],
      },
      select: { nominations: { select: { nomineeId: true } } },
    }),
  ]);
  const people = [
    ...new Set([
      ...nominations.map((row) => row.nomineeId),
      ...packets.map((row) => row.nomination.nomineeId),
      ...windows.flatMap((window) => window.nominations.map((row) => row.nomineeId)),
    ]),
  ];
  return { people, managersOf: people };
}
