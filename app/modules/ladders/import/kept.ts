import { richTextPlain } from "../rich-text.server";
import { normaliseText } from "../text-similarity";
import type { Ladder } from "../types";
import type { SourceStatement } from "./types";

/**
 * How many of the statements a source states the written ladder holds, and which it does not:
 * the import's report prints the two counts, so "everything kept" is checked, not claimed. A
 * statement with an id is found by its id, one without by its words (as the reader sees them:
 * a link written around a web address is the same words); one placed at a level is looked for
 * at that level only (a statement or an example of one: Snowflake's example tasks), one placed nowhere in particular (pathway's descriptions) anywhere,
 * competencies' descriptions included.
 */
export function keptStatements(
  stated: readonly SourceStatement[],
  ladder: Ladder,
): { stated: number; kept: number; lost: SourceStatement[] } {
  const words = (text: string) => normaliseText(richTextPlain(text));
  const atLevel = new Map<string, { ids: Set<string>; texts: Set<string> }>();
  const anywhere = { ids: new Set<string>(), texts: new Set<string>() };
  for (const level of ladder.tracks.flatMap((track) => track.levels)) {
    const found = { ids: new Set<string>(), texts: new Set<string>() };
    for (const expectation of Object.values(level.expectations).flat()) {
      if (expectation.id !== undefined) found.ids.add(expectation.id);
      found.texts.add(words(expectation.text));
      for (const example of expectation.examples) found.texts.add(words(example));
    }
    atLevel.set(level.id, found);
    for (const id of found.ids) anywhere.ids.add(id);
    for (const text of found.texts) anywhere.texts.add(text);
  }
  const descriptions = ladder.competencies.map((competency) => words(competency.description));
  const lost = stated.filter((statement) => {
    const place = statement.levelId === undefined ? anywhere : atLevel.get(statement.levelId);
    if (place === undefined) return true;
    if (statement.id !== undefined) return !place.ids.has(statement.id);
    const text = words(statement.text);
    if (place.texts.has(text)) return false;
    return (
      statement.levelId !== undefined ||
      !descriptions.some((description) => description.includes(text))
    );
  });
  return { stated: stated.length, kept: stated.length - lost.length, lost };
}
