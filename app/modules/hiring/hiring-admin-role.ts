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

const either = new Intl.ListFormat("en-GB", { style: "long", type: "disjunction" });

export function personAdminPath(personId: string): string {
  return `/admin/people/${personId}`;
}

/** The field's message. `moreAdmins` says there are admins beyond those in `roleToGrant.admins`. */
export function roleNeededMessage(roleToGrant: RoleToGrant, moreAdmins: boolean): string {
  const who = `Not a hiring admin: ${roleToGrant.people.map((person) => person.email).join(", ")}.`;
  if (roleToGrant.viewerIsAdmin)
    return `${who} As an admin, you give people the hiring-admin role on their page in Admin › People, then add them here.`;
  const where =
    "Only an admin can give people the hiring-admin role, on their page in Admin › People";
  if (roleToGrant.admins.length === 0)
    return `${who} ${where}; nobody is an admin now: whoever runs Rungs makes one with npm run admin.`;
  const names = roleToGrant.admins.map((admin) => admin.name);
  return `${who} ${where}: ask ${either.format(moreAdmins ? [...names, "another admin"] : names)}.`;
}

/** The email a hiring admin sends an admin, asking for the role for one person. */
export function roleRequestMailto(
  admin: { email: string },
  person: { name: string; email: string },
): string {
  const subject = `Hiring-admin role for ${person.name}`;
  const body = `Please give ${person.name} (${person.email}) the hiring-admin role in Rungs: Admin › People › ${person.name}, Roles. I would like them to be a hiring admin of an opening.`;
  return `mailto:${admin.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
