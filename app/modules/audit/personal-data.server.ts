import type { Prisma } from "~/db/client.server";
import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { auditEventsAbout } from "./audit.server";

/** Keys of earlier audit details that carried the person's name, email or identity provider names. */
const IDENTIFYING_KEYS = ["name", "email", "userName", "externalId"];

/** The audit log keeps what happened, not who a leaver was. */
export const auditPersonalData: PersonalDataDeclaration = {
  holds: {
    AuditEvent:
      "events by them keep their id, under the erased name; events about them lose the name, email and identity provider names their details carried",
  },
  async erase({ tx, personId }) {
    const events = await tx.auditEvent.findMany({
      where: { subjectType: "person", subjectId: personId },
      select: { id: true, detail: true },
    });
    for (const event of events) {
      const detail = event.detail;
      if (
        !detail ||
        typeof detail !== "object" ||
        Array.isArray(detail) ||
        !IDENTIFYING_KEYS.some((key) => key in detail)
      )
        continue;
      const kept = Object.fromEntries(
        Object.entries(detail).filter(([key]) => !IDENTIFYING_KEYS.includes(key)),
      );
      await tx.auditEvent.update({
        where: { id: event.id },
        data: { detail: kept as Prisma.InputJsonObject },
      });
    }
  },
  exports: {
    async auditEvents({ reader }) {
      return (await auditEventsAbout(reader.id)).map((event) => ({
        action: event.action,
        at: event.at.toISOString(),
        actor: event.actorName,
      }));
    },
  },
};
