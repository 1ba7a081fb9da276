// The API's rules at their edges, through the API's route as a tool calls it (each case here failed
// no other test when its condition was taken out of api/policy.ts).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { DomainError } from "~/modules/errors";
import { revokeApiToken } from "~/modules/api/tokens.server";
import { createAdmin } from "../../utils/factories";
import { api, tokenFor } from "./helpers";

let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  admin = await createAdmin({ name: "Ada Admin" });
});

describe("the API's rules at their edges", () => {
  test("a token whose reach this release does not know (written by a later one) authenticates nobody", async () => {
    const { id, token } = await tokenFor(admin.id, ["people:read"]);
    expect((await api(token, "GET", "/people?limit=1")).status).toBe(200);
    await db.apiToken.update({ where: { id }, data: { reach: "team" } });
    expect((await api(token, "GET", "/people?limit=1")).status).toBe(401);
  });

  test("someone who is no longer an admin does not revoke the organisation's token they once issued: it keeps working", async () => {
    const former = await createAdmin({ name: "Fay Former" });
    const { id, token } = await tokenFor(former.id, ["ladders:read"]);
    const demoted = await db.user.update({ where: { id: former.id }, data: { isAdmin: false } });
    let refusal = "allowed";
    try {
      await revokeApiToken(demoted, id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusal = error.kind;
    }
    expect(refusal).toBe("not-found");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    // It reads for an admin no longer: the token itself is refused as their pages would refuse them.
    expect((await api(token, "GET", "/ladders")).status).toBe(403);
  });
});
