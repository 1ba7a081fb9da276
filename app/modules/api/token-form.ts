import { z } from "zod";
import { PERSON_TOKEN_SCOPES } from "./policy";
import { API_SCOPES } from "./scopes";

/** The form for a new API token: a name saying which tool uses it, and at least one of the scopes its page offers. Messages are keys, worded where the errors are shown. */
export const API_TOKEN_NAME_MAX = 100;

function tokenForm<Scopes extends readonly [string, ...string[]]>(scopes: Scopes) {
  return z.object({
    name: z
      .string({ error: "api:errors.nameRequired" })
      .trim()
      .min(1, "api:errors.nameRequired")
      .max(API_TOKEN_NAME_MAX, "api:errors.nameTooLong"),
    scopes: z
      .array(z.enum(scopes, { error: "api:errors.scopeUnknown" }), {
        error: "api:errors.scopesRequired",
      })
      .min(1, "api:errors.scopesRequired"),
  });
}

/** The admins' page: an organisation-wide token, any scope. */
export const IssueTokenSchema = tokenForm(API_SCOPES);

/** A person's account page: their own token, reads only. */
export const IssuePersonTokenSchema = tokenForm(PERSON_TOKEN_SCOPES);
