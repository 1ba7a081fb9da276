import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { inEnglishWords, inWordsOf } from "../../utils/english";
import {
  groupsAsTeamsFrom,
  GroupsAsTeamsSchema,
  teamNameFor,
} from "~/modules/identity/scim/group-teams";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return parseWithZod(data, { schema: GroupsAsTeamsSchema });
}

function errorsOf(fields: Record<string, string>) {
  const submission = form(fields);
  return submission.status === "error" ? submission.error : null;
}

describe("which pushed groups are teams", () => {
  test("every group, none, or those whose names start with a prefix, named without it", () => {
    expect(teamNameFor({ kind: "all" }, "Guild Frontend")).toBe("Guild Frontend");
    expect(teamNameFor({ kind: "none" }, "Payments")).toBeNull();
    const prefixed = { kind: "prefix", prefix: "Rungs " } as const;
    expect(teamNameFor(prefixed, "Rungs Payments")).toBe("Payments");
    expect(teamNameFor(prefixed, "rungs Payments")).toBe("Payments");
    expect(teamNameFor(prefixed, "Guild Frontend")).toBeNull();
    // The prefix alone names no team.
    expect(teamNameFor(prefixed, "Rungs ")).toBeNull();
  });

  test("nothing stored, or anything Rungs does not know, makes no group a team", () => {
    expect(groupsAsTeamsFrom(null)).toEqual({ kind: "none" });
    expect(groupsAsTeamsFrom({ groupsAsTeams: "all", teamPrefix: null })).toEqual({ kind: "all" });
    expect(groupsAsTeamsFrom({ groupsAsTeams: "prefix", teamPrefix: "Team: " })).toEqual({
      kind: "prefix",
      prefix: "Team: ",
    });
    expect(groupsAsTeamsFrom({ groupsAsTeams: "prefix", teamPrefix: null })).toEqual({
      kind: "none",
    });
    expect(groupsAsTeamsFrom({ groupsAsTeams: "some", teamPrefix: null })).toEqual({
      kind: "none",
    });
  });

  test("the admin's form: a prefix is needed with the prefix choice, and may not hide characters", () => {
    expect(form({ groupsAsTeams: "prefix", teamPrefix: "Team " })).toMatchObject({
      status: "success",
      value: { kind: "prefix", prefix: "Team " },
    });
    expect(form({ groupsAsTeams: "none", teamPrefix: "ignored" })).toMatchObject({
      status: "success",
      value: { kind: "none" },
    });
    expect(errorsOf({ groupsAsTeams: "prefix" })).toEqual({
      teamPrefix: ["admin:scim.errors.prefixRequired"],
    });
    // A message the form words in the reader's language.
    const refused = errorsOf({ groupsAsTeams: "prefix", teamPrefix: "Team\u202E" })?.teamPrefix;
    expect(refused?.map(inEnglishWords)).toEqual([
      "The prefix has a character that changes the direction of text (U+202E); remove it.",
    ]);
    expect(inWordsOf("de", refused![0]!)).toBe(
      "Das Präfix enthält ein Zeichen, das die Schreibrichtung ändert (U+202E); entfernen Sie es.",
    );
    expect(errorsOf({ groupsAsTeams: "some" })).toEqual({
      groupsAsTeams: ["admin:scim.errors.chooseGroups"],
    });
  });
});
