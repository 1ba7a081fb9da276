import { describe, expect, test } from "vitest";
import { loader } from "~/routes/ladders.$ladderId[.json]._index";
import type { LadderJson } from "~/modules/ladders/ladder-json";
import { createPerson } from "../../utils/factories";
import { routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

async function asEngineer(url: string) {
  const person = await createPerson();
  return signedInRequest(url, person.id);
}

describe("GET /ladders/:id.json", () => {
  test("answers the ladder in the documented shape to a signed-in person", async () => {
    const response = await loader(
      routeArgs(await asEngineer("/ladders/engineering.json"), { ladderId: "engineering" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = (await response.json()) as LadderJson;
    expect(body.format).toBe("rungs-ladder");
    expect(body.formatVersion).toBe(1);
    expect(body.ladder).toEqual({
      id: "engineering",
      name: "Engineering",
      version: expect.any(String),
      description: expect.any(String),
      source: null,
    });
    expect(body.scale.map((point) => point.label)).toEqual([
      "Not yet",
      "Developing",
      "Consistent",
      "Beyond",
    ]);
    expect(body.tracks.map((track) => [track.id, track.levels.map((level) => level.id)])).toEqual([
      ["ic", ["ic1", "ic2", "ic3", "ic4", "ic5", "ic6"]],
      ["tech-lead", ["tl1", "tl2", "tl3"]],
      ["manager", ["m1", "m2", "m3", "m4"]],
    ]);
    const ic3 = body.tracks[0]!.levels[2]!;
    expect(ic3.competencies.map((entry) => entry.competencyId)).toContain("technical-direction");
    const statement = ic3.competencies[0]!.statements[0]!;
    expect(statement).toEqual({
      id: expect.toSatisfy((id) => id === null || typeof id === "string"),
      text: expect.any(String),
      plainText: expect.any(String),
      examples: expect.any(Array),
      links: expect.any(Array),
      inheritedFrom: null,
    });
    expect(
      body.competencies.every(
        (competency) =>
          Array.isArray(competency.links) &&
          body.areas.some((area) => area.id === competency.areaId),
      ),
    ).toBe(true);
    // Interview material is for interviewers: candidates read this file.
    expect(JSON.stringify(body)).not.toMatch(/"interview"|"questions"|"anchors"/);
  });

  test("an unknown ladder is a 404", async () => {
    const response = await loader(
      routeArgs(await asEngineer("/ladders/nope.json"), { ladderId: "nope" }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      ok: false,
      message: "There is no ladder with that name.",
    });
  });

  test("needs a signed-in person, as every ladder page does", async () => {
    const result = await thrown(() =>
      loader(
        routeArgs(new Request("http://localhost/ladders/engineering.json"), {
          ladderId: "engineering",
        }),
      ),
    );
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});
