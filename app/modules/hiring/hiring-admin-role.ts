import { listOf, messageText } from "~/i18n/messages";

/**
 * What a hiring admin is told when someone they name as a co-owner of an opening lacks the
 * hiring-admin role: only an admin gives it, on the person's page in Admin › People. The answer
 * names who can give it and carries the links the form shows, so there is a way forward.
 */
export type RoleToGrant = {
  /** Those without the role, each with their page in Admin › People. */
  people: { name: string; email: string; path: string }[];
  /** The admins to ask (none when the viewer is an admin and gives the role themselves). */
  admins: { name: string; email: string }[];
  viewerIsAdmin: boolean;
};

/** Admins named in the message; more are "another admin". */
export const ADMINS_NAMED = 3;

export function personAdminPath(personId: string): string {
  return `/admin/people/${personId}`;
}

/**
 * The field's message, as one string for the form's errors (`messageText`). `moreAdmins` says there
 * are admins beyond those in `roleToGrant.admins`.
 */
export function roleNeededMessage(roleToGrant: RoleToGrant, moreAdmins: boolean): string {
  const emails = listOf(roleToGrant.people.map((person) => person.email));
  if (roleToGrant.viewerIsAdmin)
    return messageText({ key: "hiring:adminRole.needed.youGive", values: { emails } });
  if (roleToGrant.admins.length === 0)
    return messageText({ key: "hiring:adminRole.needed.noAdmin", values: { emails } });
  return messageText({
    key: moreAdmins ? "hiring:adminRole.needed.askOrAnother" : "hiring:adminRole.needed.ask",
    values: { emails, admins: listOf(roleToGrant.admins.map((admin) => admin.name)) },
  });
}

/** The email a hiring admin sends an admin, asking for the role for one person, in the writer's words. */
export function roleRequestMailto(
  admin: { email: string },
  { subject, body }: { subject: string; body: string },
): string {
  return `mailto:${admin.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
