import { ID_PATTERN } from "../schema";

/**
 * A kebab-case id (the ladder format's rule for ladders, tracks, levels, competencies and areas)
 * made from a source's name or id: `task_completion` → `task-completion`, `J040` → `j040`.
 */
export function kebabId(source: string, fallback = "item"): string {
  const words = source
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const id = words === "" ? fallback : /^[a-z]/.test(words) ? words : `${fallback}-${words}`;
  return ID_PATTERN.test(id) ? id : fallback;
}

/** Hands out ids unique within one kind: a second `communication` becomes `communication-2`. */
export class IdRegister {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Text with emoji and other pictographs taken off its ends: `🛠️ Mastery` → `Mastery`. */
export function withoutPictographs(text: string): string {
  return text
    .replace(/^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\s]+/u, "")
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\s]+$/u, "")
    .trim();
}
