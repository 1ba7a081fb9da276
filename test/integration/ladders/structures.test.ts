import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import { loader as competencyLoader } from "~/routes/ladders.$ladderId.competencies.$competencyId";
import { loader as levelLoader } from "~/routes/ladders.$ladderId.levels.$levelId";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/** The engineering ladder beside docs/examples' structures ladder, which includes a shared file. */
const dir = mkdtempSync(join(tmpdir(), "rungs-structures-"));
beforeAll(() => {
  cpSync("frameworks/engineering", join(dir, "engineering"), { recursive: true });
  cpSync("docs/examples/structures-ladder", join(dir, "structures-ladder"), { recursive: true });
  cpSync("docs/examples/shared", join(dir, "shared"), { recursive: true });
  resetLadderRegistry(dir);
});
afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

async function asEngineer(url: string) {
  const person = await createPerson();
  return signedInRequest(url, person.id);
}

describe("ladder structures on the ladder pages", () => {
  test("a level marks the competencies and expectations it inherits with their source; its own additions are not marked", async () => {
    const result = await levelLoader(routeArgs(await asEngineer("/ladders/acme-backend/levels/b2"), { ladderId: "acme-backend", levelId: "b2" }));
    const { view } = bodyOf<Awaited<ReturnType<typeof levelLoader>>>(result);
    const competencies = view.areas.flatMap((area) => area.competencies);
    expect(competencies.map((competency) => [competency.id, competency.inheritedFrom])).toEqual([
      ["communication", "Generic"],
      ["systems", null],
    ]);
    expect(competencies[0]!.expectations.map((expectation) => [expectation.text, expectation.inheritedFrom ?? null])).toEqual([
      ["Writes updates and proposals that others act on.", "Generic"],
      ["Runs the service's incident reviews.", null],
    ]);
  });

  test("a level lists its sub-levels in order", async () => {
    const result = await levelLoader(routeArgs(await asEngineer("/ladders/acme-backend/levels/b2"), { ladderId: "acme-backend", levelId: "b2" }));
    expect(bodyOf<Awaited<ReturnType<typeof levelLoader>>>(result).view.sublevels).toEqual([
      { id: "a", title: "A", summary: "New to the level; owns a service with support." },
      { id: "b", title: "B", summary: null },
      { id: "c", title: "C", summary: "Owns a service alone and is starting to shape others." },
    ]);
  });

  test("an inherited competency's page names its source", async () => {
    const result = await competencyLoader(routeArgs(await asEngineer("/ladders/acme-backend/competencies/communication"), { ladderId: "acme-backend", competencyId: "communication" }));
    expect(bodyOf<Awaited<ReturnType<typeof competencyLoader>>>(result).view.competency.inheritedFrom).toBe("Generic");
  });
});
