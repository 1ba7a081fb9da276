import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
} from "@prisma/driver-adapter-utils";

/**
 * Counts the SQL statements the app runs, so tests can hold a page to a fixed number
 * ("no query in a loop"). Counted where Prisma hands each statement to its driver
 * adapter, the same on SQLite and PostgreSQL: every model query, nested read, raw query
 * and transaction statement passes there, however the driver then runs it. Prisma's
 * query events were the other candidate; they report the same statements except a
 * transaction's BEGIN, and cost a formatted event per statement whether or not anyone
 * listens. Here, while no one counts, a statement costs one empty-set check.
 */
const counting = new Set<string[]>();

/** Records a statement for whoever is counting; for reads that reach the database without the adapter. */
export function noteStatement(sql: string): void {
  if (counting.size === 0) return;
  for (const statements of counting) statements.push(sql);
}

/**
 * The SQL of every statement the process runs while `run` is under way (a transaction's
 * BEGIN as "BEGIN"), with what `run` returned. Everything counts, not only `run`'s own
 * statements: call it when nothing else is running, as in a test.
 */
export async function countStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  counting.add(statements);
  try {
    return { result: await run(), statements };
  } finally {
    counting.delete(statements);
  }
}

/** Makes the adapters `factory` connects note each statement (see noteStatement). */
export function withStatementCount<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    noteQueries(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      // The adapter sends BEGIN itself (and any isolation level with it); Prisma sends COMMIT or ROLLBACK through the transaction.
      const transaction = await startTransaction(isolationLevel);
      noteStatement("BEGIN");
      noteQueries(transaction);
      return transaction;
    };
    return adapter;
  };
  return factory;
}

function noteQueries(queryable: SqlQueryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => {
    noteStatement(query.sql);
    return queryRaw(query);
  };
  queryable.executeRaw = (query) => {
    noteStatement(query.sql);
    return executeRaw(query);
  };
}
