import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { revokeTokensOf } from "./tokens.server";

/** API tokens act for their person: a leaver's are revoked. */
export const apiPersonalData: PersonalDataDeclaration = {
  holds: { ApiToken: "revoked; its name and scopes stay for the audit log" },
  async erase({ tx, personId, now }) {
    await revokeTokensOf(tx, personId, now);
  },
};
