// What a ladder's checks find, on the admin's Ladder status page in the admin's language, through
// the real request handler: the file, line and path as written, the finding worded in German; in
// English the same line that `ladders:check` prints.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import renderDocument, { handleError } from "~/entry.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import * as root from "~/root";
import * as status from "~/routes/admin.ladders";
import { createAdmin } from "../../utils/factories";
import { withRouteProps } from "../../utils/responses";
import { route, serveBuild, serverBuild } from "../../utils/server-build";

const build = serverBuild(
  {
    root: route("root", "", { ...root, links: () => [], default: withRouteProps(root.default) }),
    "routes/admin.ladders": route("routes/admin.ladders", "admin/ladders", { ...status, default: withRouteProps(status.default) }),
  },
  { document: renderDocument as never, handleError },
);

const dir = mkdtempSync(join(tmpdir(), "rungs-check-languages-"));
let server: Awaited<ReturnType<typeof serveBuild>>;
beforeAll(async () => {
  // The valid fixture with one mistake: a question for a level past the top of its track.
  cpSync("test/fixtures/ladders/valid", join(dir, "broken"), { recursive: true });
  const competencies = join(dir, "broken", "competencies.yaml");
  writeFileSync(competencies, readFileSync(competencies, "utf8").replace("          levels: [ic3]\n", "          levels: [ic9]\n"));
  resetLadderRegistry(dir);
  server = await serveBuild(build);
});
afterAll(async () => {
  await server.close();
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

async function statusPageIn(language: string) {
  const admin = await createAdmin();
  await db.user.update({ where: { id: admin.id }, data: { language } });
  const { status: code, body } = await server.send("GET", "/admin/ladders", { Cookie: (await startSession(admin.id)).split(";")[0]!, "Accept-Language": "en" });
  expect(code).toBe(200);
  return body.replaceAll("&quot;", '"');
}

describe("a ladder's errors on the Ladder status page", () => {
  test("are worded in the admin's language, with the file, line and path as written", async () => {
    const body = await statusPageIn("de");
    expect(body).toContain(`competencies.yaml:16:20 competencies[0].interview.questions[1].levels[0]: unbekannte Stufe "ic9" (meinten Sie "ic3", die höchste Stufe der Laufbahn "ic"?)`);
    expect(body).not.toContain("unknown level");
  });

  test("in English, read as ladders:check prints them", async () => {
    const body = await statusPageIn("en");
    expect(body).toContain(`competencies.yaml:16:20 competencies[0].interview.questions[1].levels[0]: unknown level "ic9" (did you mean "ic3", the highest level of track "ic"?)`);
  });
});
