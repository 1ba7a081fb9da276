import { NavLink } from "react-router";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import type { PairStatus } from "~/modules/mentorship/lifecycle";
import { wordsOf, type Message } from "~/i18n/messages";

const statusTones: Record<PairStatus, string> = {
  proposed: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  offered: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  declined: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  ended: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
};

export function PairStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("mentorship");
  const known = status in statusTones ? (status as PairStatus) : "proposed";
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${statusTones[known]}`}>
      {t(`pair.status.${known}`)}
    </span>
  );
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"}`;

/** The admin's pages of a programme. */
export function ProgrammeTabs({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation("mentorship");
  const base = `/mentorship/${programmeId}`;
  return (
    <nav aria-label={t("tabs.label")} className="mb-6 flex flex-wrap gap-2">
      <NavLink to={base} end className={tabClass}>
        {t("tabs.overview")}
      </NavLink>
      <NavLink to={`${base}/settings`} className={tabClass}>
        {t("tabs.settings")}
      </NavLink>
      <NavLink to={`${base}/matching`} className={tabClass}>
        {t("tabs.matching")}
      </NavLink>
      <NavLink to={`${base}/report`} className={tabClass}>
        {t("tabs.report")}
      </NavLink>
    </nav>
  );
}

/** A fit factor as explained to the viewer: its figures only for those who may see them (programme admins, the mentee). */
type Factor = {
  factor: string;
  text: string | Message;
  figures?: { raw: number; weight: number; contribution: number };
};

const FACTOR_NAMES = {
  goals: "factor.goals",
  "cross-team": "factor.crossTeam",
  level: "factor.level",
} as const;

function isFactorName(factor: string): factor is keyof typeof FACTOR_NAMES {
  return factor in FACTOR_NAMES;
}

/** Why a pair scored as it did, factor by factor; `figures` false leaves out the numbers (for a mentor, whom the goal gaps would tell about the mentee's reviews). */
export function FactorList({ factors }: { factors: readonly Factor[] }) {
  const { t } = useTranslation("mentorship");
  return (
    <ul className="space-y-1 text-sm">
      {factors.map(({ factor, text, figures }) => (
        <li key={factor}>
          <span className="font-medium">
            {isFactorName(factor) ? t(FACTOR_NAMES[factor]) : factor}
          </span>
          {/* Each part one string: a page of pairs has 75 of these lines. */}
          {figures ? (
            <span className="subtle tabular-nums">{` ${t("factor.figures", figures)}`}</span>
          ) : null}
          {t("factor.because", { text: wordsOf(t, text) })}
        </li>
      ))}
    </ul>
  );
}

/**
 * The `meta` of a programme's page: its title names the programme (`mentorship:<page>.title`), or
 * says it is unknown when the loader answered with an error.
 */
export function programmeMeta(
  page: "programme" | "matching" | "mentors" | "report" | "requests" | "settings",
) {
  return ({
    loaderData,
    matches,
  }: {
    loaderData?: { programme: { name: string } } | undefined;
    matches: Parameters<typeof metaT>[0];
  }) => {
    const t = metaT(matches);
    return [
      {
        title: loaderData
          ? t(`mentorship:${page}.title`, { name: loaderData.programme.name })
          : t(`mentorship:${page}.titleUnknown`),
      },
    ];
  };
}
