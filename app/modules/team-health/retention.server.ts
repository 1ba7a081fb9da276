import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { teamHealthAnswersDue } from "~/modules/retention/policy";
import type { RetentionKind } from "~/platform/personal-data";
import { removeQuarter } from "./by-group.server";
import { keptFigures } from "./kept";
import { parseAskedOwnItems } from "./own-items";
import { releasedView } from "./team-health.server";

/**
 * The retention rule for team health answers (decision 113), declared with team health's personal
 * data: a team's answers in a check-in are deleted together, `keepFor` months after the check-in
 * closed, and the figures its results showed at that moment are kept in their place, so every page
 * that read them (the results, the trend, the change since, the API) reads the same afterwards.
 * Answers hold no person: the items' key is the team's place in the check-in, one transaction each.
 * The answers by group of the check-in's quarter are deleted with the first of them (decision 126).
 */
export const teamHealthAnswersRetention: RetentionKind = {
  async due({ keepFor, now }) {
    const months = keepFor("team-health-answers");
    if (months === null) return [];
    // Closed: its day came, or closed by hand before it.
    const rows = await db.teamHealthTeam.findMany({
      where: {
        responses: { some: {} },
        checkIn: { OR: [{ closesAt: { lte: now } }, { closedAt: { lte: now } }] },
      },
      orderBy: { id: "asc" },
      select: {
        id: true,
        checkIn: { select: { closesAt: true, closedAt: true } },
        responses: { select: { id: true }, orderBy: { id: "asc" } },
      },
    });
    return rows
      .filter((row) => teamHealthAnswersDue(row.checkIn, months, now))
      .flatMap((row) => row.responses.map((response) => ({ id: response.id, personId: row.id })));
  },
  remove: (checkInTeamId, ids, now) =>
    db.$transaction(async (tx) => {
      const row = await tx.teamHealthTeam.findUnique({
        where: { id: checkInTeamId },
        select: {
          floor: true,
          keptFigures: true,
          checkIn: { select: { items: true, ownItems: true, createdAt: true } },
          responses: { select: { batch: true, values: true, helped: true, comment: true } },
          _count: { select: { invitations: true } },
        },
      });
      if (!row) return 0;
      // The figures as the results show them now, worked out from every answer, before any goes.
      if (row.keptFigures === null) {
        const items: unknown = JSON.parse(row.checkIn.items);
        const view = releasedView(
          row.responses.map((response) => ({
            batch: response.batch,
            values: JSON.parse(response.values) as Record<string, number>,
            helped: response.helped,
            comment: response.comment,
          })),
          row.floor,
          Array.isArray(items) ? items.filter((item) => typeof item === "string") : [],
          row._count.invitations,
          [],
          parseAskedOwnItems(row.checkIn.ownItems),
        );
        await tx.teamHealthTeam.update({
          where: { id: checkInTeamId },
          data: { keptFigures: keptFigures(view), answersRemovedAt: now },
        });
      }
      const { count } = await tx.teamHealthResponse.deleteMany({
        where: { checkInTeamId, id: { in: [...ids] } },
      });
      // The quarter's answers by group go with the first of its answers the rule removes (decision
      // 126): they hold no check-in to wait for, and none is kept past the rule.
      await removeQuarter(tx, row.checkIn.createdAt);
      await recordAuditEvent(tx, {
        actorId: null,
        action: "retention.team_health_answers_removed",
        subjectType: "retention",
        subjectId: null,
        detail: { count },
      });
      return count;
    }),
};
