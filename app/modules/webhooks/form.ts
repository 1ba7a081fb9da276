import { z } from "zod";
import { WEBHOOK_EVENT_KINDS } from "./events";

/** The admins' form for a new endpoint. Messages are keys, worded where the errors are shown. */
export const URL_MAX = 2000;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Payloads travel over HTTPS; plain HTTP only to this machine (a receiver under development). */
export function endpointUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "webhooks:errors.urlInvalid";
  }
  if (url.protocol === "https:")
    return url.username || url.password ? "webhooks:errors.urlCredentials" : null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  return "webhooks:errors.urlNotHttps";
}

export const AddEndpointSchema = z.object({
  url: z
    .string({ error: "webhooks:errors.urlRequired" })
    .trim()
    .min(1, "webhooks:errors.urlRequired")
    .max(URL_MAX, "webhooks:errors.urlTooLong")
    .superRefine((value, context) => {
      const problem = endpointUrlProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  events: z
    .array(z.enum(WEBHOOK_EVENT_KINDS, { error: "webhooks:errors.unknownEvent" }), {
      error: "webhooks:errors.chooseEvents",
    })
    .min(1, "webhooks:errors.chooseEvents"),
});
export type AddEndpointInput = z.output<typeof AddEndpointSchema>;
