import type { Route } from "./+types/hiring.validity";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav } from "~/components/hiring/hiring-parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { validityStatistics } from "~/modules/hiring/stats.server";
import { validityWaitingFor } from "~/modules/hiring/statistics-text";
import type { Correlation } from "~/modules/hiring/validity";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Read, not edited: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("hiring:validity.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const statistics = await validityStatistics(viewer, languageOf(context));
  return {
    ...statistics,
    isAdmin: viewer.isAdmin,
    waitingFor: validityWaitingFor(
      statistics.linkedHires,
      statistics.report.hires,
      statistics.report.minN,
    ),
  };
});

function Rows({
  rows,
  minN,
}: {
  rows: (Correlation & { key: string; label: string })[];
  minN: number;
}) {
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const coefficient = (value: Correlation["pearson"]) => {
    if (!value) return "–";
    return value.interval
      ? t("validity.coefficientWithInterval", {
          value: value.value,
          from: value.interval[0],
          to: value.interval[1],
        })
      : t("validity.coefficient", { value: value.value });
  };
  return (
    <>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className={`${tdClass} font-medium`}>
            {row.label}
          </th>
          <td className={tdClass}>{f.number(row.n)}</td>
          {row.suppressed ? (
            <td className={tdClass} colSpan={2}>
              {t("validity.suppressed", { minN })}
            </td>
          ) : (
            <>
              <td className={tdClass}>{coefficient(row.pearson)}</td>
              <td className={tdClass}>{coefficient(row.spearman)}</td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}

export default function Validity({ loaderData }: Route.ComponentProps) {
  const { linkedHires, report, isAdmin, waitingFor } = loaderData;
  const { t } = useTranslation("hiring");
  const headings = [t("validity.hires"), t("validity.pearson"), t("validity.spearman")];
  return (
    <>
      <BackLink to="/hiring">{t("validity.back")}</BackLink>
      <PageHeader
        title={t("validity.heading")}
        description={t("validity.description", { linked: linkedHires, compared: report.hires })}
      />
      <HiringNav canSeeStatistics isAdmin={isAdmin} />
      <Alert tone="warning" title={t("validity.caveatTitle")}>
        {t("validity.caveat")}
      </Alert>
      {waitingFor ? (
        <Alert tone="info" title={t("validity.waitingTitle")}>
          {waitingFor.map((line) => (
            <p key={line.key}>{wordsOf(t, line)}</p>
          ))}
        </Alert>
      ) : (
        <div className="space-y-6">
          <section aria-labelledby="by-competency">
            <h2 id="by-competency" className="mb-2 text-lg font-semibold">
              {t("validity.byCompetency.heading")}
            </h2>
            <DataTable
              caption={t("validity.byCompetency.caption")}
              headings={[{ key: "c", label: t("validity.byCompetency.competency") }, ...headings]}
            >
              <Rows
                rows={report.byCompetency.map((row) => ({
                  ...row,
                  key: row.competencyId,
                  label: row.name,
                }))}
                minN={report.minN}
              />
            </DataTable>
          </section>
          <section aria-labelledby="by-stage">
            <h2 id="by-stage" className="mb-2 text-lg font-semibold">
              {t("validity.byStage.heading")}
            </h2>
            <DataTable
              caption={t("validity.byStage.caption")}
              headings={[{ key: "s", label: t("validity.byStage.stage") }, ...headings]}
            >
              <Rows
                rows={report.byStage.map((row) => ({
                  ...row,
                  key: row.stageId,
                  label: row.stageId,
                }))}
                minN={report.minN}
              />
            </DataTable>
          </section>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
