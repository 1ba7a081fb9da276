import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma as PrismaTypes } from "../../prisma/generated/sqlite/client";
import { getEnv } from "~/utils/env.server";
import * as clock from "~/platform/clock.server";
import { withAppClock } from "./app-clock-defaults";
import { statementNames } from "./postgres-statements.server";
import { rawRowsOf, rawStatement } from "./raw-rows";
import { countReplicaRead, routeOperation } from "./replicas.server";
import { SqliteAdapterFactory } from "./sqlite-adapter.server";
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

/** A client of its own on one URL (the app has one per database: `db`); exported for the tests of its settings. */
export async function createClient(
  databaseUrl: string,
  preparedStatements: boolean,
  poolSize: number,
): Promise<Db> {
  const holder: Holder = { adapter: null };
  if (databaseUrl.startsWith("file:")) {
    const adapter = holding(
      withStatementTiming(
        withStatementCount(
          new SqliteAdapterFactory({ file: sqliteFilePath(databaseUrl), timeout: 10_000 }),
        ),
      ),
      holder,
    );
    return held(new PrismaClient({ adapter }), holder);
  }
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../prisma/generated/postgres/client"),
  ]);
  const statementName = preparedStatements ? statementNames() : null;
  const factory = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: poolSize,
      options: postgresSessionOptions(),
      idleTimeoutMillis: POOL_IDLE_MS,
      // A script that never disconnects still ends; the server's listener keeps it running.
      allowExitOnIdle: true,
    },
    statementName ? { statementNameGenerator: statementName } : {},
  );
  const adapter = holding(withStatementTiming(withStatementCount(factory)), holder);
  return held(new PostgresClient({ adapter }) as unknown as Db, holder);
}

/**
 * The driver adapter each client connected (with the statement count and timing on it), for raw
 * reads (rawRows, decision 171). Prisma connects its factory at the client's first statement, and
 * again after `$disconnect`, which disposes the one before.
 */
type Holder = { adapter: SqlDriverAdapter | null };
// Kept with the clients (below): a second copy of this module (the server's own, a dev-server
// reload) reads the clients the first one made.
const holders = ((globalThis as { rungsAdapters?: WeakMap<Db, Holder> }).rungsAdapters ??=
  new WeakMap());

function held(client: Db, holder: Holder): Db {
  holders.set(client, holder);
  return client;
}

function holding<F extends SqlDriverAdapterFactory>(factory: F, holder: Holder): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    holder.adapter = adapter;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (holder.adapter === adapter) holder.adapter = null;
      await dispose();
    };
    return adapter;
  };
  return factory;
}

/**
 * A raw read on `client`'s connection, straight to its driver adapter: the statement and rows are
 * those of `client.$queryRaw` (raw-rows.ts), without Prisma's request pipeline around them, which
 * cost a page more than SQLite's own work (decision 171). Not for a transaction's reads: those go
 * through the transaction's client (readRowsIn).
 */
async function rowsOn(client: Db, query: PrismaTypes.Sql): Promise<unknown[]> {
  const holder = holders.get(client)!;
  if (!holder.adapter) await client.$connect();
  const adapter = holder.adapter;
  if (!adapter) throw new Error("The database client connected no driver adapter.");
  const provider = adapter.provider === "postgres" ? "postgres" : "sqlite";
  try {
    return rawRowsOf(await adapter.queryRaw(rawStatement(query, provider)));
  } catch (error) {
    // A driver's error carries the database's own words in its cause, as Prisma's message would.
    const cause = (error as { cause?: { originalMessage?: string; kind?: string } }).cause;
    if (error instanceof Error && error.name === "DriverAdapterError" && cause)
      throw new Error(`Raw read failed: ${cause.originalMessage ?? cause.kind}`, { cause: error });
    throw error;
  }
}

/**
 * How long a pooled PostgreSQL connection may stay idle before it closes: five minutes, not
 * node-postgres's ten seconds. A new connection signs in again and PostgreSQL plans each statement
 * afresh on it with cold catalog caches, so with ten seconds a person who read a page for a while
 * waited 60 to 90 ms for the next instead of 20 to 30 (decision 173).
 */
const POOL_IDLE_MS = 5 * 60 * 1000;

/**
 * PostgreSQL's planner prices a random page read at four sequential ones (`random_page_cost`
 * 4), a figure for spinning disks. Rungs' data fit in memory (5,000 people are 200 MB), where
 * PostgreSQL's documentation advises a figure near 1: at 4 an opening's page of 25 candidates
 * scanned every interview and scorecard of every opening (7.7 ms) instead of looking up those
 * 25 (1.4 ms). Each connection sets 1.1 unless the operator says otherwise (`PGOPTIONS`, or
 * `options` in DATABASE_URL, which takes precedence); decision 050.
 */
function postgresSessionOptions(): string {
  // And no JIT compilation (decision 132): it compiled any statement priced over 100,000, which a
  // large organisation's tables reach, in 25 to 50 ms, to run it in under one.
  return process.env.PGOPTIONS ?? "-c random_page_cost=1.1 -c jit=off";
}

const globalForDb = globalThis as unknown as {
  rungsDb?: Db;
  rungsReplicas?: Db[];
  rungsPrimary?: Db;
};

async function connect(): Promise<Db> {
  const env = getEnv();
  const primary = await createClient(
    env.DATABASE_URL,
    env.DATABASE_PREPARED_STATEMENTS === "on",
    env.DATABASE_POOL_SIZE,
  );
  primaryClient = globalForDb.rungsPrimary = primary;
  replicas = globalForDb.rungsReplicas = await Promise.all(
    env.replicaUrls.map((url) =>
      createClient(url, env.DATABASE_PREPARED_STATEMENTS === "on", env.DATABASE_POOL_SIZE),
    ),
  );
  const client = replicas.length ? onReplicas(primary, replicas) : primary;
  if (env.databaseProvider === "sqlite") {
    // Settings of the SQLite connection, which Prisma's API has no way to say: raw, once at start-up.
    // WAL lets readers proceed while a writer commits; it persists in the file.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    // Deleted and rewritten content is overwritten with zeros as it is freed, so an erased
    // leaver's words do not linger in free pages, nor in the backups copied from them.
    await client.$queryRawUnsafe("PRAGMA secure_delete = ON");
    // 64 MiB page cache (negative = KiB): large organisations' review pages stay in memory.
    await client.$executeRawUnsafe("PRAGMA cache_size = -65536");
  }
  return onAppClock(client);
}

/** The replicas' clients (DATABASE_REPLICA_URLS), in order; none without replicas. Kept with the client across dev-server reloads. */
let replicas: Db[] = globalForDb.rungsReplicas ?? [];

/** The primary's own client, before the extensions of `db` (for rawRows). */
let primaryClient: Db | undefined = globalForDb.rungsPrimary;

/**
 * The client whose reads go where app/db/read-routing.ts says (decision 116): a model read that may
 * be a moment old to a replica's client, everything else to the primary's. Raw reads are routed by
 * readRows (reads.server.ts), which picks its client with `readerFor` under the same rule.
 */
function onReplicas(primary: Db, replicaClients: Db[]): Db {
  type Run = (args: unknown) => Promise<unknown>;
  return primary.$extends({
    client: {
      async $disconnect() {
        await Promise.all([primary, ...replicaClients].map((client) => client.$disconnect()));
      },
    },
    query: {
      async $allOperations({ model, operation, args, query, ...rest }) {
        // Prisma's own mark of an operation inside a transaction (as its read-replicas extension reads it).
        const internal = (rest as { __internalParams?: { transaction?: unknown } })
          .__internalParams;
        const index = await routeOperation(
          operation,
          Boolean(internal?.transaction),
          replicaClients,
        );
        if (index === null || !model) return query(args);
        const delegate = (replicaClients[index] as unknown as Record<string, Record<string, Run>>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ]!;
        try {
          const rows = await delegate[operation]!(args);
          countReplicaRead("replica");
          return rows;
        } catch (error) {
          // A replica down, or a query cancelled by its replay (a conflict with recovery): the primary answers.
          countReplicaRead("primary", error);
          return query(args);
        }
      },
    },
  }) as unknown as Db;
}

/**
 * A raw read (readRows) on the app's connections: on a replica's when the rule allows, else on the
 * primary's, which also answers when the replica fails.
 */
export async function rawRows(query: PrismaTypes.Sql): Promise<unknown[]> {
  const primary = primaryClient!;
  const index = replicas.length ? await routeOperation("$queryRaw", false, replicas) : null;
  if (index === null) return rowsOn(primary, query);
  try {
    const rows = await rowsOn(replicas[index]!, query);
    countReplicaRead("replica");
    return rows;
  } catch (error) {
    countReplicaRead("primary", error);
    return rowsOn(primary, query);
  }
}

/**
 * The client with every create taking the app's clock for the columns that say when something
 * happened (app-clock-defaults.ts), where the caller left them out: a database default would
 * take the machine's time, and a test on a test clock (or a replay) would read two times.
 */
function onAppClock(client: Db): Db {
  // The model's own argument types do not survive the union of every model: the data is passed on as read.
  type Run = (args: Record<string, unknown>) => Promise<unknown>;
  const filled =
    (field: "data" | "create") =>
    ({ model, args, query }: { model: string; args: object; query: unknown }) => {
      const given = args as Record<string, unknown>;
      return (query as Run)({ ...given, [field]: withAppClock(model, given[field], clock.now()) });
    };
  return client.$extends({
    query: {
      $allModels: {
        create: filled("data"),
        createMany: filled("data"),
        createManyAndReturn: filled("data"),
        upsert: filled("create"),
      },
    },
  }) as unknown as Db;
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
  setInterval(
    () => void optimize().catch((error: unknown) => console.error("PRAGMA optimize failed", error)),
    HOUR,
  ).unref();
}

/**
 * After words were removed (an erasure, a retention pass). SQLite zeroes freed content as it goes
 * (secure_delete, above); this also refreshes the planner's samples, which copy index keys such
 * as emails (sqlite_stat4), and empties the write-ahead log, whose old frames still hold the pages
 * as they were. PostgreSQL keeps dead row versions until a vacuum (docs/operations.md).
 */
export async function forgetFreedBytes(): Promise<void> {
  if (getEnv().databaseProvider !== "sqlite") return;
  await db.$executeRawUnsafe("ANALYZE");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}
