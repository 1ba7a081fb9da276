import { roleRequestMailto, type RoleToGrant } from "~/modules/hiring/hiring-admin-role";
import { linkClass } from "./hiring-parts";

/**
 * Under a co-owner field the role was refused for: an admin gets each person's page, where they
 * give the role; anyone else gets an email to each admin they can ask, already written.
 */
export function HiringAdminRoleHelp({ roleToGrant }: { roleToGrant: RoleToGrant | null | undefined }) {
  if (!roleToGrant) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {roleToGrant.people.map((person) => (
        <li key={person.email}>
          {roleToGrant.viewerIsAdmin ? (
            <a href={person.path} className={linkClass}>
              Give {person.name} the hiring-admin role
            </a>
          ) : roleToGrant.admins.length ? (
            <>
              Ask an admin to give {person.name} the role:{" "}
              {roleToGrant.admins.map((admin, index) => (
                <span key={admin.email}>
                  {index ? ", " : null}
                  <a href={roleRequestMailto(admin, person)} className={linkClass}>
                    email {admin.name}
                  </a>
                </span>
              ))}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
