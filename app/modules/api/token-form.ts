import { z } from "zod";
import { API_SCOPES } from "./scopes";

/** The admins' form for a new API token: a name saying which tool uses it, and at least one scope. Messages are keys, worded where the errors are shown. */
export const API_TOKEN_NAME_MAX = 100;

export const IssueTokenSchema = z.object({
  name: z
    .string({ error: "api:errors.nameRequired" })
    .trim()
    .min(1, "api:errors.nameRequired")
    .max(API_TOKEN_NAME_MAX, "api:errors.nameTooLong"),
  scopes: z.array(z.enum(API_SCOPES, { error: "api:errors.scopeUnknown" }), { error: "api:errors.scopesRequired" }).min(1, "api:errors.scopesRequired"),
});
