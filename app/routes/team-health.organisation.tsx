import type { Route } from "./+types/team-health.organisation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExperienceByGroup } from "~/components/team-health/experience-by-group";
import { BackLink, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { SCALE_MAX, SCALE_MIN } from "~/modules/team-health/items";
import { experienceSection } from "~/modules/team-health/by-group.server";
import { organisationView } from "~/modules/team-health/team-health.server";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:organisation.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const view = await organisationView(viewer);
  const quarter = new URL(request.url).searchParams.get("quarter");
  return { ...view, byGroup: await experienceSection(viewer, quarter, languageOf(context)) };
});

export default function TeamHealthOrganisation({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const view = loaderData;
  const n = (value: number) => f.number(value, 1);
  const at = (value: number) => `${((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * 100}%`;
  return (
    <>
      <BackLink to="/team-health">{t("page.heading")}</BackLink>
      <PageHeader title={t("organisation.heading")} description={t("organisation.intro")} />
      <section aria-labelledby="scores-heading" className="mb-6 max-w-2xl">
        <h2 id="scores-heading" className="mb-2 text-lg font-semibold">
          {t("organisation.scores", { shown: view.scores.length, teams: view.teams })}
        </h2>
        {view.scores.length ? (
          <>
            <ol className="space-y-1">
              {view.scores.map((score, index) => (
                <li key={index} className="flex items-center gap-3 text-sm">
                  <span className="sr-only">
                    {t("organisation.score", {
                      score: n(score.estimate),
                      low: n(score.interval[0]),
                      high: n(score.interval[1]),
                    })}
                  </span>
                  <span
                    aria-hidden="true"
                    className="relative block h-3 flex-1 rounded bg-slate-100 dark:bg-slate-800"
                  >
                    <span
                      className="absolute top-1 h-1 rounded bg-slate-400"
                      style={{
                        insetInlineStart: at(Math.max(SCALE_MIN, score.interval[0])),
                        width: `calc(${at(Math.min(SCALE_MAX, score.interval[1]))} - ${at(Math.max(SCALE_MIN, score.interval[0]))})`,
                      }}
                    />
                    <span
                      className="absolute top-0 size-3 rounded-full bg-slate-700 dark:bg-slate-200"
                      style={{ insetInlineStart: `calc(${at(score.estimate)} - 0.375rem)` }}
                    />
                  </span>
                  {/* The figures beside the bar, for those who read the chart by eye. */}
                  <span aria-hidden="true" className="w-28 shrink-0 tabular-nums">
                    {`${n(score.estimate)} (${n(score.interval[0])}–${n(score.interval[1])})`}
                  </span>
                </li>
              ))}
            </ol>
            {/* The scale under the bars: where 1 to 7 stand. */}
            <div aria-hidden="true" className="muted mt-1 flex gap-3 text-xs">
              <span className="relative block h-4 flex-1">
                {Array.from(
                  { length: SCALE_MAX - SCALE_MIN + 1 },
                  (_, step) => SCALE_MIN + step,
                ).map((point) => (
                  <span
                    key={point}
                    className="absolute -translate-x-1/2 rtl:translate-x-1/2"
                    style={{ insetInlineStart: at(point) }}
                  >
                    {point}
                  </span>
                ))}
              </span>
              <span className="w-28 shrink-0" />
            </div>
          </>
        ) : (
          <p className="text-sm">{t("organisation.noScores")}</p>
        )}
      </section>
      <dl className="grid max-w-2xl grid-cols-1 gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium">{t("organisation.alpha")}</dt>
          <dd>{view.alpha === null ? t("organisation.alphaHidden") : f.number(view.alpha, 2)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("organisation.participation")}</dt>
          <dd>
            {view.participation
              ? t("organisation.participationValue", view.participation)
              : t("organisation.none")}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t("organisation.actions")}</dt>
          <dd>{t("organisation.actionsValue", view.actions)}</dd>
        </div>
      </dl>
      {view.byGroup ? <ExperienceByGroup section={view.byGroup} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
