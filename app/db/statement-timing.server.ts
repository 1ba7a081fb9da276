import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
} from "@prisma/driver-adapter-utils";
import { metrics } from "~/platform/metrics.server";

/**
 * Times every SQL statement where Prisma hands it to the driver adapter (the same place
 * statements are counted, app/db/statement-count.server.ts), into the database histogram
 * of GET /metrics. A statement costs two clock readings and one histogram observation.
 */
export function withStatementTiming<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    timeQueries(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      timeQueries(transaction);
      return transaction;
    };
    return adapter;
  };
  return factory;
}

function timeQueries(queryable: SqlQueryable) {
  const histogram = metrics().databaseStatementDuration;
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const started = performance.now();
    try {
      return await queryRaw(query);
    } finally {
      histogram.observe((performance.now() - started) / 1000);
    }
  };
  queryable.executeRaw = async (query) => {
    const started = performance.now();
    try {
      return await executeRaw(query);
    } finally {
      histogram.observe((performance.now() - started) / 1000);
    }
  };
}
