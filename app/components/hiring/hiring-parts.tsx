import { useTranslation } from "~/i18n/use-translation";
import { Link } from "react-router";
import type { Formats } from "~/i18n/format";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import type { Clash, ClashingInterview } from "~/modules/hiring/overlaps";

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
export function HiringNav({
  canSeeStatistics,
  isAdmin,
}: {
  canSeeStatistics: boolean;
  isAdmin: boolean;
}) {
  const { t } = useTranslation("hiring");
  const { t: tp } = useTranslation("panels");
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
      <Link to="/hiring/panels" className={linkClass}>
        {tp("rules.nav")}
      </Link>
      {isAdmin ? (
        <Link to="/hiring/settings" className={linkClass}>
          {t("nav.retention")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * A clash in time in the reader's words, its times on their clock (`f`), as the loop page lists
 * its clashes.
 */
export function clashWords(t: Parameters<typeof wordsOf>[0], f: Formats, clash: Clash): string {
  const say = (key: string, values: Record<string, string | number> = {}) =>
    wordsOf(t, { key: `hiring:clash.${key}`, values });
  const list = (interviews: readonly ClashingInterview[]) =>
    interviews
      .map((interview) =>
        say("interview", {
          stage: interview.stageName,
          interviewer: interview.interviewerName,
          when: f.dateTime(interview.at),
        }),
      )
      .join(say("separator"));
  switch (clash.kind) {
    case "candidate-run":
      return say("run", { count: clash.interviews.length, interviews: list(clash.interviews) });
    case "interviewer-elsewhere":
      return say("elsewhere", {
        interviewer: clash.interview.interviewerName,
        count: clash.others,
        stage: clash.interview.stageName,
        when: f.dateTime(clash.interview.at),
      });
  }
}
