/**
 * What identity providers really send, brought to RFC 7643/7644 before the SCIM library
 * reads it. Pure: each rule is one published behaviour, tested against the providers'
 * own examples (test/fixtures/scim).
 *
 * - Microsoft Entra ID (without its `aadOptscim062020` flag) sends booleans as strings
 *   (`"value": "False"`) and the enterprise `manager` as the manager's id alone, not
 *   `{ "value": id }`; it removes group members with `"op": "Remove", "path": "members"`
 *   and the members as its value.
 * - Okta renames a group with a `replace` whose value repeats the group's read-only `id`.
 * Operation names in any case (`"Replace"`) the library already accepts.
 */

export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const RUNGS_USER = "urn:ietf:params:scim:schemas:extension:rungs:2.0:User";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "True"/"false" in any case, as the boolean; anything else as it came. */
export function booleanFromText(value: unknown): unknown {
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  return value;
}

/** A manager given as its id alone, as `{ value: id }`. */
function managerObject(value: unknown): unknown {
  return typeof value === "string" ? { value } : value;
}

const lower = (text: string) => text.toLowerCase();
const ENTERPRISE_MANAGER = lower(`${ENTERPRISE_USER}:manager`);

/** A User resource (POST, PUT): `active` as a boolean, the enterprise manager as an object. */
export function normaliseUserResource(body: unknown): unknown {
  if (!isObject(body)) return body;
  const out: Json = { ...body };
  if ("active" in out) out.active = booleanFromText(out.active);
  const enterpriseKey = Object.keys(out).find((key) => lower(key) === lower(ENTERPRISE_USER));
  if (enterpriseKey && isObject(out[enterpriseKey])) {
    const enterprise = { ...(out[enterpriseKey] as Json) };
    if ("manager" in enterprise) enterprise.manager = managerObject(enterprise.manager);
    out[enterpriseKey] = enterprise;
  }
  return out;
}

/** A PatchOp message for a resource with this id; anything that is not one is left for the library to refuse. */
export function normalisePatch(body: unknown, resourceId: string): unknown {
  if (!isObject(body) || !Array.isArray(body.Operations)) return body;
  const operations: unknown[] = [];
  for (const operation of body.Operations as unknown[]) {
    if (!isObject(operation)) {
      operations.push(operation);
      continue;
    }
    const op = typeof operation.op === "string" ? operation.op.toLowerCase() : operation.op;
    const path = typeof operation.path === "string" ? operation.path.trim() : undefined;
    const value = operation.value;
    if (path === undefined) {
      operations.push({
        ...operation,
        op,
        value: isObject(value) ? normaliseValueObject(value, resourceId) : value,
      });
    } else if (lower(path) === "active") {
      operations.push({ ...operation, op, value: booleanFromText(value) });
    } else if (lower(path) === ENTERPRISE_MANAGER) {
      operations.push({ ...operation, op, value: managerObject(value) });
    } else if (lower(path) === "members" && op === "remove" && Array.isArray(value)) {
      // One RFC-form removal per member named.
      for (const member of value) {
        if (isObject(member) && typeof member.value === "string")
          operations.push({
            op: "remove",
            path: `members[value eq ${JSON.stringify(member.value)}]`,
          });
      }
    } else {
      operations.push({ ...operation, op });
    }
  }
  return { ...body, Operations: operations };
}

/** The value of a path-less operation: attribute names to values. */
function normaliseValueObject(value: Json, resourceId: string): Json {
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "id" && item === resourceId) continue;
    if (lower(key) === "active") out[key] = booleanFromText(item);
    else if (lower(key) === ENTERPRISE_MANAGER) out[key] = managerObject(item);
    else if (lower(key) === lower(ENTERPRISE_USER) && isObject(item))
      out[key] = (normaliseUserResource({ [ENTERPRISE_USER]: item }) as Json)[ENTERPRISE_USER];
    else out[key] = item;
  }
  return out;
}
