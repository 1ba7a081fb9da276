import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { metaT } from "~/i18n/meta";
import { wordsOf, type Message } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import type { Route } from "./+types/reviews._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { reviewsOverview } from "~/modules/assessments/assessment-list.server";
import { feedbackLinksAbout } from "~/modules/feedback/links.server";
import { FeedbackLinks } from "~/components/feedback/feedback-links";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("assessments:reviews.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [overview, feedback] = await Promise.all([
    reviewsOverview(viewer, languageOf(context)),
    feedbackLinksAbout(viewer, viewer.id),
  ]);
  return { ...overview, feedback };
});

function StatusBadge({ status }: { status: "draft" | "submitted" }) {
  const { t } = useTranslation("assessments");
  return status === "submitted" ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
      {t("reviews.submitted")}
    </span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
      {t("reviews.draft")}
    </span>
  );
}

const linkClass = "text-brand-600 underline dark:text-brand-100";

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const { selfAssessments, directReports, written, feedback } = loaderData;
  // A status's `date` is the day of a submission, written in the page's language.
  const said = (message: Message) =>
    wordsOf(
      t,
      typeof message.values?.date === "string"
        ? { ...message, values: { ...message.values, date: f.day(message.values.date) } }
        : message,
    );
  const when = (item: { submittedAt: Date | string | null; updatedAt: Date | string }) =>
    item.submittedAt
      ? t("reviews.submittedOn", { date: f.day(item.submittedAt) })
      : t("reviews.lastSaved", { date: f.day(item.updatedAt) });
  const hasDraft = selfAssessments.some(
    (assessment) => assessment.status === "draft" && !assessment.cycleClosed,
  );
  return (
    <>
      <PageHeader
        title={t("reviews.heading")}
        description={t("reviews.intro")}
        actions={
          <Link to="/assess" className={buttonClass()}>
            {hasDraft ? t("reviews.continueSelf") : t("reviews.startSelf")}
          </Link>
        }
      />
      <FeedbackLinks links={feedback} own title={t("reviews.feedback")} />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("reviews.selfAssessments")}</h2>
          {selfAssessments.length ? (
            <ul className="divide-y divide-slate-200 dark:divide-slate-700">
              {selfAssessments.map((assessment) => (
                <li
                  key={assessment.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                >
                  <span>
                    <Link to={`/assessments/${assessment.id}`} className={linkClass}>
                      {assessment.cycleName ?? t("reviews.outsideCycle")}
                    </Link>{" "}
                    <span className="text-slate-500 dark:text-slate-400">
                      · {assessment.levelTitle}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
                    <StatusBadge status={assessment.status} />
                    {when(assessment)}
                    {assessment.status === "draft" && assessment.cycleClosed
                      ? ` · ${t("reviews.cycleClosed")}`
                      : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {t("reviews.noneYet")}{" "}
              <Link to="/assess" className={linkClass}>
                {t("reviews.startFirst")}
              </Link>
            </p>
          )}
        </Card>

        {directReports.length ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">{t("reviews.reports")}</h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
              {t("reviews.reportsIntro")}
            </p>
            <DataTable
              plain
              caption={t("reviews.reports")}
              headings={[
                t("reviews.columns.person"),
                t("reviews.columns.cycle"),
                t("reviews.columns.selfAssessment"),
                t("reviews.columns.yourReview"),
                {
                  key: "actions",
                  label: <span className="sr-only">{t("reviews.columns.actions")}</span>,
                },
              ]}
            >
              {directReports.map((report) => (
                <tr key={report.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    <Link to={`/people/${report.id}`} className="hover:underline">
                      {report.name}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                      {report.levelTitle ?? t("reviews.noLevel")}
                    </span>
                  </th>
                  <td className={tdClass}>{report.cycleName ?? t("reviews.outsideCycle")}</td>
                  <td className={tdClass}>
                    {report.selfSubmitted ? t("reviews.submitted") : t("reviews.notSubmitted")}
                  </td>
                  <td className={tdClass}>{said(report.review.label)}</td>
                  <td className={`${tdClass} whitespace-nowrap text-end`}>
                    {report.review.action ? (
                      <Link
                        to={report.review.action.href}
                        className={linkClass}
                        aria-label={t("reviews.actionFor", {
                          action: said(report.review.action.label),
                          name: report.name,
                        })}
                      >
                        {said(report.review.action.label)}
                      </Link>
                    ) : null}
                    {report.review.read ? (
                      <Link
                        to={report.review.read.href}
                        className={`${linkClass} ms-3`}
                        aria-label={t("reviews.readLastOf", { name: report.name })}
                      >
                        {t("reviews.readLast")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          </Card>
        ) : null}

        {written.length ? (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("reviews.written")}</h2>
            <ul className="divide-y divide-slate-200 dark:divide-slate-700">
              {written.map((review) => (
                <li
                  key={review.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                >
                  <span>
                    <Link to={`/assessments/${review.id}`} className={linkClass}>
                      {review.subject.name}
                    </Link>{" "}
                    <span className="text-slate-500 dark:text-slate-400">
                      · {review.cycleName ?? t("reviews.outsideCycle")} · {review.levelTitle}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
                    <StatusBadge status={review.status} />
                    {when(review)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
