import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { notificationSettings } from "./preferences.server";

/** Email: no message holding their address, no preference, no schedule stays. */
export const notificationsPersonalData: PersonalDataDeclaration = {
  holds: {
    NotificationPreference: "removed",
    OutboxMessage: "every message to them, sent or waiting: removed",
    ReminderSchedule: "when their next reminder is due: kept, no words (a leaver gets none)",
  },
  holdsNothing: {
    ReminderPass: "when each reminder pass last ran",
    NotificationKey: "the key that signs unsubscribe links",
  },
  async erase({ tx, personId }) {
    await tx.notificationPreference.deleteMany({ where: { userId: personId } });
    await tx.outboxMessage.deleteMany({ where: { userId: personId } });
  },
  exports: {
    async notificationSettings({ reader }) {
      const settings = await notificationSettings(reader.id);
      return { ...settings.preferences, timeZone: settings.timeZone };
    },
  },
};
