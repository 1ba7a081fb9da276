import { z } from "zod";
import { messageText } from "~/i18n/messages";

/**
 * Characters no name may hold: control characters (a NUL, a bell, a line break), the
 * bidirectional overrides and isolates that make text display in another order than it is
 * stored ("Cand \u202Egnp.exe" shows as "Cand exe.png"), and U+FFFD, which stands where text
 * that was not UTF-8 could not be read. One rule for every name field (people, teams,
 * candidates, openings, stages, cycles, sessions, programmes) and the CSV import's cells.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/;

export type ForbiddenCharacter = { kind: "control" | "direction" | "unreadable"; code: string };

/** The first character the text may not hold, or null. */
export function forbiddenCharacter(value: string): ForbiddenCharacter | null {
  const match = FORBIDDEN.exec(value);
  if (!match) return null;
  const point = match[0].codePointAt(0)!;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    kind: point === 0xfffd ? "unreadable" : point >= 0x202a ? "direction" : "control",
    code,
  };
}

/** The text without the characters no name may hold, for names Rungs is given rather than typed (an identity provider's). */
export function withoutForbiddenCharacters(value: string): string {
  return value.replace(new RegExp(FORBIDDEN.source, "g"), "");
}

/**
 * What is wrong, as a phrase after "This name" or a CSV cell's column: "has a character that changes the direction of text (U+202E); remove it".
 * English: SCIM answers an identity provider's operators (the people import words it, `people:import.problems`).
 */
export function forbiddenCharacterProblem(found: ForbiddenCharacter): string {
  if (found.kind === "direction")
    return `has a character that changes the direction of text (${found.code}); remove it`;
  if (found.kind === "unreadable")
    return `has a character that could not be read (${found.code}); remove it`;
  return `has a control character (${found.code}); remove it`;
}

/** The refinement every name field runs before trimming, so a stray character is refused, not silently kept. */
export function refuseForbiddenCharacters(value: string, ctx: z.RefinementCtx): void {
  const found = forbiddenCharacter(value);
  if (found)
    ctx.addIssue({
      code: "custom",
      message: messageText({
        key: `common:errors.name.${found.kind}`,
        values: { code: found.code },
      }),
    });
}

/** A required name: no forbidden character, trimmed, not empty, at most `max` characters. */
export function nameField(required: string, max: number, tooLong: string) {
  return z
    .string({ error: required })
    .superRefine(refuseForbiddenCharacters)
    .trim()
    .min(1, { error: required })
    .max(max, { error: tooLong });
}
