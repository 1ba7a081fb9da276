import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";

/** The translator of a request without a language: English, as an English reader's pages word messages. */
export const english = translatorOf(undefined);

/** A message (or text a module returns as it is) in English words. */
export const inEnglishWords = (message: string | Message) => wordsOf(english, message);
