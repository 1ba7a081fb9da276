/**
 * What workflows register to run inside a shared module's write (a person deactivated, people
 * joining a cycle), so the shared module imports none of them. Each hook returns how many of each
 * thing it did, under names the audit event keeps (a count of zero is left out). Every
 * registration is in app/modules/workflows.server.ts; a set of hooks refuses to run while empty,
 * so a way in that forgot that import fails at once instead of leaving work undone.
 */
export class WorkflowHooks<Args extends unknown[]> {
  private readonly hooks = new Map<string, (...args: Args) => Promise<Record<string, number>>>();

  constructor(private readonly what: string) {}

  /** Adds a workflow's hook (a second registration under its name replaces the first, as when a module is loaded again in development). */
  register(workflow: string, hook: (...args: Args) => Promise<Record<string, number>>): void {
    this.hooks.set(workflow, hook);
  }

  /** The workflows whose hooks are registered, in the order they run. */
  names(): string[] {
    return [...this.hooks.keys()];
  }

  /** Runs every hook in turn, in the caller's transaction, and returns what they did. */
  async run(...args: Args): Promise<Record<string, number>> {
    if (this.hooks.size === 0)
      throw new Error(
        `No ${this.what} hooks are registered: the entry point must import ~/modules/workflows.server.`,
      );
    const done: Record<string, number> = {};
    for (const hook of this.hooks.values()) {
      for (const [name, count] of Object.entries(await hook(...args)))
        if (count > 0) done[name] = count;
    }
    return done;
  }
}
