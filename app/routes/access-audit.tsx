import type { Route } from "./+types/access-audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntervalBar } from "~/components/insights/charts";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { accessAuditView } from "~/modules/access-audit/access-audit.server";
import type { AccessStage } from "~/modules/access-audit/units";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("accessAudit:title") }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return accessAuditView(viewer);
});

type View = Route.ComponentProps["loaderData"];
type AuditView = View["audits"][number];
type Step = { from: string; to: string };
type Rate = NonNullable<AuditView["audit"]["total"]["steps"]>[number];
type GroupStep = NonNullable<AuditView["audit"]["dimensions"][number]["groups"][number]["steps"]>[number];

const muted = "text-slate-600 dark:text-slate-300";

function useAuditWords() {
  const { t, i18n } = useTranslation("accessAudit");
  const f = useFormats();
  const stage = (id: string) => t(`stages.${id as AccessStage}`);
  const stepName = (step: Step) => t("figures.step", { from: stage(step.from), to: stage(step.to) });
  const rate = (step: Rate) =>
    step.rate ? t("figures.rate", { estimate: f.percent(step.rate.estimate), low: f.percent(step.rate.interval[0]), high: f.percent(step.rate.interval[1]), successes: step.successes, n: step.n }) : t("figures.nobody");
  const dimensionWord = (id: string) => (id === "team" || id === "track" || id === "level" ? t(`dimension.${id}`) : dimensionInSentence(id.slice("attribute:".length), i18n.language));
  return { t, f, stage, stepName, rate, dimensionWord };
}

function Comparison({ step, labelOf }: { step: GroupStep; labelOf: (value: string) => string }) {
  const { t } = useAuditWords();
  if (step.highest) return <span className={muted}>{t("impact.highest")}</span>;
  const impact = step.impact;
  if (!impact?.ratio) return <span className={muted}>{t("impact.none")}</span>;
  const words = t("impact.ratio", { ratio: impact.ratio.estimate, low: impact.ratio.interval[0], high: impact.ratio.interval[1], reference: labelOf(impact.reference), raw: impact.pValue, p: impact.adjustedP });
  return (
    <span>
      {words}
      {impact.flagged ? <strong className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100">{t("impact.flagged")}</strong> : null}
    </span>
  );
}

function AuditSection({ entry, floor }: { entry: AuditView; floor: number }) {
  const { t, stepName, rate, dimensionWord } = useAuditWords();
  const { audit } = entry;
  const stepsOf = entry.steps;
  const anyShown = audit.total.shown || audit.dimensions.some((dimension) => dimension.groups.some((group) => group.shown));
  const headingId = `audit-${entry.id}`;
  return (
    <section className="mb-10" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-xl font-semibold">
        {t(`audits.${entry.id}.heading`)}
      </h2>
      <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{t(`audits.${entry.id}.explain`)}</p>
      {audit.total.steps ? (
        <ul className="mb-4 list-disc ps-6 text-sm">
          {audit.total.steps.map((step) => (
            <li key={`${step.from}-${step.to}`}>{t("figures.everyone", { step: stepName(step), rate: rate(step) })}</li>
          ))}
        </ul>
      ) : null}
      {!anyShown ? (
        <Alert tone="info" title={t("hiddenAll.title")}>
          {t("hiddenAll.body", { floor })}
        </Alert>
      ) : null}
      {audit.dimensions.map((dimension) =>
        dimension.groups.length || dimension.smallGroupsLeftOut ? (
          <div key={dimension.id} className="mb-6">
            <h3 className="mb-2 font-semibold">{t("by", { dimension: dimensionWord(dimension.id) })}</h3>
            {dimension.groups.length ? (
              <DataTable
                caption={t("caption", { audit: t(`audits.${entry.id}.heading`), dimension: dimensionWord(dimension.id) })}
                headings={[t("columns.group"), ...stepsOf.flatMap((step) => [stepName(step), t("columns.compared", { step: stepName(step) })])]}
              >
                {dimension.groups.map((group) => (
                  <tr key={group.value}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {group.label}
                    </th>
                    {group.steps ? (
                      group.steps.map((step) => (
                        <GroupCells key={`${step.from}-${step.to}`} step={step} labelOf={(value) => dimension.groups.find((other) => other.value === value)?.label ?? value} label={t("figures.barLabel", { group: group.label, step: stepName(step), rate: rate(step) })} />
                      ))
                    ) : (
                      <td className={`${tdClass} ${muted}`} colSpan={Math.max(1, stepsOf.length * 2)}>
                        {t("disclosure.hidden", { floor })}
                      </td>
                    )}
                  </tr>
                ))}
              </DataTable>
            ) : null}
            {dimension.smallGroupsLeftOut ? <p className={`mt-1 text-xs ${muted}`}>{t("disclosure.smallGroups", { floor })}</p> : null}
          </div>
        ) : null,
      )}
      {audit.comparisons ? <p className={`text-xs ${muted}`}>{t("comparisons", { count: audit.comparisons })}</p> : null}
    </section>
  );
}

function GroupCells({ step, label, labelOf }: { step: GroupStep; label: string; labelOf: (value: string) => string }) {
  const { rate } = useAuditWords();
  return (
    <>
      <td className={`${tdClass} tabular-nums`}>
        <span className="block">{rate(step)}</span>
        {step.rate ? <IntervalBar estimate={step.rate.estimate} interval={step.rate.interval} domain={[0, 1]} label={label} /> : null}
      </td>
      <td className={`${tdClass} text-sm`}>
        <Comparison step={step} labelOf={labelOf} />
      </td>
    </>
  );
}

export default function AccessAudit({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useAuditWords();
  return (
    <>
      <PageHeader title={t("heading")} description={t(`scope.${view.scope}`)} />
      <Card className="mb-8">
        <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>{t("intro.what", { day: view.asOf })}</p>
          <p>{t("intro.rates")}</p>
          <p>{t("intro.fourFifths")}</p>
          <p>{t("intro.hidden", { floor: view.floor })}</p>
        </div>
      </Card>
      {view.audits.map((entry) => (
        <AuditSection key={entry.id} entry={entry} floor={view.floor} />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
