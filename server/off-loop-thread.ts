import { parentPort } from "node:worker_threads";

// The compute thread (server/off-loop.ts, decision 133): runs a task's export from the project's
// source, as the server runs it, and answers with its result or its error's message. Only modules
// of the app and the tests are loaded.
const root = new URL("../", import.meta.url);

parentPort!.on(
  "message",
  async (task: { id: number; module: string; name: string; args: unknown[] }) => {
    try {
      if (!/^(app|test)\/[\w./-]+\.ts$/.test(task.module) || task.module.includes(".."))
        throw new Error(`${task.module} is not a module of the app`);
      const exported = (await import(new URL(task.module, root).href))[task.name];
      if (typeof exported !== "function")
        throw new Error(`${task.module} exports no function ${task.name}`);
      parentPort!.postMessage({ id: task.id, result: await exported(...task.args) });
    } catch (error) {
      parentPort!.postMessage({
        id: task.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
);
