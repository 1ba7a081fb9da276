import type { Prisma } from "~/db/client.server";
import { WorkflowHooks } from "~/platform/hooks";

/**
 * What workflows end when someone is deactivated, in deactivatePerson's transaction (the admin's
 * page and SCIM alike): feedback withdraws requests, conversations end series (registered in
 * app/modules/workflows.server.ts), so people ends their work without importing them.
 */
export const deactivationHooks = new WorkflowHooks<
  [tx: Prisma.TransactionClient, personId: string, now: Date]
>("deactivation");

/**
 * What deactivating someone would end, counted without changing anything (the admin's page asks
 * before it deactivates). Each workflow registers its count beside its hook, on the same
 * conditions, under the same names as the hook's figures.
 */
export const deactivationPreviews = new WorkflowHooks<
  [client: Prisma.TransactionClient, personId: string, now: Date]
>("deactivation preview");
