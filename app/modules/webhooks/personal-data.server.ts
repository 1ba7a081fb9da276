import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Webhooks carry ids, kinds and dates, never anybody's words (policy.ts). */
export const webhooksPersonalData: PersonalDataDeclaration = {
  holds: { WebhookEvent: "events that name their id (joined, left, released): kept, no words" },
  holdsNothing: {
    WebhookEndpoint: "a receiver's address and secret",
    WebhookDelivery: "an event's delivery to a receiver",
  },
  notExported:
    "events name their id only; the records they announce are exported by their own modules",
};
