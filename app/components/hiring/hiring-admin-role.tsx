import { useTranslation } from "~/i18n/use-translation";
import { roleRequestMailto, type RoleToGrant } from "~/modules/hiring/hiring-admin-role";
import { linkClass } from "./hiring-parts";

/**
 * Under a co-owner field the role was refused for: an admin gets each person's page, where they
 * give the role; anyone else gets an email to each admin they can ask, already written.
 */
export function HiringAdminRoleHelp({
  roleToGrant,
}: {
  roleToGrant: RoleToGrant | null | undefined;
}) {
  const { t } = useTranslation("hiring");
  if (!roleToGrant) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {roleToGrant.people.map((person) => (
        <li key={person.email}>
          {roleToGrant.viewerIsAdmin ? (
            <a href={person.path} className={linkClass}>
              {t("adminRole.give", { name: person.name })}
            </a>
          ) : roleToGrant.admins.length ? (
            <>
              {t("adminRole.ask", { name: person.name })}{" "}
              {roleToGrant.admins.map((admin, index) => (
                <span key={admin.email}>
                  {index ? t("adminRole.separator") : null}
                  <a
                    href={roleRequestMailto(admin, {
                      subject: t("adminRole.request.subject", { name: person.name }),
                      body: t("adminRole.request.body", { name: person.name, email: person.email }),
                    })}
                    className={linkClass}
                  >
                    {t("adminRole.email", { name: admin.name })}
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
