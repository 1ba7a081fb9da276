import { z } from "zod";

/** The admins' form for a new SCIM token: a name saying which identity provider uses it. */
export const TOKEN_NAME_MAX = 100;

export const CreateTokenSchema = z.object({
  name: z
    .string({ error: "Name the token after the identity provider that will use it." })
    .trim()
    .min(1, "Name the token after the identity provider that will use it.")
    .max(TOKEN_NAME_MAX, `At most ${TOKEN_NAME_MAX} characters.`),
});
