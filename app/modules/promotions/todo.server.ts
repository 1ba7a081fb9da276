import { db } from "~/db/client.server";
import { getLevel } from "~/modules/ladders/lookups";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { storedEvidence } from "./evidence";

type PromotionFacts = Pick<TodoFacts, "promotionNominationsToAdd" | "promotionPacketsToWrite">;

/**
 * The home page's promotion to-dos (app/modules/todo), while a window is open: a manager told of a
 * report's nomination someone else made (until they add to it), and the packets the person writes,
 * their own or as the nominee's manager (until submitted), each due on the window's packets day.
 */
export async function promotionTodoFacts(viewer: { id: string }): Promise<PromotionFacts> {
  const reports = (await db.user.findMany({ where: { managerId: viewer.id, deactivatedAt: null }, select: { id: true, name: true } })).map((person) => [person.id, person.name] as const);
  const names = new Map(reports);
  const nominations = await db.promotionNomination.findMany({
    where: { state: "nominated", window: { state: "open" }, OR: [{ nomineeId: viewer.id }, { nomineeId: { in: [...names.keys()] } }] },
    select: {
      id: true,
      nomineeId: true,
      nominatedById: true,
      managerAddedAt: true,
      targetLevelId: true,
      window: { select: { name: true, ladderVersionId: true, packetsDueOn: true } },
      packets: { where: { submittedAt: null }, select: { amendsId: true, cases: { select: { evidence: true } } } },
    },
  });
  const facts: Required<PromotionFacts> = { promotionNominationsToAdd: [], promotionPacketsToWrite: [] };
  for (const nomination of nominations) {
    const own = nomination.nomineeId === viewer.id;
    const nomineeName = own ? "" : (names.get(nomination.nomineeId) ?? "");
    if (!own && nomination.nominatedById !== viewer.id && nomination.managerAddedAt === null) {
      const ladder = await requireLadderOfVersion(nomination.window.ladderVersionId);
      facts.promotionNominationsToAdd.push({
        nominationId: nomination.id,
        nomineeName,
        targetTitle: getLevel(ladder, nomination.targetLevelId)?.title ?? nomination.targetLevelId,
        windowName: nomination.window.name,
        dueOn: nomination.window.packetsDueOn,
      });
    }
    const draft = nomination.packets.find((packet) => packet.amendsId === null) ?? nomination.packets[0];
    if (draft) {
      facts.promotionPacketsToWrite.push({
        nominationId: nomination.id,
        nomineeName,
        own,
        windowName: nomination.window.name,
        gaps: draft.cases.filter((item) => storedEvidence(item.evidence).length === 0).length,
        dueOn: nomination.window.packetsDueOn,
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
export async function promotionTodoChanges({ writtenSince, from, to }: ChangeWindow): Promise<TodoChanges> {
  const [nominations, packets, windows] = await Promise.all([
    db.promotionNomination.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { nomineeId: true } }),
    db.promotionPacket.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { nomination: { select: { nomineeId: true } } } }),
    db.promotionWindow.findMany({ where: { OR: [{ updatedAt: { gte: writtenSince } }, { packetsDueOn: { gt: from, lte: to } }] }, select: { nominations: { select: { nomineeId: true } } } }),
  ]);
  const people = [...new Set([...nominations.map((row) => row.nomineeId), ...packets.map((row) => row.nomination.nomineeId), ...windows.flatMap((window) => window.nominations.map((row) => row.nomineeId))])];
  return { people, managersOf: people };
}
