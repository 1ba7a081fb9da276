import type { ShouldRevalidateFunction } from "react-router";
import { InvalidError } from "~/modules/errors";

/**
 * A record's revision as its form sends it back: the whole number the page was given. A stale one is
 * the service's to refuse (a conflict); a malformed one (a fraction, a word, a number past what the
 * database holds) is a 400 here, with nothing saved, rather than an error from the database.
 * `optional`: an absent or empty field is null (a record the form does not know a revision of yet).
 */
export function revisionField(form: FormData, options: { optional: true }): number | null;
export function revisionField(form: FormData, options?: { optional?: false }): number;
export function revisionField(form: FormData, options: { optional?: boolean } = {}): number | null {
  const value = form.get("revision");
  if (options.optional && (value === null || value === "")) return null;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value))
    throw new InvalidError({ key: "common:errors.formNotUnderstood" });
  return Number(value);
}

/**
 * For a page whose forms send a revision: after a conflict (409, the record changed since the page
 * was read) its data is read again, so the page shows the newer record and its forms carry the newer
 * revision, while what was typed stays in the fields. React Router reads nothing again after a
 * refused submission by default, which left the page sending the stale revision, refused each time.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => actionStatus === 409 || defaultShouldRevalidate;
