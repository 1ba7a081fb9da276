/*
 * A SQLite loadable extension with one job: it turns on the query planner's stability guarantee
 * (SQLITE_DBCONFIG_ENABLE_QPSG) for the connection that loads it, which better-sqlite3 has no
 * option for. Without it SQLite marks a statement to be planned again when the values bound to it
 * might change its plan (a LIMIT, a column compared with a value, the index samples ANALYZE
 * keeps), and better-sqlite3 clears every statement's values after each run, which counts as such
 * a change: every kept statement was parsed and planned again at each run (decision 150).
 *
 * Built at install by scripts/sqlite-stable-plans.mjs; loaded by app/db/sqlite-adapter.server.ts.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

/* The entry point SQLite derives from the file name, sqlite-stable-plans.so. */
int sqlite3_sqlitestableplans_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  (void)error;
  return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)0);
}
