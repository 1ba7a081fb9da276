import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createClient, db } from "~/db/client.server";
import { provider } from "../../setup/databases";

const setting = z.array(z.object({ name: z.string(), setting: z.string(), source: z.string() }));

/**
 * Every PostgreSQL connection the app opens says, as it starts, how Rungs' statements are to be
 * planned (decisions 050 and 132). Read on a connection straight to the server (the tests' pages go
 * through PgBouncer, which drops a connection's startup options, so the database carries the
 * same settings there): "client" is where a connection's own options come from.
 */
describe.runIf(provider === "postgresql")("PostgreSQL connections' settings", () => {
  test("data held in memory, and no JIT compilation", async () => {
    const url = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL!;
    const client = await createClient(url, false, 1);
    try {
      const rows = setting.parse(
        await client.$queryRawUnsafe(
          `SELECT name, setting, source FROM pg_settings WHERE name IN ('jit', 'random_page_cost') ORDER BY name`,
        ),
      );
      expect(rows).toEqual([
        { name: "jit", setting: "off", source: "client" },
        { name: "random_page_cost", setting: "1.1", source: "client" },
      ]);
    } finally {
      await client.$disconnect();
    }
  });
});

const pragma = z.array(z.record(z.string(), z.union([z.bigint(), z.number(), z.string()])));

/**
 * The app's SQLite connection says, as it opens, how it keeps its data (app/db/client.server.ts):
 * read back on the connection the pages use. `secure_delete` is what keeps an erased leaver's words
 * out of the file's free pages and the backups copied from them.
 */
describe.runIf(provider === "sqlite")("the SQLite connection's settings", () => {
  test("write-ahead log, foreign keys, freed pages zeroed, and a large page cache", async () => {
    const read = async (name: string) =>
      Object.values(pragma.parse(await db.$queryRawUnsafe(`PRAGMA ${name}`))[0] ?? {}).map(String);
    expect(await read("journal_mode")).toEqual(["wal"]);
    expect(await read("secure_delete")).toEqual(["1"]);
    expect(await read("foreign_keys")).toEqual(["1"]);
    expect(await read("cache_size")).toEqual(["-65536"]);
  });
});
