// Migration smoke test: the committed migrations apply to an empty database, the
// history records each of them, the Prisma CLI (through the schema-engine stand-in)
// agrees the database is up to date, and a second run is a no-op. This path uses
// undocumented engine internals (docs/decisions/002-prisma-offline-migrations.md):
// keep it in CI.
//
// PostgreSQL part: set TEST_POSTGRES_URL to a database the role can connect to and
// whose role may CREATE DATABASE, e.g.
//   TEST_POSTGRES_URL=postgresql://rungs:rungs@127.0.0.1:5432/rungs_test
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { applyMigrations } from "~/db/migrate.server.ts";
import { dropPostgresDatabase } from "../setup/databases";

const root = fileURLToPath(new URL("../..", import.meta.url));
const TIMEOUT = 60_000;

function migrationFolders(dir: string) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Table names of the models in the source schema. */
function modelTables() {
  const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)].map(
    ([, name, body]) => body?.match(/@@map\("([^"]+)"\)/)?.[1] ?? name!,
  );
}

function prismaMigrateStatus(databaseUrl: string) {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "status"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function recorder() {
  const applied: string[][] = [];
  return { applied, onApplied: (names: string[]) => applied.push(names) };
}

/**
 * Opt-ins as they were before a participant's time zone became their person's: one offset each.
 * The same rows on both databases (`at` is how each writes a time).
 */
const optInsWithOffsets = (at: (ms: number) => string) => `
  INSERT INTO "User" (id, email, name, "timeZone", "updatedAt") VALUES
    ('india', 'i@example.com', 'Ishaan', NULL, ${at(0)}), ('moved', 'm@example.com', 'Mia', NULL, ${at(0)}), ('chosen', 'c@example.com', 'Chloé', 'Europe/Paris', ${at(0)}),
    ('greenwich', 'g@example.com', 'Gail', NULL, ${at(0)}), ('brazil', 'b@example.com', 'Bruno', NULL, ${at(0)}), ('none', 'n@example.com', 'Nobody', NULL, ${at(0)});
  INSERT INTO "MentorshipProgramme" (id, name, "ladderId", "startsOn", "endsOn", "matchingOn", "updatedAt") VALUES ('p1', 'Spring', 'engineering', ${at(0)}, ${at(0)}, ${at(0)}, ${at(0)});
  INSERT INTO "MentorshipParticipant" (id, "programmeId", "userId", role, "utcOffsetMinutes", "updatedAt") VALUES
    ('a', 'p1', 'india', 'mentee', 330, ${at(1000)}), ('b', 'p1', 'moved', 'mentee', -300, ${at(1000)}), ('c', 'p1', 'moved', 'mentor', 60, ${at(2000)}),
    ('d', 'p1', 'chosen', 'mentor', -300, ${at(1000)}), ('e', 'p1', 'greenwich', 'mentee', 0, ${at(1000)}), ('f', 'p1', 'brazil', 'mentor', -180, ${at(1000)});`;

/** Each person's zone after the migration: the latest opt-in's offset as a named zone, unless they had chosen one. */
const ZONES_FROM_OFFSETS = [
  { id: "brazil", timeZone: "Etc/GMT+3" },
  { id: "chosen", timeZone: "Europe/Paris" },
  { id: "greenwich", timeZone: "UTC" },
  { id: "india", timeZone: "Asia/Kolkata" },
  { id: "moved", timeZone: "Etc/GMT-1" },
  { id: "none", timeZone: null },
];

/**
 * Teams as they were when every team answered SCIM as a group: one with the provider's
 * externalId, one without, their people; with a SCIM token when `tokens` (SCIM in use).
 */
const teamsBeforeGroups = (at: (ms: number) => string, tokens: boolean) => `
  INSERT INTO "Team" (id, name, "scimExternalId", "createdAt", "updatedAt") VALUES ('payments', 'Payments', 'ext-payments', ${at(1000)}, ${at(2000)}), ('platform', 'Platform', NULL, ${at(1000)}, ${at(1000)});
  INSERT INTO "User" (id, email, name, "teamId", "updatedAt") VALUES
    ('pia', 'p@example.com', 'Pia', 'payments', ${at(0)}), ('pat', 't@example.com', 'Pat', 'payments', ${at(0)}), ('liv', 'l@example.com', 'Liv', 'platform', ${at(0)}), ('nel', 'n@example.com', 'Nel', NULL, ${at(0)});
  ${tokens ? `INSERT INTO "ScimToken" (id, name, "tokenHash", "createdAt") VALUES ('okta', 'Okta', 'hash', ${at(5000)});` : ""}`;

/** The groups those teams are afterwards, where SCIM was in use: the same ids, externalIds and members, each still its team. */
const GROUPS_FROM_TEAMS = {
  groups: [
    { id: "payments", displayName: "Payments", externalId: "ext-payments", teamId: "payments" },
    { id: "platform", displayName: "Platform", externalId: null, teamId: "platform" },
  ],
  members: [
    { groupId: "payments", userId: "pat" },
    { groupId: "payments", userId: "pia" },
    { groupId: "platform", userId: "liv" },
  ],
  settings: [{ id: "scim", groupsAsTeams: "all", teamPrefix: null }],
};

/** A root holding the migrations before the first whose name ends with `suffix`. */
function migrationsBefore(dir: string, folder: string, suffix: string, into: string): string {
  const names = migrationFolders(folder);
  const index = names.findIndex((name) => name.endsWith(suffix));
  expect(index).toBeGreaterThan(0);
  for (const name of [...names.slice(0, index), "migration_lock.toml"])
    fs.cpSync(path.join(root, folder, name), path.join(into, folder, name), { recursive: true });
  return into;
}

describe("migrations on SQLite", () => {
  const folders = migrationFolders("prisma/migrations");
  let dir: string;
  let databaseUrl: string;
  let file: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rungs-migrations-"));
    // A folder that does not exist yet: applyMigrations creates it.
    file = path.join(dir, "nested", "rungs.db");
    databaseUrl = `file:${file}`;
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("there is at least one migration", () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  test(
    "a fresh database gets every migration, once",
    async () => {
      const first = recorder();
      await applyMigrations(databaseUrl, { rootDir: root, onApplied: first.onApplied });
      expect(first.applied).toEqual([folders]);

      const db = new Database(file, { readonly: true });
      try {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all()
          .map((row) => (row as { name: string }).name);
        expect(tables).toEqual(expect.arrayContaining([...modelTables(), "_prisma_migrations"]));

        const history = db
          .prepare(
            "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
          )
          .all() as {
          migration_name: string;
          finished_at: string | null;
          rolled_back_at: string | null;
        }[];
        expect(history.map((row) => row.migration_name)).toEqual(folders);
        expect(
          history.every((row) => row.finished_at !== null && row.rolled_back_at === null),
        ).toBe(true);
      } finally {
        db.close();
      }

      const status = prismaMigrateStatus(databaseUrl);
      expect(status.output).toContain("Database schema is up to date!");
      expect(status.status).toBe(0);

      const second = recorder();
      await applyMigrations(databaseUrl, { rootDir: root, onApplied: second.onApplied });
      expect(second.applied).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "an up-to-date database is left alone while another process writes to it (a seed beside a running server)",
    async () => {
      const file = path.join(dir, "busy.db");
      await applyMigrations(`file:${file}`, { rootDir: root, onApplied: () => {} });
      const other = new Database(file);
      other.pragma("journal_mode = WAL");
      other.exec("BEGIN IMMEDIATE");
      try {
        const again = recorder();
        await applyMigrations(`file:${file}`, { rootDir: root, onApplied: again.onApplied });
        expect(again.applied).toEqual([]);
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
    },
    TIMEOUT,
  );

  test(
    "sessions and openings set up before they recorded their ladder version keep their entries, events and plans, and get the version served when they were set up",
    async () => {
      // The migrations before the one that added the column, in a root of their own.
      const versionsAdded = folders.findIndex((name) =>
        name.endsWith("_ladder_versions_of_sessions_and_openings"),
      );
      expect(versionsAdded).toBeGreaterThan(0);
      const before = path.join(dir, "before");
      for (const name of [...folders.slice(0, versionsAdded), "migration_lock.toml"]) {
        fs.cpSync(
          path.join(root, "prisma/migrations", name),
          path.join(before, "prisma/migrations", name),
          { recursive: true },
        );
      }
      const file = path.join(dir, "existing.db");
      await applyMigrations(`file:${file}`, { rootDir: before, onApplied: () => {} });
      const db = new Database(file);
      try {
        db.exec(`
          INSERT INTO "User" (id, email, name, updatedAt) VALUES ('u1', 'f@example.com', 'Fay', 0);
          INSERT INTO "ReviewCycle" (id, name, startsOn, endsOn, updatedAt) VALUES ('c1', 'Spring', 0, 0, 0);
          INSERT INTO "LadderVersion" (id, ladderId, hash, version, content, createdAt) VALUES
            ('v1', 'engineering', 'h1', '1.0.0', '{}', 1000), ('v2', 'engineering', 'h2', '1.1.0', '{}', 3000), ('p1', 'product', 'h3', '1.0.0', '{}', 5000);
          INSERT INTO "CalibrationSession" (id, name, cycleId, facilitatorId, ladderId, createdAt, updatedAt) VALUES
            ('s1', 'Between versions', 'c1', 'u1', 'engineering', 2000, 0), ('s2', 'Before any version', 'c1', 'u1', 'product', 10, 0);
          INSERT INTO "CalibrationEntry" (id, sessionId, personId) VALUES ('e1', 's1', 'u1');
          INSERT INTO "CalibrationEvent" (id, sessionId, actorId, kind, change) VALUES ('ev1', 's1', 'u1', 'state', '{}');
          INSERT INTO "HiringOpening" (id, title, ladderId, trackId, levelId, createdAt, updatedAt) VALUES ('o1', 'Senior', 'engineering', 'ic', 'ic3', 4000, 0);
          INSERT INTO "HiringStage" (id, openingId, name, position) VALUES ('st1', 'o1', 'Coding', 0);
        `);
      } finally {
        db.close();
      }
      await applyMigrations(`file:${file}`, { rootDir: root, onApplied: () => {} });
      const after = new Database(file, { readonly: true });
      try {
        expect(
          after.prepare('SELECT id, ladderVersionId FROM "CalibrationSession" ORDER BY id').all(),
        ).toEqual([
          { id: "s1", ladderVersionId: "v1" },
          { id: "s2", ladderVersionId: "p1" },
        ]);
        expect(after.prepare('SELECT id, ladderVersionId FROM "HiringOpening"').all()).toEqual([
          { id: "o1", ladderVersionId: "v2" },
        ]);
        const count = (table: string) =>
          (after.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
        expect(["CalibrationEntry", "CalibrationEvent", "HiringStage"].map(count)).toEqual([
          1, 1, 1,
        ]);
        expect(after.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      } finally {
        after.close();
      }
    },
    TIMEOUT,
  );

  test(
    "candidates stored before the pipeline take their stage from their loops, with one entry move each, so retention keeps purging the rejected",
    async () => {
      const pipelineAdded = folders.findIndex((name) => name.endsWith("_candidate_pipeline"));
      expect(pipelineAdded).toBeGreaterThan(0);
      const before = path.join(dir, "before-pipeline");
      for (const name of [...folders.slice(0, pipelineAdded), "migration_lock.toml"]) {
        fs.cpSync(
          path.join(root, "prisma/migrations", name),
          path.join(before, "prisma/migrations", name),
          { recursive: true },
        );
      }
      const file = path.join(dir, "candidates.db");
      await applyMigrations(`file:${file}`, { rootDir: before, onApplied: () => {} });
      const db = new Database(file);
      try {
        db.exec(`
          INSERT INTO "User" (id, email, name, updatedAt) VALUES ('u1', 'h@example.com', 'Hana', 0);
          INSERT INTO "LadderVersion" (id, ladderId, hash, version, content, createdAt) VALUES ('v1', 'engineering', 'h1', '1.0.0', '{}', 0);
          INSERT INTO "HiringOpening" (id, title, ladderId, ladderVersionId, trackId, levelId, createdAt, updatedAt) VALUES ('o1', 'Senior', 'engineering', 'v1', 'ic', 'ic3', 0, 0);
          INSERT INTO "HiringCandidate" (id, name, createdAt, updatedAt, rejectedAt, hiredPersonId) VALUES
            ('open', 'Open', 1000, 0, NULL, NULL), ('rejected', 'Rejected', 1000, 0, 5000, NULL), ('offered', 'Offered', 1000, 0, NULL, NULL), ('hired', 'Hired', 1000, 0, NULL, 'u1');
          INSERT INTO "HiringLoop" (id, openingId, candidateId, state, decision, decidedAt, updatedAt) VALUES
            ('l1', 'o1', 'open', 'open', NULL, NULL, 0), ('l2', 'o1', 'rejected', 'decided', 'no-hire', 5000, 0),
            ('l3', 'o1', 'offered', 'decided', 'hire', 7000, 0), ('l4', 'o1', 'hired', 'decided', 'hire', 7000, 0);
        `);
      } finally {
        db.close();
      }
      await applyMigrations(`file:${file}`, { rootDir: root, onApplied: () => {} });
      const after = new Database(file, { readonly: true });
      try {
        expect(
          after
            .prepare(
              'SELECT id, pipelineStage, pipelineStageSince, rejectedAt FROM "HiringCandidate" ORDER BY id',
            )
            .all(),
        ).toEqual([
          { id: "hired", pipelineStage: "hired", pipelineStageSince: 7000, rejectedAt: null },
          { id: "offered", pipelineStage: "offer", pipelineStageSince: 7000, rejectedAt: null },
          { id: "open", pipelineStage: "interviews", pipelineStageSince: 1000, rejectedAt: null },
          { id: "rejected", pipelineStage: "rejected", pipelineStageSince: 5000, rejectedAt: 5000 },
        ]);
        expect(
          after
            .prepare(
              'SELECT candidateId, fromStage, toStage, reason, movedAt FROM "HiringPipelineMove" ORDER BY candidateId',
            )
            .all(),
        ).toEqual([
          { candidateId: "hired", fromStage: null, toStage: "hired", reason: null, movedAt: 7000 },
          {
            candidateId: "offered",
            fromStage: null,
            toStage: "offer",
            reason: null,
            movedAt: 7000,
          },
          {
            candidateId: "open",
            fromStage: null,
            toStage: "interviews",
            reason: null,
            movedAt: 1000,
          },
          {
            candidateId: "rejected",
            fromStage: null,
            toStage: "rejected",
            reason: "interviews",
            movedAt: 5000,
          },
        ]);
        expect(after.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      } finally {
        after.close();
      }
    },
    TIMEOUT,
  );

  test(
    "a participant's time zone becomes their person's: their latest opt-in's offset as a named zone, unless they chose one",
    async () => {
      const before = migrationsBefore(
        dir,
        "prisma/migrations",
        "_mentorship_zone_is_the_person_s",
        path.join(dir, "before-zones"),
      );
      const file = path.join(dir, "zones.db");
      await applyMigrations(`file:${file}`, { rootDir: before, onApplied: () => {} });
      const db = new Database(file);
      try {
        db.exec(optInsWithOffsets((ms) => String(ms)));
      } finally {
        db.close();
      }
      await applyMigrations(`file:${file}`, { rootDir: root, onApplied: () => {} });
      const after = new Database(file, { readonly: true });
      try {
        expect(after.prepare('SELECT id, "timeZone" FROM "User" ORDER BY id').all()).toEqual(
          ZONES_FROM_OFFSETS,
        );
        expect(
          (
            after.prepare('SELECT COUNT(*) AS n FROM "MentorshipParticipant"').get() as {
              n: number;
            }
          ).n,
        ).toBe(6);
        expect(after.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      } finally {
        after.close();
      }
    },
    TIMEOUT,
  );

  test(
    "where SCIM was in use every team stays a group under its id with its members, and every group a team; elsewhere no group exists",
    async () => {
      const before = migrationsBefore(
        dir,
        "prisma/migrations",
        "_scim_groups",
        path.join(dir, "before-groups"),
      );
      for (const tokens of [true, false]) {
        const file = path.join(dir, `groups-${tokens}.db`);
        await applyMigrations(`file:${file}`, { rootDir: before, onApplied: () => {} });
        const db = new Database(file);
        try {
          db.exec(teamsBeforeGroups((ms) => String(ms), tokens));
        } finally {
          db.close();
        }
        await applyMigrations(`file:${file}`, { rootDir: root, onApplied: () => {} });
        const after = new Database(file, { readonly: true });
        try {
          expect({
            groups: after
              .prepare(
                'SELECT id, "displayName", "externalId", "teamId" FROM "ScimGroup" ORDER BY id',
              )
              .all(),
            members: after
              .prepare(
                'SELECT "groupId", "userId" FROM "ScimGroupMember" ORDER BY "groupId", "userId"',
              )
              .all(),
            settings: after
              .prepare('SELECT id, "groupsAsTeams", "teamPrefix" FROM "ScimSettings"')
              .all(),
          }).toEqual(tokens ? GROUPS_FROM_TEAMS : { groups: [], members: [], settings: [] });
          expect(after.prepare('SELECT id, name FROM "Team" ORDER BY id').all()).toEqual([
            { id: "payments", name: "Payments" },
            { id: "platform", name: "Platform" },
          ]);
          expect(after.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
        } finally {
          after.close();
        }
      }
    },
    TIMEOUT,
  );

  test("a failure names the database and the cause", async () => {
    const broken = path.join(dir, "broken.db");
    const db = new Database(broken);
    db.exec('CREATE TABLE "Team" (id TEXT)');
    db.close();
    await expect(applyMigrations(`file:${broken}`, { rootDir: root })).rejects.toThrow(
      /Database migrations failed for file:.*broken\.db: P3005/,
    );
  });
});

const testPostgresUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!testPostgresUrl)("migrations on PostgreSQL (TEST_POSTGRES_URL)", () => {
  const folders = migrationFolders("prisma/postgres/migrations");
  const database = `rungs_migrations_test_${randomUUID().replaceAll("-", "")}`;
  let databaseUrl: string;

  async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const url = new URL(testPostgresUrl!);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    await withClient(testPostgresUrl!, (client) => client.query(`CREATE DATABASE "${database}"`));
  });

  afterAll(async () => {
    await withClient(testPostgresUrl!, (client) => dropPostgresDatabase(client, database));
  });

  test("there is at least one migration", () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  test(
    "two servers starting at once apply every migration once",
    async () => {
      const first = recorder();
      const second = recorder();
      await Promise.all([
        applyMigrations(databaseUrl, { rootDir: root, onApplied: first.onApplied }),
        applyMigrations(databaseUrl, { rootDir: root, onApplied: second.onApplied }),
      ]);
      // One of them applied everything; the other waited, then found nothing to do.
      expect([...first.applied, ...second.applied]).toEqual([folders]);

      await withClient(databaseUrl, async (client) => {
        const tables = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(tables.rows.map((row) => row.table_name)).toEqual(
          expect.arrayContaining([...modelTables(), "_prisma_migrations"]),
        );

        const history = await client.query<{ migration_name: string; applied_steps_count: number }>(
          `SELECT migration_name, applied_steps_count FROM _prisma_migrations
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        );
        expect(history.rows.map((row) => row.migration_name)).toEqual(folders);
        const all = await client.query("SELECT count(*)::int AS n FROM _prisma_migrations");
        expect(all.rows[0].n).toBe(folders.length);
      });

      const status = prismaMigrateStatus(databaseUrl);
      expect(status.output).toContain("Database schema is up to date!");
      expect(status.status).toBe(0);

      const third = recorder();
      await applyMigrations(databaseUrl, { rootDir: root, onApplied: third.onApplied });
      expect(third.applied).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    "a participant's time zone becomes their person's: their latest opt-in's offset as a named zone, unless they chose one",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rungs-migrations-"));
      const zonesDatabase = `${database}_zones`;
      const url = new URL(testPostgresUrl!);
      url.pathname = `/${zonesDatabase}`;
      await withClient(testPostgresUrl!, (client) =>
        client.query(`CREATE DATABASE "${zonesDatabase}"`),
      );
      try {
        const before = migrationsBefore(
          dir,
          "prisma/postgres/migrations",
          "_mentorship_zone_is_the_person_s",
          dir,
        );
        await applyMigrations(url.toString(), { rootDir: before, onApplied: () => {} });
        await withClient(url.toString(), (client) =>
          client.query(optInsWithOffsets((ms) => `'${new Date(ms).toISOString()}'`)),
        );
        await applyMigrations(url.toString(), { rootDir: root, onApplied: () => {} });
        await withClient(url.toString(), async (client) => {
          expect(
            (await client.query('SELECT id, "timeZone" FROM "User" ORDER BY id')).rows,
          ).toEqual(ZONES_FROM_OFFSETS);
          expect(
            (await client.query('SELECT count(*)::int AS n FROM "MentorshipParticipant"')).rows[0]
              .n,
          ).toBe(6);
        });
      } finally {
        await withClient(testPostgresUrl!, (client) => dropPostgresDatabase(client, zonesDatabase));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  test(
    "where SCIM was in use every team stays a group under its id with its members, and every group a team; elsewhere no group exists",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rungs-migrations-"));
      const before = migrationsBefore(dir, "prisma/postgres/migrations", "_scim_groups", dir);
      try {
        for (const tokens of [true, false]) {
          const groupsDatabase = `${database}_groups_${tokens}`;
          const url = new URL(testPostgresUrl!);
          url.pathname = `/${groupsDatabase}`;
          await withClient(testPostgresUrl!, (client) =>
            client.query(`CREATE DATABASE "${groupsDatabase}"`),
          );
          try {
            await applyMigrations(url.toString(), { rootDir: before, onApplied: () => {} });
            await withClient(url.toString(), (client) =>
              client.query(teamsBeforeGroups((ms) => `'${new Date(ms).toISOString()}'`, tokens)),
            );
            await applyMigrations(url.toString(), { rootDir: root, onApplied: () => {} });
            await withClient(url.toString(), async (client) => {
              expect({
                groups: (
                  await client.query(
                    'SELECT id, "displayName", "externalId", "teamId" FROM "ScimGroup" ORDER BY id',
                  )
                ).rows,
                members: (
                  await client.query(
                    'SELECT "groupId", "userId" FROM "ScimGroupMember" ORDER BY "groupId", "userId"',
                  )
                ).rows,
                settings: (
                  await client.query('SELECT id, "groupsAsTeams", "teamPrefix" FROM "ScimSettings"')
                ).rows,
              }).toEqual(tokens ? GROUPS_FROM_TEAMS : { groups: [], members: [], settings: [] });
              expect((await client.query('SELECT id, name FROM "Team" ORDER BY id')).rows).toEqual([
                { id: "payments", name: "Payments" },
                { id: "platform", name: "Platform" },
              ]);
            });
          } finally {
            await withClient(testPostgresUrl!, (client) =>
              dropPostgresDatabase(client, groupsDatabase),
            );
          }
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});
