// Who may call which operation of the API: an admin's token organisation-wide while its person is an
// admin, a person's own token only the reads with a page of theirs, whoever its person is.
import { describe, expect, test } from "vitest";
import { OPERATIONS } from "~/modules/api/openapi";
import { tokenAccess, type TokenFacts } from "~/modules/api/policy";
import { API_SCOPES } from "~/modules/api/scopes";

const token = (reach: TokenFacts["reach"], isAdmin: boolean, active = true): TokenFacts => ({
  revoked: false,
  reach,
  scopes: API_SCOPES,
  person: { active, isAdmin },
});
const allowed = (facts: TokenFacts) =>
  OPERATIONS.filter((operation) => tokenAccess(facts, operation).ok).map(
    (operation) => operation.id,
  );

describe("tokenAccess", () => {
  test("a person's own token calls the reads with a page of theirs, and an admin's own token no more", () => {
    const reads = [
      "listPeople",
      "getPerson",
      "listLadders",
      "listOutcomes",
      "getAggregate",
      "listObjectives",
      "createCheckIn",
      "listTeamHealthResults",
      "getTeamHealthResults",
    ];
    expect(allowed(token("person", false))).toEqual(reads);
    expect(allowed(token("person", true))).toEqual(reads);
    expect(
      tokenAccess(
        token("person", true),
        OPERATIONS.find((operation) => operation.id === "listTeams")!,
      ),
    ).toEqual({ ok: false, status: 403, reason: "admin_pages_only" });
  });

  test("an admin's token calls everything while its person is an admin; a person who left authenticates nobody", () => {
    expect(allowed(token("organisation", true))).toEqual(
      OPERATIONS.map((operation) => operation.id),
    );
    expect(allowed(token("organisation", false))).toEqual([]);
    expect(tokenAccess(token("person", false, false), OPERATIONS[0]!)).toEqual({
      ok: false,
      status: 401,
    });
  });
});
