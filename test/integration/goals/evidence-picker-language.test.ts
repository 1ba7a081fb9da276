// The competency picker of a key result's evidence names each competency in the reader's language
// (decision 115), through the real request handler with the root's middleware and the document as
// the server renders it: the ladder's own translation, in the page and in its data alike; the
// option's value is the competency's id in every language.
import { beforeAll, describe, expect, test } from "vitest";
import { addKeyResult, createObjective } from "~/modules/goals/goals.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import * as objectiveRoute from "~/routes/goals.objectives.$objectiveId";
import { appBuild, serveForFile } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";
import { quarterPeriod } from "./fixtures";

const app = serveForFile(
  appBuild({
    "routes/objective": { path: "goals/objectives/:objectiveId", module: objectiveRoute },
  }),
);
let periodId: string;
beforeAll(async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  periodId = await quarterPeriod(admin);
});

/** A person reading, in their own language, the page of their own objective with one key result. */
async function ownObjectiveAs(language: string, suffix: string) {
  const owner = await createPerson({ name: `Lena ${suffix}`, track: "ic", level: "ic2", language });
  const viewer = { ...owner, isHiringAdmin: false };
  const objectiveId = await createObjective(viewer, {
    periodId,
    level: "person",
    teamId: null,
    title: `Ship the checkout ${suffix}`,
    why: "",
    commitment: "committed",
    parentId: null,
  });
  await addKeyResult(viewer, objectiveId, {
    title: "Teams onboarded",
    kind: "metric",
    unit: "teams",
    direction: "increase",
    startValue: 40,
    targetValue: 60,
  });
  const cookie = (await startSession(owner.id)).split(";")[0]!;
  const path = `/goals/objectives/${objectiveId}`;
  const page = await app.server.send("GET", path, { Cookie: cookie, "Accept-Language": "en" });
  const data = await app.server.send("GET", `${path}.data`, { Cookie: cookie });
  return { page, data };
}

describe("the evidence picker of a key result", () => {
  test("a German reader picks a competency by its German name, with its id as the value", async () => {
    const { page, data } = await ownObjectiveAs("de", "de");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="de" dir="ltr"');
    expect(page.body).toContain('<option value="code-quality">Codequalität</option>');
    expect(page.body).not.toContain(">Code quality</option>");
    expect(data.body).toContain("Codequalität");
    expect(data.body).not.toContain("Code quality");
  });

  test("an Arabic reader picks it by its Arabic name", async () => {
    const { page, data } = await ownObjectiveAs("ar", "ar");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl"');
    expect(page.body).toContain('<option value="code-quality">جودة الشيفرة</option>');
    expect(data.body).toContain("جودة الشيفرة");
    expect(data.body).not.toContain("Code quality");
  });

  test("an English reader reads the ladder as written", async () => {
    const { page } = await ownObjectiveAs("en", "en");
    expect(page.body).toContain('<option value="code-quality">Code quality</option>');
  });
});
