import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import { getEnv } from "~/utils/env.server";
import {
  DEFAULT_PREFERENCES,
  DIGEST_FREQUENCIES,
  withoutKind,
  type DigestFrequency,
  type MessageKind,
  type Preferences,
} from "./preferences";
import { signingKey } from "./signing-key.server";
import { readUnsubscribeToken } from "./unsubscribe-token";

const PREFERENCE_FIELDS = {
  digest: true,
  nudgeNew: true,
  nudgeDueSoon: true,
  nudgeOverdue: true,
  nudgeScorecard: true,
  invitations: true,
  paused: true,
} as const;

export function toPreferences(
  row: {
    digest: string;
    nudgeNew: boolean;
    nudgeDueSoon: boolean;
    nudgeOverdue: boolean;
    nudgeScorecard: boolean;
    invitations: boolean;
    paused: boolean;
  } | null,
): Preferences {
  if (!row) return DEFAULT_PREFERENCES;
  const digest = (DIGEST_FREQUENCIES as readonly string[]).includes(row.digest)
    ? (row.digest as DigestFrequency)
    : DEFAULT_PREFERENCES.digest;
  return { ...row, digest };
}

/** The settings page: the person's choices, their time zone and whether email is on at all. */
export async function notificationSettings(personId: string) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { timeZone: true, notificationPreference: { select: PREFERENCE_FIELDS } },
  });
  if (!person) throw new NotFoundError();
  const env = getEnv();
  return {
    preferences: toPreferences(person.notificationPreference),
    timeZone: person.timeZone,
    organisationTimeZone: env.ORG_TIME_ZONE,
    emailOn: env.mail !== null,
  };
}

export async function saveNotificationSettings(
  personId: string,
  { timeZone, ...preferences }: Preferences & { timeZone: string | null },
): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: personId }, data: { timeZone } }),
    db.notificationPreference.upsert({
      where: { userId: personId },
      create: { userId: personId, ...preferences },
      update: preferences,
    }),
  ]);
}

const invalidLink = { key: "auth:unsubscribe.errors.invalidLink" };

/** Who and what kinds of message a one-click unsubscribe link names (the page words them), or a NotFoundError for a link that is not ours. */
export async function readUnsubscribeLink(
  token: string,
): Promise<{ personId: string; kinds: MessageKind[] }> {
  const subject = readUnsubscribeToken(await signingKey(), token);
  if (!subject) throw new NotFoundError(invalidLink);
  const person = await db.user.findUnique({
    where: { id: subject.personId },
    select: { id: true },
  });
  if (!person) throw new NotFoundError(invalidLink);
  return subject;
}

/** RFC 8058 one-click unsubscribe: that person's choice for the kinds the link names is turned off, nothing else. */
export async function unsubscribe(token: string): Promise<{ kinds: MessageKind[] }> {
  const { personId, kinds } = await readUnsubscribeLink(token);
  const change = Object.assign({}, ...kinds.map(withoutKind)) as Partial<Preferences>;
  await db.notificationPreference.upsert({
    where: { userId: personId },
    create: { userId: personId, ...DEFAULT_PREFERENCES, ...change },
    update: change,
  });
  return { kinds };
}
