import type { Prisma } from "~/db/client.server";

/**
 * What a workflow ends when someone is deactivated, in deactivatePerson's transaction (the admin's
 * page and SCIM alike): it returns how many of each thing it ended, under names the audit event
 * keeps (a count of zero is left out). Workflows register theirs (app/modules/workflows.server.ts),
 * so people ends their work without importing them.
 */
export type DeactivationHook = (tx: Prisma.TransactionClient, personId: string, now: Date) => Promise<Record<string, number>>;

const hooks = new Map<string, DeactivationHook>();

/** Adds a workflow's hook (a second registration under its name replaces the first, as when a module is loaded again in development). */
export function registerDeactivationHook(workflow: string, hook: DeactivationHook): void {
  hooks.set(workflow, hook);
}

/** The workflows whose hooks are registered, in the order they run. */
export function deactivationHookNames(): string[] {
  return [...hooks.keys()];
}

/**
 * Runs every registered hook in turn and returns what they ended. A deactivation with no hook
 * registered would leave other workflows' work standing without a word: it is refused instead.
 */
export async function endWorkflowsOf(tx: Prisma.TransactionClient, personId: string, now: Date): Promise<Record<string, number>> {
  if (hooks.size === 0) throw new Error("No deactivation hooks are registered: the entry point must import ~/modules/workflows.server.");
  const ended: Record<string, number> = {};
  for (const hook of hooks.values()) {
    for (const [name, count] of Object.entries(await hook(tx, personId, now))) if (count > 0) ended[name] = count;
  }
  return ended;
}
