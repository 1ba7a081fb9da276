import { Link } from "react-router";
import type { Route } from "./+types/promotions._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { myNominations } from "~/modules/promotions/nominations.server";
import { canManagePromotions } from "~/modules/promotions/policy";
import { readsPromotionAudit } from "~/modules/promotions/audit.server";
import { promotionProcess } from "~/modules/promotions/process.server";
import { windowsWithPages } from "~/modules/promotions/window-page.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotions:process.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [process, nominations, readsAudit] = await Promise.all([
    promotionProcess(),
    myNominations(viewer, languageOf(context)),
    readsPromotionAudit(viewer),
  ]);
  const withPages = new Set(await windowsWithPages(viewer, process.windows));
  return {
    ...process,
    windows: process.windows.map(({ openedAt: _opened, ...window }) => ({
      ...window,
      hasPage: withPages.has(window.id),
    })),
    nominations,
    canManage: canManagePromotions(viewer),
    readsAudit,
  };
});

export default function HowPromotionWorks({ loaderData }: Route.ComponentProps) {
  const { ladders, windows, nominations, canManage, readsAudit } = loaderData;
  const { t } = useTranslation("promotions");
  const { t: audit } = useTranslation("promotionsAudit");
  const f = useFormats();
  const open = windows.some((window) => window.state === "open");
  // A figure the disclosure check holds back says so, rather than showing nothing or a zero.
  const figure = (count: number | null) => (count === null ? t("process.hidden") : String(count));
  return (
    <>
      <PageHeader
        title={t("process.heading")}
        description={t("process.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {open ? (
              <Link to="/promotions/nominate" className={buttonClass("primary")}>
                {t("process.nominate")}
              </Link>
            ) : null}
            {readsAudit ? (
              <Link to="/promotions/audit" className={buttonClass("secondary")}>
                {audit("linkAcross")}
              </Link>
            ) : null}
            {canManage ? (
              <Link to="/admin/promotions" className={buttonClass("secondary")}>
                {t("process.manage")}
              </Link>
            ) : null}
          </div>
        }
      />
      {nominations.length ? (
        <Card className="mb-6">
          <h2 className="mb-3 text-lg font-semibold">{t("process.yourNominations")}</h2>
          <ul className="space-y-2 text-sm">
            {nominations.map((nomination) => (
              <li key={nomination.id}>
                <Link
                  to={`/promotions/nominations/${nomination.id}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {nomination.own
                    ? t("process.ownNomination", { target: nomination.targetTitle })
                    : t("process.otherNomination", {
                        name: nomination.nomineeName,
                        target: nomination.targetTitle,
                      })}
                </Link>{" "}
                <span className="muted">
                  {t("process.nominationLine", {
                    window: nomination.windowName,
                    kind: t(`kind.${nomination.kind}`),
                    state: t(`nominationState.${nomination.state}`),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {ladders.map((ladder) => (
        <Card key={ladder.id} className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{ladder.name}</h2>
          <p className="text-sm">
            {ladder.mode === "calibration" && ladder.windowsStillDeciding
              ? t("process.decidedBy.calibrationWithWindows", {
                  count: ladder.windowsStillDeciding,
                })
              : t(`process.decidedBy.${ladder.mode}`)}
          </p>
          {ladder.mode === "committee" ? (
            <ul className="mt-2 list-disc space-y-1 ps-5 text-sm">
              <li>
                {t("process.whoNominates", {
                  self: ladder.selfNomination ? 1 : 0,
                  sponsor: ladder.sponsorNomination ? 1 : 0,
                })}
              </li>
              <li>{t("process.managerAdds")}</li>
              <li>
                {t("process.committeeRules", {
                  minMembers: ladder.minMembers,
                  outside: ladder.minOutsideMembers,
                })}
              </li>
              {ladder.membersAtOrAbove ? <li>{t("process.membersAtOrAbove")}</li> : null}
              <li>{t("process.independentVotes")}</li>
              {ladder.redactedFirstRead ? <li>{t("process.redacted")}</li> : null}
              <li>{t("process.release")}</li>
            </ul>
          ) : null}
          <h3 className="mb-1 mt-4 text-sm font-semibold">{t("process.criteria")}</h3>
          <p className="muted mb-2 text-xs">{t("process.criteriaHint")}</p>
          <ul className="space-y-1 text-sm">
            {ladder.tracks.map((track) => (
              <li key={track.id}>
                <span className="font-medium">{track.name}</span>
                {": "}
                {track.levels.map((level, index) => (
                  <span key={level.id}>
                    {index > 0 ? " · " : null}
                    <Link
                      to={`/ladders/${ladder.id}/levels/${level.id}`}
                      className="text-brand-600 underline dark:text-brand-100"
                    >
                      {level.title}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </Card>
      ))}
      <h2 className="mb-3 mt-8 text-lg font-semibold">{t("process.calendar")}</h2>
      {windows.length ? (
        <DataTable
          caption={t("process.calendar")}
          headings={[
            t("admin.window"),
            t("admin.state"),
            t("admin.nominationDates"),
            t("windowForm.packetsDueOn"),
            t("windowForm.effectiveOn"),
            t("process.outcomes"),
          ]}
        >
          {windows.map((window) => (
            <tr key={window.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {window.hasPage ? (
                  <Link
                    to={`/promotions/windows/${window.id}`}
                    className="text-brand-600 underline dark:text-brand-100"
                  >
                    {window.name}
                  </Link>
                ) : (
                  window.name
                )}
              </th>
              <td className={tdClass}>{t(`state.${window.state}`)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {t("dateRange", {
                  from: f.day(window.nominationsOpenOn),
                  to: f.day(window.nominationsCloseOn),
                })}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{f.day(window.packetsDueOn)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{f.day(window.effectiveOn)}</td>
              <td className={tdClass}>
                {window.outcome === null
                  ? t("process.outcomesAfterClose")
                  : t("process.outcomeFigures", {
                      nominated: figure(window.outcome.nominated),
                      promoted: figure(window.outcome.promoted),
                      notYet: figure(window.outcome.notYet),
                    })}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm">{t("process.noWindows")}</p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
