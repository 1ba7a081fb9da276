import { ENTERPRISE_USER, RUNGS_USER } from "./quirks";
import { ScimProblem } from "./problem";
import { forbiddenCharacter, forbiddenCharacterProblem } from "~/utils/name-text";
import { readLevelSince } from "~/modules/people/level-since";
import { languageFromAcceptLanguage, type Language } from "~/i18n/languages";

/**
 * How a Rungs person reads as a SCIM User and how a SCIM User (already checked against
 * the schemas by the SCIM library) sets a person. Pure.
 *
 * - userName is the provider's sign-in name (kept lower-case: it is unique without regard
 *   to case); a person made in Rungs answers with their email until a provider names them.
 * - The person's one email is the primary email, else the work one, else the first; a
 *   userName that is an email address serves when no email is sent.
 * - Rungs keeps one name: displayName, else name.formatted, else the name's parts. On a
 *   replace, the one of these the message changed wins, so a provider that sends only
 *   `name.familyName` changes the name and one that also repeats displayName does not lose it.
 * - The enterprise extension's manager and department set the reporting line and team
 *   when the extension is sent; without it both stay as they are in Rungs. The Rungs
 *   extension's ladder, track and level do the same, attribute by attribute, and so does its
 *   levelSince (a dateTime, read as its UTC day; people/level-since.ts decides what is kept).
 * - The interface's language is preferredLanguage (an Accept-Language value, as Entra sends it),
 *   else locale (a tag such as Okta's "en-US" or "en_US"): the first language Rungs speaks in
 *   them; none of them spoken, the person has no choice of their own (their browser's is used).
 *   A message with neither leaves the person's as it is.
 */

export type PersonForScim = {
  id: string;
  name: string;
  email: string;
  scimUserName: string | null;
  scimExternalId: string | null;
  scimManagerRef: string | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  ladderId: string | null;
  track: string | null;
  level: string | null;
  levelSince: Date | null;
  language: string | null;
  team: { name: string } | null;
  manager: { id: string; name: string } | null;
};

type Json = Record<string, unknown>;

function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/);
  return words.length > 1
    ? { givenName: words.slice(0, -1).join(" "), familyName: words.at(-1)! }
    : { givenName: name, familyName: "" };
}

export function userResource(person: PersonForScim): Json {
  const parts = splitName(person.name);
  const enterprise: Json = {};
  if (person.team) enterprise.department = person.team.name;
  if (person.manager)
    enterprise.manager = { value: person.manager.id, displayName: person.manager.name };
  else if (person.scimManagerRef) enterprise.manager = { value: person.scimManagerRef };
  const rungs: Json = {};
  if (person.ladderId) rungs.ladder = person.ladderId;
  if (person.track) rungs.track = person.track;
  if (person.level) rungs.level = person.level;
  if (person.levelSince) rungs.levelSince = person.levelSince.toISOString();
  return {
    id: person.id,
    ...(person.scimExternalId ? { externalId: person.scimExternalId } : {}),
    userName: person.scimUserName ?? person.email,
    displayName: person.name,
    name: {
      formatted: person.name,
      ...(parts.familyName ? parts : { givenName: parts.givenName }),
    },
    emails: [{ value: person.email, type: "work", primary: true }],
    ...(person.language ? { preferredLanguage: person.language } : {}),
    active: person.deactivatedAt === null,
    ...(Object.keys(enterprise).length ? { [ENTERPRISE_USER]: enterprise } : {}),
    ...(Object.keys(rungs).length ? { [RUNGS_USER]: rungs } : {}),
    meta: {
      resourceType: "User",
      created: person.createdAt.toISOString(),
      lastModified: person.updatedAt.toISOString(),
    },
  };
}

export type UserInput = {
  userName: string;
  externalId: string | null;
  /** The name the message gives, compared with `before` (the person as SCIM read them) on a replace. */
  name: string | null;
  email: string | null;
  active: boolean | null;
  /** Null when the message has no enterprise extension: reporting line and team stay. */
  enterprise: { managerRef: string | null; department: string | null } | null;
  rungs: { ladder?: string; track?: string; level?: string } | null;
  /** The Rungs extension's levelSince as a day; undefined when the message does not give one (the person's stays). */
  levelSince: Date | undefined;
  /** The language the message gives; null when it names none Rungs speaks, undefined when it gives none (the person's stays). */
  language: Language | null | undefined;
};

/**
 * A User after a patch is the person's whole state, but the SCIM library leaves out an extension the
 * patch emptied (a manager removed, or replaced with nothing, where no department is set): read as
 * a missing extension, it would keep the manager. Given back with the extension empty.
 */
export function patchedUser(resource: Json, before: Json): Json {
  const had = Object.keys(before).some(
    (key) => key.toLowerCase() === ENTERPRISE_USER.toLowerCase(),
  );
  const has = Object.keys(resource).some(
    (key) => key.toLowerCase() === ENTERPRISE_USER.toLowerCase(),
  );
  return had && !has ? { ...resource, [ENTERPRISE_USER]: {} } : resource;
}

function languageOf(resource: Json): Language | null | undefined {
  const preferred = text(resource.preferredLanguage);
  const locale = text(resource.locale)?.replaceAll("_", "-") ?? null;
  if (!preferred && !locale) return undefined;
  return languageFromAcceptLanguage(preferred) ?? languageFromAcceptLanguage(locale);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;
const object = (value: unknown): Json | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;

function nameOf(resource: Json): {
  display: string | null;
  formatted: string | null;
  parts: string | null;
} {
  const name = object(resource.name) ?? {};
  const parts = [text(name.givenName), text(name.middleName), text(name.familyName)]
    .filter(Boolean)
    .join(" ");
  return {
    display: text(resource.displayName),
    formatted: text(name.formatted),
    parts: parts || null,
  };
}

/** Reads a SCIM User; `before` is the person's current SCIM form on a replace, null on a create. */
export function readUserInput(
  resource: Json,
  before: Json | null,
  now: Date = new Date(),
): UserInput {
  const userName = text(resource.userName);
  if (!userName) throw new ScimProblem(400, "invalidValue", "A user needs a userName.");
  if (userName.length > 254)
    throw new ScimProblem(400, "invalidValue", "userName is longer than 254 characters.");

  const given = nameOf(resource);
  let name: string | null;
  if (!before) name = given.display ?? given.formatted ?? given.parts;
  else {
    const had = nameOf(before);
    name =
      (given.display && given.display !== had.display ? given.display : null) ??
      (given.formatted && given.formatted !== had.formatted ? given.formatted : null) ??
      (given.parts && given.parts !== had.parts ? given.parts : null);
  }
  if (name && name.length > 200)
    throw new ScimProblem(400, "invalidValue", "The name is longer than 200 characters.");
  const forbidden = name ? forbiddenCharacter(name) : null;
  if (forbidden)
    throw new ScimProblem(400, "invalidValue", `The name ${forbiddenCharacterProblem(forbidden)}.`);

  const emails = Array.isArray(resource.emails)
    ? resource.emails
        .map(object)
        .filter((email): email is Json => email !== null && text(email.value) !== null)
    : [];
  const chosen =
    emails.find((email) => email.primary === true) ??
    emails.find((email) => String(email.type).toLowerCase() === "work") ??
    emails[0];
  const email =
    (text(chosen?.value) ?? (EMAIL.test(userName) ? userName : null))?.toLowerCase() ?? null;
  if (email && (!EMAIL.test(email) || email.length > 254))
    throw new ScimProblem(400, "invalidValue", `"${email}" is not an email address.`);

  const enterpriseKey = Object.keys(resource).find(
    (key) => key.toLowerCase() === ENTERPRISE_USER.toLowerCase(),
  );
  const enterpriseValue = enterpriseKey ? object(resource[enterpriseKey]) : null;
  const rungsKey = Object.keys(resource).find(
    (key) => key.toLowerCase() === RUNGS_USER.toLowerCase(),
  );
  const rungsValue = rungsKey ? object(resource[rungsKey]) : null;

  // The SCIM library has already checked the dateTime and written it in UTC: its day is the first ten characters.
  const sinceText = rungsValue ? text(rungsValue.levelSince) : null;
  const since = sinceText ? readLevelSince(sinceText.slice(0, 10), now) : null;
  if (since && !since.ok)
    throw new ScimProblem(400, "invalidValue", `levelSince: ${since.message}.`);

  const department = enterpriseValue ? text(enterpriseValue.department) : null;
  const forbiddenInDepartment = department ? forbiddenCharacter(department) : null;
  if (forbiddenInDepartment)
    throw new ScimProblem(
      400,
      "invalidValue",
      `department ${forbiddenCharacterProblem(forbiddenInDepartment)}.`,
    );

  return {
    userName: userName.toLowerCase(),
    externalId: text(resource.externalId),
    name,
    email,
    active: typeof resource.active === "boolean" ? resource.active : null,
    enterprise: enterpriseValue
      ? { managerRef: text(object(enterpriseValue.manager)?.value), department }
      : null,
    rungs: rungsValue
      ? Object.fromEntries(
          (["ladder", "track", "level"] as const).flatMap((key) =>
            text(rungsValue[key]) ? [[key, text(rungsValue[key])!]] : [],
          ),
        )
      : null,
    levelSince: since?.ok ? (since.day ?? undefined) : undefined,
    language: languageOf(resource),
  };
}
