import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { dayOrNull, isoOrNull, type ExportSponsorship } from "~/platform/export-document";
import { sponsorshipsRecordOf } from "./sponsorship.server";

type Shown = Awaited<ReturnType<typeof sponsorshipsRecordOf>>["given"][number];
const exported = (row: Shown): ExportSponsorship => ({
  sponsor: row.sponsorName,
  sponsee: row.sponseeName,
  advocacy: row.advocacy,
  target: row.target,
  note: row.note,
  until: dayOrNull(row.until)!,
  declinedAt: isoOrNull(row.declinedAt),
  declineReason: row.declineReason,
  endedAt: isoOrNull(row.endedAt),
});

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
  exports: {
    async sponsorships({ reader, language }) {
      const { given, received } = await sponsorshipsRecordOf(reader, language);
      return { given: given.map(exported), received: received.map(exported) };
    },
  },
};
