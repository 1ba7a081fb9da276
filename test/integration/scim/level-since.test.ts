import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { providerToken, scim } from "./helpers";

/** The Rungs extension's levelSince: the day a person reached their level before Rungs recorded it. */

const RUNGS = "urn:ietf:params:scim:schemas:extension:rungs:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

function user(userName: string, rungs?: Record<string, unknown>) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    name: { givenName: userName.split("@")[0], familyName: "Test" },
    active: true,
    ...(rungs ? { [RUNGS]: rungs } : {}),
  };
}

async function stored(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { level: true, levelSince: true } });
}

describe("levelSince in the Rungs extension", () => {
  test("is set on create and read back; a day in the future or no date at all is refused and nobody is made", async () => {
    const token = await providerToken();
    for (const levelSince of ["2999-01-01", "last spring"]) {
      const refused = await scim(
        token,
        "POST",
        "/Users",
        user(`refused-${levelSince.length}@example.com`, { track: "ic", level: "ic3", levelSince }),
      );
      expect(refused.status, levelSince).toBe(400);
      expect(refused.body).toMatchObject({ schemas: [ERROR], status: "400" });
    }
    expect(await db.user.count({ where: { email: { startsWith: "refused-" } } })).toBe(0);
    const future = await scim(
      token,
      "POST",
      "/Users",
      user("future@example.com", { track: "ic", level: "ic3", levelSince: "2999-01-01" }),
    );
    expect(future.body.detail).toBe(
      "levelSince: 2999-01-01 is in the future: give the day the person reached their level.",
    );

    const created = await scim(
      token,
      "POST",
      "/Users",
      user("since@example.com", { track: "ic", level: "ic3", levelSince: "2021-03-01" }),
    );
    expect(created.status).toBe(201);
    expect(created.body[RUNGS]).toMatchObject({
      track: "ic",
      level: "ic3",
      levelSince: "2021-03-01T00:00:00.000Z",
    });
    expect(await stored(created.body.id)).toEqual({ level: "ic3", levelSince: day("2021-03-01") });
    expect((await scim(token, "GET", `/Users/${created.body.id}`)).body[RUNGS].levelSince).toBe(
      "2021-03-01T00:00:00.000Z",
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: created.body.id, action: "person.created" },
    });
    expect(event.detail).toMatchObject({ level: "ic3", levelSince: "2021-03-01" });
  });

  test("a replace may set it; one without it keeps it; a change of level clears it, and the change keeps it", async () => {
    const token = await providerToken();
    const created = await scim(
      token,
      "POST",
      "/Users",
      user("mover@example.com", { track: "ic", level: "ic3" }),
    );
    const id = created.body.id as string;
    expect(created.body[RUNGS]).not.toHaveProperty("levelSince");

    expect(
      (
        await scim(
          token,
          "PUT",
          `/Users/${id}`,
          user("mover@example.com", {
            track: "ic",
            level: "ic3",
            levelSince: "2020-06-01T00:00:00Z",
          }),
        )
      ).status,
    ).toBe(200);
    expect(await stored(id)).toEqual({ level: "ic3", levelSince: day("2020-06-01") });
    expect((await scim(token, "PUT", `/Users/${id}`, user("mover@example.com"))).status).toBe(200);
    expect(await stored(id)).toEqual({ level: "ic3", levelSince: day("2020-06-01") });

    // A patch of the level alone: the person as SCIM reads them, levelSince and all, with the new level.
    const patched = await scim(token, "PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: `${RUNGS}:level`, value: "ic4" }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body[RUNGS]).not.toHaveProperty("levelSince");
    expect(await stored(id)).toEqual({ level: "ic4", levelSince: null });
    // The day given without a change of level is recorded as learned of then (insights date it so); the move keeps it.
    expect(
      await db.levelChange.findMany({
        where: { personId: id },
        orderBy: { id: "asc" },
        select: { fromLevelId: true, toLevelId: true, source: true, fromSince: true },
      }),
    ).toEqual([
      { fromLevelId: "ic3", toLevelId: "ic3", source: "level-since", fromSince: null },
      { fromLevelId: "ic3", toLevelId: "ic4", source: "provisioned", fromSince: day("2020-06-01") },
    ]);

    // A provider that sends the old day again does not take it back: Rungs recorded when this stay began.
    expect(
      (
        await scim(
          token,
          "PUT",
          `/Users/${id}`,
          user("mover@example.com", { track: "ic", level: "ic4", levelSince: "2020-06-01" }),
        )
      ).status,
    ).toBe(200);
    expect(await stored(id)).toEqual({ level: "ic4", levelSince: null });
  });
});
