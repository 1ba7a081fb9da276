/**
 * A SCIM request Rungs refuses, with the status and `scimType` of RFC 7644 3.12 and a
 * sentence saying why. Domain code throws it; the SCIM handler answers it as a SCIM error body.
 */
export type ScimType =
  | "invalidFilter"
  | "invalidValue"
  | "invalidSyntax"
  | "uniqueness"
  | "mutability"
  | "noTarget"
  | "tooMany"
  | "invalidPath";

export class ScimProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 500 | 501,
    readonly scimType: ScimType | null,
    detail: string,
  ) {
    super(detail);
    this.name = "ScimProblem";
  }
}

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export function errorBody(status: number, scimType: string | null | undefined, detail: string) {
  return {
    schemas: [ERROR_SCHEMA],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}
