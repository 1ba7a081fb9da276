import { db } from "~/db/client.server";
import { isLanguage } from "~/i18n/languages";
import { InvalidError } from "~/modules/errors";

/**
 * The language a person chose for the interface: one Rungs speaks, or "" for none (their
 * browser's, else the organisation's). Anything else is refused and nothing is written.
 */
export async function choosePersonLanguage(personId: string, chosen: string): Promise<void> {
  if (chosen !== "" && !isLanguage(chosen))
    throw new InvalidError({ key: "common:language.unknown", values: { chosen } });
  await db.user.update({ where: { id: personId }, data: { language: chosen || null } });
}
