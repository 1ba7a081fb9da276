import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { revokeTokensOf } from "./tokens.server";
import { listApiTokens } from "./tokens.server";

/** API tokens act for their person: a leaver's are revoked. */
export const apiPersonalData: PersonalDataDeclaration = {
  holds: { ApiToken: "revoked; its name and scopes stay for the audit log" },
  async erase({ tx, personId, now }) {
    await revokeTokensOf(tx, personId, now);
  },
  exports: {
    async apiTokens({ reader }) {
      // As their account page lists them, revoked ones too: a tool that read as them is part of their record.
      return (await listApiTokens({ reach: "person", personId: reader.id })).map((token) => ({
        name: token.name,
        scopes: token.scopes,
        createdAt: token.createdAt,
        lastUsedAt: token.lastUsedAt,
        revokedAt: token.revokedAt,
      }));
    },
  },
};
