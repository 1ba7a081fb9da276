// The level history's migration backfills the promotions that calibration applied: run on a
// SQLite database holding the migrations before it and a few such promotions.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test } from "vitest";

const migrations = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
const LEVEL_CHANGES = "20261123180030_level_changes";

test("the migration records each promotion calibration applied, dated when it was applied, and none it refused", () => {
  const db = new Database(":memory:");
  const folders = fs
    .readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders.filter((name) => name < LEVEL_CHANGES))
    db.exec(fs.readFileSync(path.join(migrations, folder, "migration.sql"), "utf8"));

  const now = "2026-07-01T08:00:00.000Z";
  const person = db.prepare(
    `INSERT INTO "User" (id, email, name, track, level, "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  person.run("lena", "lena@example.com", "Lena", "ic", "ic3", now);
  person.run("omar", "omar@example.com", "Omar", "ic", "ic4", now);
  person.run("fac", "fac@example.com", "Facilitator", null, null, now);
  db.prepare(
    `INSERT INTO "ReviewCycle" (id, name, "startsOn", "endsOn", "updatedAt") VALUES ('cycle', 'Spring', ?, ?, ?)`,
  ).run(now, now, now);
  db.prepare(
    `INSERT INTO "LadderVersion" (id, "ladderId", hash, version, content) VALUES ('v1', 'engineering', 'h', '1', '{}')`,
  ).run();
  db.prepare(
    `INSERT INTO "CalibrationSession" (id, name, "cycleId", "facilitatorId", state, "ladderId", "ladderVersionId", "groupFloor", "updatedAt") VALUES ('s', 'Spring calibration', 'cycle', 'fac', 'published', 'engineering', 'v1', 4, ?)`,
  ).run(now);
  const entry = db.prepare(
    `INSERT INTO "CalibrationEntry" (id, "sessionId", "personId", "trackId", "levelId", "finalOutcome", "finalLevelId", "appliedAt") VALUES (?, 's', ?, 'ic', ?, 'promote', ?, ?)`,
  );
  entry.run("e-lena", "lena", "ic2", "ic3", now);
  entry.run("e-omar", "omar", "ic3", "ic4", now);
  const event = db.prepare(
    `INSERT INTO "CalibrationEvent" (id, "sessionId", "entryId", "actorId", kind, change, reason) VALUES (?, 's', ?, 'fac', 'apply', '{}', ?)`,
  );
  event.run("a1", "e-lena", null);
  // Omar's level had changed some other way: the promotion was not applied.
  event.run(
    "a2",
    "e-omar",
    "Not applied: the person's level changed after the session was set up.",
  );

  db.exec(fs.readFileSync(path.join(migrations, LEVEL_CHANGES, "migration.sql"), "utf8"));
  expect(
    db
      .prepare(
        `SELECT "personId", "fromTrackId", "fromLevelId", "toTrackId", "toLevelId", source, "changedAt" FROM "LevelChange"`,
      )
      .all(),
  ).toEqual([
    {
      personId: "lena",
      fromTrackId: "ic",
      fromLevelId: "ic2",
      toTrackId: "ic",
      toLevelId: "ic3",
      source: "promoted",
      changedAt: now,
    },
  ]);
});
