import type { z } from "zod";
import { messageText, type Message } from "~/i18n/messages";

/**
 * What free text (a note, a statement, evidence, an answer, a goal, a point) may hold, decided
 * here for every such field, its form's schema and the autosave endpoints alike (decision 107).
 * Names are stricter (name-text.ts): they refuse every direction character.
 *
 * Free text is written in any language, and Arabic or Hebrew pasted from another app may carry
 * balanced isolates or embeddings (Android wraps text in them), so those stay. Refused: the
 * overrides (U+202D, U+202E), which reverse letters against their nature ("gnp.exe" shown as
 * "exe.png") and no keyboard types for a sentence; an embedding or isolate that is not closed on
 * its own line, or a closing one that closes nothing, which would carry its direction into the
 * page, an email or a CSV cell around the text; control characters other than a tab or a line
 * break; and a text of nothing but invisible characters, which reads as empty but is not.
 */

const OVERRIDES = new Set([0x202d, 0x202e]);
const EMBEDDINGS = new Set([0x202a, 0x202b]);
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);
const POP_EMBEDDING = 0x202c;
const POP_ISOLATE = 0x2069;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Characters that show nothing: separators, controls, formats (marks, joiners, isolates), fillers.
const INVISIBLE_CLASS = /[\p{Z}\p{Cc}\p{Cf}\s\u180E\u2800\u3164\uFFA0]/u;
const INVISIBLE_MARKS = new Set([
  0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180f,
]);
const isInvisible = (char: string) => {
  const point = char.codePointAt(0)!;
  return (
    INVISIBLE_CLASS.test(char) || INVISIBLE_MARKS.has(point) || (point >= 0xfe00 && point <= 0xfe0f)
  );
};

function codeOf(point: number): string {
  return `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The direction character that breaks the rule, or null: walked line by line, as the bidi algorithm resets at each line. */
function directionProblem(value: string): Message | null {
  for (const line of value.split(/\r\n|[\n\r\u2029\u0085]/)) {
    const open: number[] = [];
    for (const char of line) {
      const point = char.codePointAt(0)!;
      if (OVERRIDES.has(point))
        return { key: "common:errors.text.override", values: { code: codeOf(point) } };
      if (EMBEDDINGS.has(point) || ISOLATES.has(point)) open.push(point);
      else if (point === POP_EMBEDDING || point === POP_ISOLATE) {
        const opener = open.pop();
        const closes =
          opener !== undefined &&
          (point === POP_EMBEDDING ? EMBEDDINGS.has(opener) : ISOLATES.has(opener));
        if (!closes)
          return { key: "common:errors.text.strayClose", values: { code: codeOf(point) } };
      }
    }
    const unclosed = open.pop();
    if (unclosed !== undefined)
      return { key: "common:errors.text.unclosed", values: { code: codeOf(unclosed) } };
  }
  return null;
}

/** What is wrong with a free text, or null when it may be saved as typed. An empty text is for the field to judge. */
export function freeTextProblem(value: string): Message | null {
  const control = CONTROL.exec(value);
  if (control)
    return {
      key: "common:errors.text.control",
      values: { code: codeOf(control[0].codePointAt(0)!) },
    };
  const direction = directionProblem(value);
  if (direction) return direction;
  if (value.trim() !== "" && [...value].every(isInvisible))
    return { key: "common:errors.text.invisible" };
  return null;
}

/** The refinement every free-text field runs before trimming, so the text is judged as typed. */
export function refuseEscapingText(value: string, ctx: z.RefinementCtx): void {
  const problem = freeTextProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: messageText(problem) });
}

/** The field errors a draft's text fields earn under the same rule (autosave bypasses the forms). */
export function freeTextError(value: string): string[] | null {
  const problem = freeTextProblem(value);
  return problem ? [messageText(problem)] : null;
}
