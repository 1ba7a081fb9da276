import type { z } from "zod";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { NotFoundError } from "~/modules/errors";
import type { Message } from "~/i18n/messages";
import type { PersonFormValue } from "~/modules/people/person-form";
import {
  createPerson,
  getPerson as personForForm,
  updatePerson,
} from "~/modules/people/service.server";
import { getTrackLevelCheck } from "~/modules/people/track-levels.server";
import { rightsNamed } from "./policy";
import { ApiPersonInput, ApiPersonPatch } from "./schemas";

/**
 * People written through the API go through the admins' own form and service (people/service.server.ts):
 * the same checks, the same transaction and the same audit event, with the token's person as the
 * actor. A second event names the token, so the audit log says which tool made the change.
 */

export type FieldProblems = Record<string, (string | Message)[]>;
export type WriteResult = { ok: true; personId: string } | { ok: false; fields: FieldProblems };

/** Whether an identity provider keeps people (an active SCIM token): the API then leaves them to it (policy.ts). */
export async function scimInUse(): Promise<boolean> {
  return (await db.scimToken.count({ where: { revokedAt: null } })) > 0;
}

/** A body's fields set to something, and those set to null: null for an optional field means "none", as an empty form field does. */
function splitNulls(body: object): { given: Record<string, unknown>; cleared: string[] } {
  const entries = Object.entries(body);
  return {
    given: Object.fromEntries(entries.filter(([, value]) => value !== null)),
    cleared: entries.filter(([, value]) => value === null).map(([key]) => key),
  };
}

function problemsOf(error: z.ZodError): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "body";
    (fields[field] ??= []).push(issue.message);
  }
  return fields;
}

const BODY_NOT_OBJECT: FieldProblems = { body: [{ key: "api:errors.bodyNotObject" }] };
const isObject = (body: unknown) =>
  Boolean(body) && typeof body === "object" && !Array.isArray(body);

/** A body that names a person's rights, null included, is refused whole (policy.ts). */
function rightsProblems(body: object): FieldProblems | null {
  const named = rightsNamed(body);
  if (named.length === 0) return null;
  return Object.fromEntries(
    named.map((field) => [field, [{ key: "api:errors.rightsNotByToken" }]]),
  );
}

export async function createPersonByApi(
  token: { id: string; name: string; personId: string },
  body: unknown,
): Promise<WriteResult> {
  if (!isObject(body)) return { ok: false, fields: BODY_NOT_OBJECT };
  const rights = rightsProblems(body as object);
  if (rights) return { ok: false, fields: rights };
  const parsed = ApiPersonInput.safeParse(splitNulls(body as object).given);
  if (!parsed.success) return { ok: false, fields: problemsOf(parsed.error) };
  // The token's own audit event is written with the person, in one transaction.
  const result = await createPerson(
    token.personId,
    parsed.data,
    await getTrackLevelCheck(),
    (tx, personId) =>
      recordAuditEvent(tx, {
        actorId: token.personId,
        action: "api.person_created",
        subjectType: "api-token",
        subjectId: token.id,
        detail: { token: token.name, personId },
      }),
  );
  if (!result.ok) return { ok: false, fields: result.fieldErrors as FieldProblems };
  return result;
}

/** A change to some of a person's fields: the others keep their value, as the edit form sends them back. */
export async function updatePersonByApi(
  token: { id: string; name: string; personId: string },
  personId: string,
  body: unknown,
): Promise<WriteResult> {
  if (!(await db.user.findUnique({ where: { id: personId }, select: { id: true } })))
    throw new NotFoundError({ key: "api:errors.noSuchPerson" });
  if (!isObject(body)) return { ok: false, fields: BODY_NOT_OBJECT };
  const rights = rightsProblems(body as object);
  if (rights) return { ok: false, fields: rights };
  const { given, cleared } = splitNulls(body as object);
  const patch = ApiPersonPatch.safeParse(given);
  if (!patch.success) return { ok: false, fields: problemsOf(patch.error) };
  const current = await personForForm(personId);
  const merged: PersonFormValue = {
    name: current.name,
    email: current.email,
    teamId: current.teamId ?? "",
    managerEmail: current.manager?.email,
    ladder: current.ladderId ?? "",
    track: current.track ?? "",
    level: current.level ?? "",
    sublevel: current.sublevel ?? "",
    levelSince: current.levelSince ?? "",
    isAdmin: current.isAdmin,
    isHiringAdmin: current.isHiringAdmin,
  };
  for (const [key, value] of Object.entries(patch.data))
    if (Object.hasOwn(given, key)) Object.assign(merged, { [key]: value });
  for (const key of cleared)
    if (Object.hasOwn(merged, key))
      Object.assign(merged, { [key]: key === "managerEmail" ? undefined : "" });
  const result = await updatePerson(
    token.personId,
    personId,
    merged,
    await getTrackLevelCheck(),
    (tx) =>
      recordAuditEvent(tx, {
        actorId: token.personId,
        action: "api.person_updated",
        subjectType: "api-token",
        subjectId: token.id,
        detail: {
          token: token.name,
          personId,
          fields: [...Object.keys(given), ...cleared].filter((key) => Object.hasOwn(merged, key)),
        },
      }),
  );
  if (!result.ok) return { ok: false, fields: result.fieldErrors as FieldProblems };
  return result;
}
