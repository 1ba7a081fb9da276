import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Sponsorship: who sponsored whom stays for the access audit; the notes and reasons go. */
export const sponsorshipPersonalData: PersonalDataDeclaration = {
  holds: {
    Sponsorship:
      "for them: the sponsor's note and their decline's reason are emptied; by them, the note under the leavers rule",
  },
  holdsNothing: { SponsorshipSettings: "the cap the admins set" },
  async erase({ tx, personId, othersTexts }) {
    await tx.sponsorship.updateMany({ where: { sponseeId: personId }, data: { note: "" } });
    await tx.sponsorship.updateMany({
      where: {
        OR: [{ sponseeId: personId }, { sponsorId: personId }],
        declineReason: { not: null },
      },
      data: { declineReason: "" },
    });
    if (othersTexts === "remove")
      await tx.sponsorship.updateMany({ where: { sponsorId: personId }, data: { note: "" } });
  },
};
