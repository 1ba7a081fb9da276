import { Link } from "react-router";
import type { Route } from "./+types/promotions.windows.$windowId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { windowPage } from "~/modules/promotions/window-page.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Read, not edited: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("promotions:windowPage.title", { name: loaderData.window.name })
      : metaT(matches)("promotions:windowPage.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return windowPage(viewer, params.windowId ?? "", languageOf(context));
});

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-100";

export default function PromotionWindowPage({ loaderData }: Route.ComponentProps) {
  const { window, role, pages } = loaderData;
  const { t } = useTranslation("promotions");
  const { t: audit } = useTranslation("promotionsAudit");
  const f = useFormats();
  const dates: [string, string][] = [
    [
      t("windowPage.nominations"),
      t("dateRange", {
        from: f.day(window.nominationsOpenOn),
        to: f.day(window.nominationsCloseOn),
      }),
    ],
    [t("windowForm.packetsDueOn"), f.day(window.packetsDueOn)],
    [t("windowForm.votesDueOn"), f.day(window.votesDueOn)],
    [t("windowForm.effectiveOn"), f.day(window.effectiveOn)],
  ];
  if (window.meeting)
    dates.push([
      t("windowPage.meeting"),
      window.meeting.endsAt
        ? t("windowPage.meetingTime", {
            from: f.dateTime(window.meeting.startsAt),
            to: f.timeOfDay(window.meeting.endsAt),
          })
        : f.dateTime(window.meeting.startsAt),
    ]);
  if (window.closedAt) dates.push([t("windowPage.closedOn"), f.day(window.closedAt)]);
  const base = `/promotions/windows/${window.id}`;
  const links = [
    pages.committee && {
      to: `${base}/committee`,
      label: t("windowPage.pages.committee"),
      hint: t("windowPage.pages.committeeHint"),
    },
    pages.meeting && {
      to: `${base}/meeting`,
      label: t("windowPage.pages.meeting"),
      hint: t("windowPage.pages.meetingHint"),
    },
    pages.audit && {
      to: `${base}/audit`,
      label: audit("linkWindow"),
      hint: t("windowPage.pages.auditHint"),
    },
    pages.manage && {
      to: `/admin/promotions/${window.id}`,
      label: t("windowPage.pages.manage"),
      hint: t("windowPage.pages.manageHint"),
    },
  ].filter((link) => link !== false);
  return (
    <>
      <BackLink to="/promotions">{t("process.heading")}</BackLink>
      <PageHeader
        title={window.name}
        description={t("windowPage.description", {
          ladder: window.ladderName,
          state: t(`state.${window.state}`),
        })}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("windowPage.dates")}</h2>
          <dl className="space-y-2 text-sm">
            {dates.map(([term, value]) => (
              <div key={term} className="flex flex-wrap gap-x-2">
                <dt className="text-slate-600 dark:text-slate-300">{term}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("windowPage.pages.heading")}</h2>
          {role ? (
            <p className="muted mb-3 text-sm">
              {t(role === "chair" ? "windowPage.youChair" : "windowPage.youMember")}
            </p>
          ) : null}
          <ul className="space-y-3 text-sm">
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} className={linkClass}>
                  {link.label}
                </Link>
                <p className="muted">{link.hint}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
