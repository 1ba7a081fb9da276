import { useTranslation } from "~/i18n/use-translation";
import { Link } from "react-router";
import { useFormats } from "~/i18n/use-formats";

export const linkClass = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

/** Words a stored time on the reader's clock in the page's language, the zone named; "not scheduled" when there is none. */
export function useInstant(): (iso: string | null) => string {
  const { t } = useTranslation("hiring");
  const f = useFormats();
  return (iso) => (iso ? f.dateTime(iso) : t("when.notScheduled"));
}

/** Words a stored day in the page's language; nothing when there is none. */
export function useDay(): (iso: string | null) => string {
  const f = useFormats();
  return (iso) => (iso ? f.day(iso) : "");
}

/** The links between the hiring pages for hiring admins. */
export function HiringNav({ canSeeStatistics, isAdmin }: { canSeeStatistics: boolean; isAdmin: boolean }) {
  const { t } = useTranslation("hiring");
  if (!canSeeStatistics) return null;
  return (
    <nav aria-label={t("nav.label")} className="no-print mb-6 flex flex-wrap gap-4 text-sm">
      <Link to="/hiring" className={linkClass}>
        {t("nav.home")}
      </Link>
      <Link to="/hiring/stats" className={linkClass}>
        {t("nav.stats")}
      </Link>
      <Link to="/hiring/validity" className={linkClass}>
        {t("nav.validity")}
      </Link>
      {isAdmin ? (
        <Link to="/hiring/settings" className={linkClass}>
          {t("nav.retention")}
        </Link>
      ) : null}
    </nav>
  );
}
