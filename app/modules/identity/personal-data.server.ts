import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Signing in: nothing a leaver could sign in with, or be reached by, stays. */
export const identityPersonalData: PersonalDataDeclaration = {
  holds: {
    Password: "removed",
    Session: "removed",
    KnownDevice: "removed",
    PasswordToken:
      "removed (and those they created for others keep their creator, under the erased name)",
    ScimToken: "who created it: kept, under the erased name",
    ScimGroupMember:
      "their membership of an identity provider's group: kept for the team it maps to",
  },
  holdsNothing: {
    SetupToken: "the first admin's one-time link, before anyone exists",
    SingleSignOnAttempt: "a sign-in under way, by hashes only, removed when it ends",
    LoginThrottle: "failed sign-ins counted by a hashed key",
    ScimGroup: "an identity provider's group",
    ScimSettings: "the organisation's SCIM settings",
  },
  async erase({ tx, personId }) {
    await tx.password.deleteMany({ where: { userId: personId } });
    await tx.session.deleteMany({ where: { userId: personId } });
    await tx.knownDevice.deleteMany({ where: { userId: personId } });
    await tx.passwordToken.deleteMany({ where: { userId: personId } });
  },
  notExported:
    "sign-in machinery (passwords, sessions, devices, links): never copied out, not even hashed",
};
