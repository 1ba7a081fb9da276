/**
 * Pure work too long for the page loop, run on the process's compute thread (decision 133). While a
 * page process builds a view of every person (an audit over 200,000 people took two minutes), its
 * event loop served nobody and the health check answered 503; on the thread, pages and the check go
 * on. The server installs the thread (server/off-loop.ts); where none is installed (tests, scripts)
 * the work runs here as before, so both ways compute the same function.
 *
 * A task names the module that exports it, from the project's root, so that the thread, which runs
 * the source as the server does, loads the same code the built app carries. Its arguments and
 * result cross by structured clone: data only (no functions, no class instances but Date, Map, Set).
 */

/** How the server's thread runs a task: the module from the project's root and the export's name. */
export type OffLoopRunner = (module: string, name: string, args: unknown[]) => Promise<unknown>;

// Kept on globalThis: the server's own code installs it and the built app reads it (as metrics.server.ts is shared).
const holder = globalThis as { rungsOffLoop?: OffLoopRunner };

export function installOffLoop(runner: OffLoopRunner | undefined): void {
  holder.rungsOffLoop = runner;
}

/** `run`, called on the compute thread where the server installed one; `module` and `name` name `run` itself. */
export function offLoop<Args extends unknown[], Result>(
  module: string,
  name: string,
  run: (...args: Args) => Result,
): (...args: Args) => Promise<Result> {
  return (...args) => {
    const runner = holder.rungsOffLoop;
    if (runner) return runner(module, name, args) as Promise<Result>;
    try {
      return Promise.resolve(run(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
