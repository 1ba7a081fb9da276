import { Prisma } from "~/db/client.server";
import { stageOf, type ParticipantState } from "./cycle-progress";

/**
 * "This person is at `state`", in SQL: participantStage (cycle-progress.ts) over the SQL
 * for each side's progress (0 nothing yet, 1 a draft, 2 submitted). The team overview and
 * cycle progress filter by state with it.
 */
export function inStateSql(self: Prisma.Sql, manager: Prisma.Sql, state: ParticipantState): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${manager} > 0 THEN ${manager} + 2 ELSE ${self} END) = ${stageOf(state)}`;
}
