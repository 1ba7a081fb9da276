// A restore from a backup older than an erasure says which erasures it must replay (from the ledger
// of the database it replaces, or the ledger file beside a newer backup), and `npm run restore`
// erases those people again before it ends, leaving none of their words in the restored file.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { backupDatabase, ledgerFileOf, restoreDatabase } from "~/modules/operations/backup.server";
import { erasedName, erasePerson } from "~/modules/retention/erasure.server";
import { createPerson } from "../../utils/factories";
import {
  dropPostgresDatabase,
  postgresBase,
  postgresTestPrefix,
  postgresUrlFor,
  provider,
  sqliteBase,
  withPostgres,
} from "../../setup/databases";

const folder = mkdtempSync(path.join(os.tmpdir(), "rungs-replay-test-"));
const source = () => process.env.DATABASE_URL!;
// Backups take a session of their own: behind the run's pooler, the database itself (decision 102).
const sessionSource = () => process.env.DATABASE_DIRECT_URL ?? source();
const created: string[] = [];

/** A migrated database without rows, to restore into. */
async function emptyDatabase(): Promise<string> {
  const name = `${postgresTestPrefix}replay_${randomBytes(4).toString("hex")}`;
  if (provider === "postgresql") {
    await withPostgres((client) =>
      client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresBase}"`),
    );
    created.push(name);
    return postgresUrlFor(name);
  }
  const file = path.join(folder, `${name}.db`);
  const base = new Database(sqliteBase, { readonly: true });
  await base.backup(file);
  base.close();
  return `file:${file}`;
}

afterAll(async () => {
  if (provider === "postgresql")
    await withPostgres(async (client) => {
      for (const name of created) await dropPostgresDatabase(client, name);
    });
});

/** A person's name and their evidence in another database, read without the app's client. */
async function personIn(
  databaseUrl: string,
  personId: string,
): Promise<{ name: string; evidence: number }> {
  if (provider === "postgresql") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const name = (
        await client.query<{ name: string }>(`SELECT "name" FROM "User" WHERE "id" = $1`, [
          personId,
        ])
      ).rows[0]!.name;
      const evidence = Number(
        (
          await client.query<{ count: string }>(
            `SELECT count(*) AS count FROM "CareerEvidence" WHERE "personId" = $1`,
            [personId],
          )
        ).rows[0]!.count,
      );
      return { name, evidence };
    } finally {
      await client.end();
    }
  }
  const database = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
  try {
    const name = (
      database.prepare(`SELECT "name" FROM "User" WHERE "id" = ?`).get(personId) as { name: string }
    ).name;
    const evidence = (
      database
        .prepare(`SELECT count(*) AS count FROM "CareerEvidence" WHERE "personId" = ?`)
        .get(personId) as { count: number }
    ).count;
    return { name, evidence };
  } finally {
    database.close();
  }
}

describe("restoring a backup older than an erasure", { timeout: 180_000 }, () => {
  test("names the erasures to replay from a newer ledger, and the restore command erases them again", async () => {
    const leaver = await createPerson({
      name: "Rowan REPLAY-NAME",
      deactivatedAt: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000),
    });
    await db.careerEvidence.create({
      data: {
        personId: leaver.id,
        competencyId: "testing",
        text: "REPLAY-EVIDENCE",
        occurredOn: new Date("2025-06-01T00:00:00Z"),
      },
    });
    const older = path.join(folder, "older.backup");
    await backupDatabase(sessionSource(), older);
    expect(JSON.parse(readFileSync(ledgerFileOf(older), "utf8"))).toEqual({ erasures: [] });

    const erasedAt = new Date("2026-11-20T09:30:00Z");
    expect(await erasePerson(leaver.id, erasedAt, "keep", "retention")).toBe(true);
    const newer = path.join(folder, "newer.backup");
    await backupDatabase(sessionSource(), newer);
    expect(JSON.parse(readFileSync(ledgerFileOf(newer), "utf8"))).toEqual({
      erasures: [{ personId: leaver.id, erasedAt: erasedAt.toISOString() }],
    });

    // Into an empty database, given the ledger beside the newer backup.
    const fresh = await emptyDatabase();
    expect(
      (await restoreDatabase(fresh, older, { ledgers: [ledgerFileOf(newer)] })).erasuresToReplay,
    ).toEqual([{ personId: leaver.id, erasedAt }]);
    // Over the newer database itself: its own ledger says it.
    const current = await emptyDatabase();
    await restoreDatabase(current, newer);
    expect((await restoreDatabase(current, older, { force: true })).erasuresToReplay).toEqual([
      { personId: leaver.id, erasedAt },
    ]);
    // Ledgers given in any order are replayed in the order of the erasures, people erased in the
    // same moment by their id, and a person named twice once, at the erasure named first.
    const unordered = path.join(folder, "unordered.erasures.json");
    writeFileSync(
      unordered,
      JSON.stringify({
        erasures: [
          { personId: "person-c", erasedAt: "2026-11-25T10:00:00.000Z" },
          { personId: "person-b", erasedAt: "2026-11-18T10:00:00.000Z" },
          { personId: "person-a", erasedAt: "2026-11-18T10:00:00.000Z" },
          { personId: "person-b", erasedAt: "2026-11-27T10:00:00.000Z" },
        ],
      }),
    );
    expect(
      (await restoreDatabase(await emptyDatabase(), older, { ledgers: [unordered] }))
        .erasuresToReplay,
    ).toEqual([
      { personId: "person-a", erasedAt: new Date("2026-11-18T10:00:00.000Z") },
      { personId: "person-b", erasedAt: new Date("2026-11-18T10:00:00.000Z") },
      { personId: "person-c", erasedAt: new Date("2026-11-25T10:00:00.000Z") },
    ]);
    // The newer backup holds the erasure: nothing to replay.
    expect(
      (await restoreDatabase(current, newer, { force: true, ledgers: [ledgerFileOf(newer)] }))
        .erasuresToReplay,
    ).toEqual([]);

    // The command replays them: the person restored from the older backup is erased again.
    const target = await emptyDatabase();
    const restored = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/restore.ts", older, "--erasures", ledgerFileOf(newer)],
      {
        env: { ...process.env, DATABASE_URL: target, DATABASE_DIRECT_URL: "" },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(
      `Erasures to replay, newer than the backup: ${leaver.id} (erased ${erasedAt.toISOString()})`,
    );
    expect(restored.stdout).toContain("Erased again: 1 of 1.");
    expect(await personIn(target, leaver.id)).toEqual({ name: erasedName(), evidence: 0 });
    // Nor is anything of theirs left in the restored file's bytes or its log (freed pages zeroed,
    // the log emptied), though the backup it came from held both.
    if (provider === "sqlite") {
      const file = target.replace(/^file:/, "");
      const bytes = (at: string) => {
        try {
          return readFileSync(at).toString("latin1");
        } catch {
          return "";
        }
      };
      expect(bytes(older)).toContain("REPLAY-EVIDENCE");
      for (const at of [file, `${file}-wal`])
        expect(bytes(at).match(/REPLAY-(NAME|EVIDENCE)/g) ?? [], at).toEqual([]);
    }

    // A ledger that is not one is refused before anything is restored.
    const refused = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/restore.ts", older, "--force", "--erasures", older],
      {
        env: { ...process.env, DATABASE_URL: target, DATABASE_DIRECT_URL: "" },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is not an erasure ledger");
    expect(await personIn(target, leaver.id)).toEqual({ name: erasedName(), evidence: 0 });
  });
});
