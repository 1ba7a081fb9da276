// Types for engine-thread.mjs, for the TypeScript code that imports it.
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { SchemaFilter } from "./wasm-engine.mjs";

export interface EngineThreadRequest<Params> {
  url: string;
  baseDir: string;
  method: string;
  params: Params;
  /** The thread is stopped, and the call rejected, when no answer came by then. */
  deadlineMs: number;
}

export function requestInEngineThread(
  request: EngineThreadRequest<{ migrationsList: MigrationList; filters: SchemaFilter }> & {
    method: "applyMigrations";
  },
): Promise<{ appliedMigrationNames: string[] }>;
export function requestInEngineThread(request: EngineThreadRequest<unknown>): Promise<unknown>;
