import { z } from "zod";
import { messageText } from "~/i18n/messages";
import { refuseEscapingText } from "~/utils/free-text";

/**
 * The evidence form (one per competency), used in the browser (conform) and on the
 * server. Pure.
 */
export const MAX_EVIDENCE_PER_COMPETENCY = 50;
export const MAX_EVIDENCE_TEXT = 2_000;
export const MAX_EVIDENCE_URL = 2_000;

/** A link the evidence list can safely render: http or https only. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The latest date evidence may carry: today where the day is furthest ahead (UTC+14),
 * so nobody is told their own today is in the future.
 */
export function latestEvidenceDate(now: Date): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function evidenceSchema(now: Date = new Date()) {
  const latest = latestEvidenceDate(now);
  return z.object({
    competencyId: z
      .string({ error: "assessments:evidence.errors.competency" })
      .regex(/^[a-z0-9][a-z0-9-]*$/, "assessments:evidence.errors.competency"),
    text: z
      .string({ error: "assessments:evidence.errors.textRequired" })
      .superRefine(refuseEscapingText)
      .trim()
      .min(1, "assessments:evidence.errors.textRequired")
      .max(
        MAX_EVIDENCE_TEXT,
        messageText({
          key: "assessments:evidence.errors.textTooLong",
          values: { max: MAX_EVIDENCE_TEXT },
        }),
      ),
    url: z
      .string()
      .trim()
      .max(
        MAX_EVIDENCE_URL,
        messageText({
          key: "assessments:evidence.errors.urlTooLong",
          values: { max: MAX_EVIDENCE_URL },
        }),
      )
      .refine(isHttpUrl, "assessments:evidence.errors.urlScheme")
      .optional(),
    occurredOn: z
      .string()
      .superRefine((date, context) => {
        const problem = !isCalendarDate(date)
          ? "assessments:evidence.errors.dateFormat"
          : date < "1970-01-01"
            ? "assessments:evidence.errors.dateTooEarly"
            : date > latest
              ? "assessments:evidence.errors.dateFuture"
              : null;
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .optional(),
  });
}

export type EvidenceFormValue = z.infer<ReturnType<typeof evidenceSchema>>;

/** The stored form of an evidence date (midnight UTC of that day). */
export function evidenceDate(isoDate: string | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

export const RemoveEvidenceSchema = z.object({ evidenceId: z.string().min(1).max(100) });
