import { NavLink } from "react-router";
import { useTranslation } from "~/i18n/use-translation";

/** A tab's classes (app/tailwind.css): the current one is marked by NavLink's aria-current. */
const tabClass = "tab";

/** The tabs of a person's growth pages. */
export function ProfileNav({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation("growth");
  const base = `/people/${personId}`;
  return (
    <nav
      aria-label={t("profile.nav.label", { name: personName })}
      className="no-print mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-3 dark:border-slate-800"
    >
      <NavLink to={base} end className={tabClass}>
        {t("profile.nav.overview")}
      </NavLink>
      <NavLink to={`${base}/gap`} className={tabClass}>
        {t("profile.nav.gap")}
      </NavLink>
      <NavLink to={`${base}/history`} className={tabClass}>
        {t("profile.nav.history")}
      </NavLink>
      <NavLink to={`${base}/print`} className={tabClass}>
        {t("profile.nav.print")}
      </NavLink>
    </nav>
  );
}

/** How a person's pages describe them: "Engineer II · Individual contributor · Checkout · Manager: Sam Okafor". */
export function useProfileDescription() {
  const { t } = useTranslation("growth");
  return (person: {
    levelTitle: string | null;
    trackName: string | null;
    teamName: string | null;
    managerName: string | null;
  }) =>
    [
      person.levelTitle ?? t("profile.noLevel"),
      person.trackName,
      person.teamName,
      person.managerName ? t("profile.manager", { name: person.managerName }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
}
