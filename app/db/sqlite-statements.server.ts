import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

/**
 * Prisma's SQLite adapter prepares every query's SQL afresh (parsing and planning it),
 * then binds it once: for the team overview's statement that is a fifth of its time.
 * This keeps the prepared statements of the SQL texts the app sends, and gives the
 * adapter, each time, an object that behaves like a freshly prepared and bound
 * statement. Safe because better-sqlite3 runs a statement to completion synchronously
 * (the adapter never iterates), so two requests never use one statement at once.
 * The adapter's own calls are the contract here (prepare, bind, reader, columns,
 * raw().all(), run()); every test that touches SQLite goes through it.
 */
const KEPT = 500;

type Bound = { reader: boolean; columns(): Database.ColumnDefinition[]; raw(): { all(): unknown[] }; run(): Database.RunResult };
type Prepared = Bound & { bind(args: unknown[]): Bound };

export function keepPreparedStatements(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    reusePreparedStatements((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  };
  return factory;
}

function reusePreparedStatements(client: Database.Database) {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Database.Statement>();
  const prepared = (sql: string): Prepared => {
    let statement = kept.get(sql);
    if (statement) {
      // Most recently used last, so the oldest goes first when there are too many.
      kept.delete(sql);
    } else {
      statement = prepare(sql);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return bound(statement, []) as Prepared;
  };
  client.prepare = prepared as unknown as typeof client.prepare;
}

/** Read once per statement: the app's SQL names its columns, and the schema changes only at start-up, before any statement is kept. */
const columnsOf = new WeakMap<Database.Statement, Database.ColumnDefinition[]>();

function bound(statement: Database.Statement, args: unknown[]): Bound & { bind(args: unknown[]): Bound } {
  return {
    reader: statement.reader,
    bind: (values) => bound(statement, values),
    columns: () => {
      let columns = columnsOf.get(statement);
      if (!columns) columnsOf.set(statement, (columns = statement.columns()));
      return columns;
    },
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    run: () => statement.run(...args),
  };
}
