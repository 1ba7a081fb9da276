import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../prisma/generated/sqlite/client";
import { getEnv } from "~/utils/env.server";
import { statementNames } from "./postgres-statements.server";
import { withStatementCount } from "./statement-count.server";
import { withStatementTiming } from "./statement-timing.server";

// The namespace's raw-SQL helpers (Prisma.sql, Prisma.join) come from the runtime both clients share.
export { Prisma } from "../../prisma/generated/sqlite/client";

/**
 * Both generated clients expose the same models; the SQLite client's types stand
 * for both so domain code is written once.
 */
export type Db = PrismaClient;

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

async function createClient(databaseUrl: string, preparedStatements: boolean, poolSize: number): Promise<Db> {
  if (databaseUrl.startsWith("file:")) {
    const adapter = withStatementTiming(withStatementCount(withBindLimit(new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 10_000 }))));
    return new PrismaClient({ adapter });
  }
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../prisma/generated/postgres/client"),
  ]);
  const statementName = preparedStatements ? statementNames() : null;
  const factory = new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: postgresSessionOptions() }, statementName ? { statementNameGenerator: statementName } : {});
  const adapter = withStatementTiming(withStatementCount(factory));
  return new PostgresClient({ adapter }) as unknown as Db;
}

/**
 * PostgreSQL's planner prices a random page read at four sequential ones (`random_page_cost`
 * 4), a figure for spinning disks. Rungs' data fit in memory (5,000 people are 200 MB), where
 * PostgreSQL's documentation advises a figure near 1: at 4 an opening's page of 25 candidates
 * scanned every interview and scorecard of every opening (7.7 ms) instead of looking up those
 * 25 (1.4 ms). Each connection sets 1.1 unless the operator says otherwise (`PGOPTIONS`, or
 * `options` in DATABASE_URL, which takes precedence); decision 050.
 */
function postgresSessionOptions(): string {
  return process.env.PGOPTIONS ?? "-c random_page_cost=1.1";
}

/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite that better-sqlite3 builds (the default since SQLite 3.32), as PostgreSQL's. */
export const SQLITE_MAX_BOUND_VALUES = 32_766;

/**
 * Prisma splits a long list of bound values to suit the database, and refuses (P2029) a statement
 * it cannot split, such as a relation read with `take` over many rows. Its SQLite adapter does not
 * say how many values SQLite takes, so Prisma assumes 999, SQLite's limit before 3.32: an
 * opening's page with 500 loops of six interviews failed. The adapter's optional
 * getConnectionInfo says the real limit.
 */
function withBindLimit(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.getConnectionInfo ??= () => ({ maxBindValues: SQLITE_MAX_BOUND_VALUES, supportsRelationJoins: false });
    return adapter;
  };
  return factory;
}

const globalForDb = globalThis as unknown as { rungsDb?: Db };

async function connect(): Promise<Db> {
  const env = getEnv();
  const client = await createClient(env.DATABASE_URL, env.DATABASE_PREPARED_STATEMENTS === "on", env.DATABASE_POOL_SIZE);
  if (env.databaseProvider === "sqlite") {
    // Settings of the SQLite connection, which Prisma's API has no way to say: raw, once at start-up.
    // WAL lets readers proceed while a writer commits; it persists in the file.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    // 64 MiB page cache (negative = KiB): large organisations' review pages stay in memory.
    await client.$executeRawUnsafe("PRAGMA cache_size = -65536");
  }
  return client;
}

/** One client for the process, kept across dev-server reloads. */
export const db: Db = (globalForDb.rungsDb ??= await connect());

const HOUR = 60 * 60 * 1000;

/**
 * SQLite plans queries with statistics that ANALYZE gathers (sqlite_stat1). Without them
 * it prefers a unique index to a covering one, and the team overview then reads a table
 * row per person where its index alone would do. `PRAGMA optimize` gathers what is
 * missing or stale, cheaply when nothing is; the server runs it at start-up and every
 * hour, as SQLite advises for long-lived connections. PostgreSQL keeps its own statistics.
 */
export async function keepPlannerStatistics(): Promise<void> {
  if (getEnv().databaseProvider !== "sqlite") return;
  // A PRAGMA, which Prisma's API has no way to say.
  const optimize = () => db.$executeRawUnsafe("PRAGMA optimize=0x10002");
  await optimize();
  setInterval(() => void optimize().catch((error: unknown) => console.error("PRAGMA optimize failed", error)), HOUR).unref();
}
