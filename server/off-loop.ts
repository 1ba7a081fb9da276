import { Worker as Thread } from "node:worker_threads";
import { installOffLoop, type OffLoopRunner } from "../app/platform/off-loop.server.ts";
import { THREAD_START } from "./processes.ts";
import { projectFile } from "./project-file.ts";

/**
 * The process's compute thread (decision 133): one per app process, started on its first task and
 * kept, its tasks run one after another. A thread that ends (a task that ran it out of memory) fails
 * the tasks it held, with the reason, and the next task starts another. It does not keep the process
 * alive. `stop` ends it and installs nothing in its place.
 */
export function startOffLoop(): { run: OffLoopRunner; stop: () => Promise<void> } {
  let thread: Thread | null = null;
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  const started = () => {
    if (thread) return thread;
    const current = (thread = new Thread(THREAD_START, {
      eval: true,
      workerData: { url: projectFile("server/off-loop-thread.ts") },
    }));
    current.unref();
    current.on("message", (message: { id: number; result?: unknown; error?: string }) => {
      const task = pending.get(message.id);
      if (!task) return;
      pending.delete(message.id);
      if (message.error === undefined) task.resolve(message.result);
      else task.reject(new Error(message.error));
    });
    const failAll = (reason: string) => {
      if (thread === current) thread = null;
      for (const [id, task] of pending) {
        pending.delete(id);
        task.reject(new Error(reason));
      }
    };
    current.on("error", (error) => failAll(`The compute thread failed: ${error.message}`));
    current.on("exit", (code) => failAll(`The compute thread ended (code ${code}).`));
    return current;
  };

  const run: OffLoopRunner = (module, name, args) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      started().postMessage({ id, module, name, args });
    });
  installOffLoop(run);
  return {
    run,
    stop: async () => {
      installOffLoop(undefined);
      await thread?.terminate();
    },
  };
}
