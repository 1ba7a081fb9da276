import { z } from "zod";

/** The admins' form for a new SCIM token: a name saying which identity provider uses it. Messages are keys, worded where the errors are shown. */
export const TOKEN_NAME_MAX = 100;

export const CreateTokenSchema = z.object({
  name: z
    .string({ error: "admin:scim.errors.tokenNameRequired" })
    .trim()
    .min(1, "admin:scim.errors.tokenNameRequired")
    .max(TOKEN_NAME_MAX, "admin:scim.errors.tokenNameTooLong"),
});
