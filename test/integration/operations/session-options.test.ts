import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createClient } from "~/db/client.server";
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
