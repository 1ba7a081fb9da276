import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav, linkClass, useInstant } from "~/components/hiring/hiring-parts";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { hiringHome } from "~/modules/hiring/openings.server";
import { canSeeHiringStatistics } from "~/modules/hiring/policy";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("hiring:home.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return {
    ...(await hiringHome(viewer, languageOf(context))),
    canSeeStatistics: canSeeHiringStatistics(viewer),
    isAdmin: viewer.isAdmin,
  };
});

const CARD_KEYS = {
  submitted: "home.card.submitted",
  draft: "home.card.draft",
  "not-started": "home.card.notStarted",
} as const;

export default function HiringHome({ loaderData }: Route.ComponentProps) {
  const { canCreate, openings, interviews, canSeeStatistics, isAdmin } = loaderData;
  const when = useInstant();
  const { t } = useTranslation("hiring");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={t("home.heading")}
        description={t("home.description")}
        actions={
          canCreate ? (
            <Link to="/hiring/openings/new" className={buttonClass()}>
              {t("home.openRole")}
            </Link>
          ) : null
        }
      />
      <HiringNav canSeeStatistics={canSeeStatistics} isAdmin={isAdmin} />
      <div className="space-y-6">
        <section aria-labelledby="my-interviews">
          <h2 id="my-interviews" className="mb-3 text-lg font-semibold">
            {t("home.interviews.heading")}
          </h2>
          {interviews.length ? (
            <DataTable
              caption={t("home.interviews.heading")}
              headings={[
                t("home.interviews.candidate"),
                t("home.interviews.opening"),
                t("home.interviews.stage"),
                t("home.interviews.when"),
                t("home.interviews.card"),
              ]}
            >
              {interviews.map((interview) => (
                <tr key={interview.id}>
                  <td className={tdClass}>
                    <Link to={`/hiring/interviews/${interview.id}`} className={linkClass}>
                      {interview.candidate ?? t("candidate.purged")}
                    </Link>
                  </td>
                  <td className={tdClass}>{interview.opening}</td>
                  <td className={tdClass}>{interview.stage}</td>
                  <td className={tdClass}>{when(interview.scheduledAt)}</td>
                  <td className={tdClass}>
                    {t(CARD_KEYS[interview.card])}
                    {interview.loopState === "decided"
                      ? ` · ${t("home.card.decided")}`
                      : interview.loopState === "closed"
                        ? ` · ${t("home.card.closed")}`
                        : ""}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <Card>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {t("home.interviews.none")}
              </p>
            </Card>
          )}
        </section>
        {canCreate ? (
          <section aria-labelledby="openings">
            <h2 id="openings" className="mb-3 text-lg font-semibold">
              {isAdmin ? t("home.openings.headingAll") : t("home.openings.headingOwn")}
            </h2>
            {openings.length ? (
              <DataTable
                caption={t("home.openings.caption")}
                headings={[
                  t("home.openings.opening"),
                  t("home.openings.level"),
                  t("home.openings.plan"),
                  t("home.openings.candidates"),
                  t("home.openings.state"),
                ]}
              >
                {openings.map((opening) => (
                  <tr key={opening.id}>
                    <td className={tdClass}>
                      <Link to={`/hiring/openings/${opening.id}`} className={linkClass}>
                        {opening.title}
                      </Link>
                    </td>
                    <td className={tdClass}>{opening.level}</td>
                    <td className={tdClass}>
                      {t("home.openings.stages", { count: opening.stages })}
                    </td>
                    <td className={tdClass}>{f.number(opening.loops)}</td>
                    <td className={tdClass}>
                      {opening.state === "open"
                        ? t("home.openings.open")
                        : t("home.openings.closed")}
                    </td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <Card>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  {t("home.openings.none")}
                </p>
              </Card>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
