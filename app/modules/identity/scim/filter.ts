/**
 * The filters Rungs answers, from the SCIM library's parsed form of a `filter` query
 * (RFC 7644 3.4.2.2): equality on the attributes identity providers look people and
 * groups up by, joined with `and` / `or`. Anything else is an invalid filter (400), not
 * an empty list, so a provider never mistakes "not supported" for "not there". Pure.
 */

export type UserField = "id" | "userName" | "externalId" | "email" | "active";
export type GroupField = "id" | "displayName" | "externalId";
export type Match<Field extends string> = { field: Field; value: string | boolean };
/** Any of the groups matches; within a group, all of the matches. */
export type Query<Field extends string> = Match<Field>[][];

export class FilterNotSupported extends Error {}

type Parsed = Record<string, unknown>;

function equality(attribute: string, comparison: unknown): string | boolean {
  if (!Array.isArray(comparison) || comparison.length !== 2 || comparison[0] !== "eq") {
    throw new FilterNotSupported(`Rungs filters ${attribute} with "eq" and a value only.`);
  }
  const value = comparison[1];
  if (typeof value !== "string" && typeof value !== "boolean")
    throw new FilterNotSupported(`The filter on ${attribute} needs a quoted value.`);
  return value;
}

export function userQuery(parsed: readonly Parsed[]): Query<UserField> {
  return parsed.map((group) =>
    Object.entries(group).map(([attribute, comparison]): Match<UserField> => {
      const name = attribute.toLowerCase();
      if (name === "id") return { field: "id", value: String(equality(attribute, comparison)) };
      if (name === "username")
        return { field: "userName", value: String(equality(attribute, comparison)) };
      if (name === "externalid")
        return { field: "externalId", value: String(equality(attribute, comparison)) };
      if (name === "active") {
        const value = equality(attribute, comparison);
        if (typeof value !== "boolean")
          throw new FilterNotSupported("The filter on active needs true or false.");
        return { field: "active", value };
      }
      if (
        name === "emails" &&
        typeof comparison === "object" &&
        comparison !== null &&
        !Array.isArray(comparison)
      ) {
        // emails.value eq "…" or emails[type eq "work"].value eq "…": a person has one, work, email.
        const parts = Object.fromEntries(
          Object.entries(comparison).map(([key, sub]) => [key.toLowerCase(), sub]),
        );
        const keys = Object.keys(parts);
        if (!("value" in parts) || keys.some((key) => key !== "value" && key !== "type"))
          throw new FilterNotSupported("Rungs filters emails by value (and type) only.");
        if ("type" in parts && String(equality("emails.type", parts.type)).toLowerCase() !== "work")
          return { field: "id", value: "" };
        return { field: "email", value: String(equality("emails.value", parts.value)) };
      }
      throw new FilterNotSupported(
        `Rungs cannot filter users by ${attribute}; it filters by id, userName, externalId, emails and active.`,
      );
    }),
  );
}

export function groupQuery(parsed: readonly Parsed[]): Query<GroupField> {
  return parsed.map((group) =>
    Object.entries(group).map(([attribute, comparison]): Match<GroupField> => {
      const name = attribute.toLowerCase();
      if (name === "id") return { field: "id", value: String(equality(attribute, comparison)) };
      if (name === "displayname")
        return { field: "displayName", value: String(equality(attribute, comparison)) };
      if (name === "externalid")
        return { field: "externalId", value: String(equality(attribute, comparison)) };
      throw new FilterNotSupported(
        `Rungs cannot filter groups by ${attribute}; it filters by id, displayName and externalId.`,
      );
    }),
  );
}

/** startIndex and count (RFC 7644 3.4.2.4): 1-based, at least 1; count 0 to the page limit. */
export function pageOf(
  startIndex: string | null,
  count: string | null,
  limit: number,
): { startIndex: number; count: number } {
  const start = Number.parseInt(startIndex ?? "", 10);
  const size = Number.parseInt(count ?? "", 10);
  return {
    startIndex: Number.isFinite(start) && start >= 1 ? Math.min(start, 1_000_000_000) : 1,
    count: Number.isFinite(size) ? Math.min(Math.max(size, 0), limit) : Math.min(100, limit),
  };
}
