import { translatorOf } from "~/i18n/i18n.server";
import { sentencesOf, wordsOf } from "~/i18n/messages";
import type { TodoItem } from "~/modules/todo/todo";

const english = translatorOf(undefined);

/** A to-do item with its title and detail in English words, as an English reader's home page shows them. */
export function inEnglish<T extends Pick<TodoItem, "title" | "detail">>(
  item: T,
): Omit<T, "title" | "detail"> & { title: string; detail: string } {
  return {
    ...item,
    title: wordsOf(english, item.title),
    detail: sentencesOf(english, item.detail),
  };
}
