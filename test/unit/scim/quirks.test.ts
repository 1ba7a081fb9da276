import { describe, expect, test } from "vitest";
import {
  booleanFromText,
  ENTERPRISE_USER,
  normalisePatch,
  normaliseUserResource,
} from "~/modules/identity/scim/quirks";
import * as entra from "../../fixtures/scim/entra";
import * as okta from "../../fixtures/scim/okta";

const MANAGER = `${ENTERPRISE_USER}:manager`;

describe("booleans sent as text", () => {
  test('"True" and "False" in any case become booleans; anything else stays', () => {
    expect([
      booleanFromText("False"),
      booleanFromText("TRUE"),
      booleanFromText(" false "),
      booleanFromText(false),
    ]).toEqual([false, true, false, false]);
    expect([booleanFromText("no"), booleanFromText(1), booleanFromText(null)]).toEqual([
      "no",
      1,
      null,
    ]);
  });
});

describe("Entra ID without its compliance flag", () => {
  test('disabling with "value": "False" reads as active false, with the operation name lower-cased', () => {
    expect(normalisePatch(entra.disableUser, "u1")).toEqual({
      ...entra.disableUser,
      Operations: [{ op: "replace", path: "active", value: false }],
    });
  });

  test("a manager given as a bare id, by path, in a path-less value or in a resource, becomes { value }", () => {
    expect(
      (
        normalisePatch(entra.replaceAttributes("m1"), "u1") as typeof entra.disableUser
      ).Operations.at(-1),
    ).toEqual({ op: "add", path: MANAGER, value: { value: "m1" } });
    expect(
      normalisePatch(
        { Operations: [{ op: "Replace", value: { [MANAGER]: "m2", active: "True" } }] },
        "u1",
      ),
    ).toEqual({
      Operations: [{ op: "replace", value: { [MANAGER]: { value: "m2" }, active: true } }],
    });
    expect(
      normaliseUserResource({
        userName: "a",
        active: "False",
        [ENTERPRISE_USER]: { manager: "123456", department: "X" },
      }),
    ).toEqual({
      userName: "a",
      active: false,
      [ENTERPRISE_USER]: { manager: { value: "123456" }, department: "X" },
    });
  });

  test("removing members by value becomes one RFC removal per member", () => {
    expect(normalisePatch(entra.removeMember('f6"48'), "g1")).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "remove", path: 'members[value eq "f6\\"48"]' }],
    });
  });

  test("paths it uses as published are kept", () => {
    expect(normalisePatch(entra.updateMultiValued, "u1")).toEqual({
      ...entra.updateMultiValued,
      Operations: entra.updateMultiValued.Operations.map((operation) => ({
        ...operation,
        op: "replace",
      })),
    });
  });
});

describe("Okta", () => {
  test("a group rename that repeats the group's own id loses the id; another id is left for the library to refuse", () => {
    expect(normalisePatch(okta.renameGroup("g1"), "g1")).toEqual({
      ...okta.renameGroup("g1"),
      Operations: [{ op: "replace", value: { displayName: "Test SCIMv2" } }],
    });
    expect(
      (normalisePatch(okta.renameGroup("other"), "g1") as { Operations: { value: unknown }[] })
        .Operations[0]!.value,
    ).toEqual({ id: "other", displayName: "Test SCIMv2" });
  });

  test("its deactivation and its user bodies pass unchanged", () => {
    expect(normalisePatch(okta.deactivateUser, "u1")).toEqual(okta.deactivateUser);
    expect(normaliseUserResource(okta.createUser)).toEqual(okta.createUser);
  });
});

test("anything that is not a PatchOp is left for the library to refuse", () => {
  expect(normalisePatch("nonsense", "u1")).toBe("nonsense");
  expect(normalisePatch({ Operations: "x" }, "u1")).toEqual({ Operations: "x" });
});
