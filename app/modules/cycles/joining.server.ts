import type { Prisma } from "~/db/client.server";
import { WorkflowHooks } from "~/platform/hooks";

/**
 * What workflows do when people join a cycle under way, in addParticipants' transaction: feedback
 * asks a joining manager's reports about them when the cycle asks for upward feedback (registered
 * in app/modules/workflows.server.ts), so cycles imports no workflow built on it.
 */
export const joiningHooks = new WorkflowHooks<[tx: Prisma.TransactionClient, cycleId: string]>(
  "joining",
);
