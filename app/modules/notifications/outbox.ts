/** What the admins' outbox page lists by: a message waiting to go, gone, or refused for good. */
export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
