/**
 * The word check anonymous comments pass before they are shown: a comment names nobody. Each
 * whole-word mention of a team member's first name, last name or full name (three letters or more,
 * any case) is replaced by "…". Comments are then shown in an order that says nothing of when they
 * were written (sorted by their text). Pure.
 */

const LETTER = /\p{L}/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function withoutNames(text: string, names: readonly string[]): string {
  const parts = [
    ...new Set(
      names.flatMap((name) => [name, ...name.split(/\s+/)]).filter((part) => part.length >= 3),
    ),
  ].sort((a, b) => b.length - a.length);
  let result = text;
  for (const part of parts) {
    const pattern = new RegExp(escape(part), "giu");
    result = result.replace(pattern, (match, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + match.length];
      return (before && LETTER.test(before)) || (after && LETTER.test(after)) ? match : "…";
    });
  }
  return result;
}

export function shownComments(comments: readonly string[], names: readonly string[]): string[] {
  return comments
    .map((comment) => withoutNames(comment.trim(), names))
    .filter((comment) => comment !== "")
    .sort((a, b) => a.localeCompare(b));
}
