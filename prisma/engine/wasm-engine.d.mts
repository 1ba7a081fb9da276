// Types for wasm-engine.mjs, for the TypeScript code that imports it.
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { MigrationList } from "@prisma/schema-engine-wasm";

export class SchemaEngineError extends Error {
  constructor(message: string, options?: { code?: string; meta?: unknown; isPanic?: boolean });
  /** Prisma error code (P1001, P3005, P3009, ...) when the engine gave one. */
  code: string | undefined;
  meta: unknown;
  isPanic: boolean;
}

export function providerOf(url: string): "sqlite" | "postgres";
export function redactUrl(url: string): string;
export function sqliteFilePath(url: string, baseDir?: string): string;

export function loadSchemaEngineWasm(): Promise<typeof SchemaEngineWasm>;
export function schemaEngineVersion(): Promise<string>;
export function readMigrationsList(
  migrationsDir: string,
  shadowDbInitScript?: string,
): MigrationList;

export function canConnectToDatabase(url: string, options?: { baseDir?: string }): Promise<void>;
export function createDatabase(url: string, options?: { baseDir?: string }): Promise<string>;
export function dropDatabase(url: string, options?: { baseDir?: string }): Promise<void>;

export interface WasmSchemaEngineOptions {
  url: string;
  shadowDatabaseUrl?: string;
  datamodels?: [string, string][];
  baseDir?: string;
  onLog?: (line: string) => void;
}

export class WasmSchemaEngine {
  constructor(options: WasmSchemaEngineOptions);
  readonly provider: "sqlite" | "postgres";
  /** A native schema-engine JSON-RPC method (applyMigrations, diagnoseMigrationHistory, ...). */
  request(
    method: "applyMigrations",
    params: { migrationsList: MigrationList; filters: SchemaFilter },
  ): Promise<{ appliedMigrationNames: string[] }>;
  request(method: string, params?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface SchemaFilter {
  externalTables: string[];
  externalEnums: string[];
}
