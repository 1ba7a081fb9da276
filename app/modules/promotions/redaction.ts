/**
 * The redacted first read: a member who has not voted reads a packet with a candidate number in
 * place of the nominee's name, and without their team's or manager's names. The packet's own words
 * may name them too ("Lena led…"), so every name given, whole or any part of it, is replaced
 * wherever it stands as a word, in any case.
 */

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The words to hide for each name: the name whole and each part of it of two letters or more, longest first. */
export function identifyingWords(names: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    const trimmed = name?.trim();
    if (!trimmed) continue;
    words.add(trimmed);
    for (const part of trimmed.split(/[\s\-–'’.,]+/)) if (part.length >= 2) words.add(part);
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/** The text with every identifying word replaced by `replacement`. */
export function redact(text: string, words: readonly string[], replacement: string): string {
  if (!words.length || !text) return text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeForPattern).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return text.replace(pattern, replacement);
}
