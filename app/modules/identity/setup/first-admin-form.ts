import { z } from "zod";
import { PASSWORD_MIN_LENGTH, PersonSchema, passwordTooShort } from "~/modules/people/person-form";

/** The setup page's form: the first admin's name, email and password. Browser and server. */
export const FirstAdminSchema = z
  .object({
    name: PersonSchema.shape.name,
    email: PersonSchema.shape.email,
    password: z
      .string({ error: "people:passwordFields.errors.required" })
      .min(PASSWORD_MIN_LENGTH, passwordTooShort)
      .max(256, "people:passwordFields.errors.tooLong"),
    confirm: z.string({ error: "people:passwordFields.errors.againRequired" }),
  })
  .refine((value) => value.password === value.confirm, {
    path: ["confirm"],
    message: "people:passwordFields.errors.mismatch",
  });

export type FirstAdminValue = z.infer<typeof FirstAdminSchema>;

/** `npm run admin`'s arguments: the same name and email rules as the people pages. */
export const AdminCommandSchema = z.object({
  name: PersonSchema.shape.name,
  email: PersonSchema.shape.email,
});

/** Where printed links point: PUBLIC_URL, else this server's own address. */
export function linkOrigin(env: { PUBLIC_URL?: string; HOST: string; PORT: number }): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host}:${env.PORT}`;
}
