import type { Prisma } from "~/db/client.server";
import { WorkflowHooks } from "~/platform/hooks";

/**
 * What workflows end when someone is deactivated, in deactivatePerson's transaction (the admin's
 * page and SCIM alike): feedback withdraws requests, conversations end series (registered in
 * app/modules/workflows.server.ts), so people ends their work without importing them.
 */
export const deactivationHooks = new WorkflowHooks<[tx: Prisma.TransactionClient, personId: string, now: Date]>("deactivation");
