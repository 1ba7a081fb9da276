// What a ladder's checks find, on the admin's Ladder status page in the admin's language, through
// the real request handler: the file, line and path as written, the finding worded in German; in
// English the same line that `ladders:check` prints.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as status from "~/routes/admin.ladders";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createAdmin } from "../../utils/factories";

const build = appBuild({ "routes/admin.ladders": { path: "admin/ladders", module: status } });
// The valid fixture with two mistakes: a question for a level past the top of its track (a
// check's finding), and a day no calendar has (a rule of the schema's).
const app = serveWithLadders(build, "check-languages", (dir) => {
  copyLadder("valid", dir, "broken");
  const edit = (file: string, from: string, to: string) =>
    writeFileSync(
      join(dir, "broken", file),
      readFileSync(join(dir, "broken", file), "utf8").replace(from, to),
    );
  edit("competencies.yaml", "          levels: [ic3]\n", "          levels: [ic9]\n");
  edit("ladder.yaml", 'date: "2025-01-01"', 'date: "2025-02-30"');
});

async function statusPageIn(language: string) {
  const admin = await createAdmin();
  await db.user.update({ where: { id: admin.id }, data: { language } });
  const { status: code, body } = await getAs(app.server, admin.id, "/admin/ladders");
  expect(code).toBe(200);
  return body.replaceAll("&quot;", '"');
}

describe("a ladder's errors on the Ladder status page", () => {
  test("are worded in the admin's language, with the file, line and path as written", async () => {
    const body = await statusPageIn("de");
    expect(body).toContain(
      `competencies.yaml:16:20 competencies[0].interview.questions[1].levels[0]: unbekannte Stufe „ic9“ (meinten Sie „ic3“, die höchste Stufe der Laufbahn „ic“?)`,
    );
    expect(body).toContain(
      `ladder.yaml:14:11 changelog[1].date: „2025-02-30“ ist kein gültiges Kalenderdatum`,
    );
    expect(body).not.toContain("unknown level");
    expect(body).not.toContain("calendar date");
  });

  test("in English, read as ladders:check prints them", async () => {
    const body = await statusPageIn("en");
    expect(body).toContain(
      `competencies.yaml:16:20 competencies[0].interview.questions[1].levels[0]: unknown level "ic9" (did you mean "ic3", the highest level of track "ic"?)`,
    );
    expect(body).toContain(
      `ladder.yaml:14:11 changelog[1].date: "2025-02-30" is not a real calendar date`,
    );
  });
});
