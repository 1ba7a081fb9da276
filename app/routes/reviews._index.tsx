import { Link } from "react-router";
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

export const meta: Route.MetaFunction = () => [{ title: "Reviews · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [overview, feedback] = await Promise.all([reviewsOverview(viewer), feedbackLinksAbout(viewer, viewer.id)]);
  return { ...overview, feedback };
});

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const day = (date: Date | string) => dateFormat.format(new Date(date));

function StatusBadge({ status }: { status: "draft" | "submitted" }) {
  return status === "submitted" ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">Submitted</span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">Draft</span>
  );
}

const linkClass = "text-brand-600 underline dark:text-brand-100";

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const { selfAssessments, directReports, written, feedback } = loaderData;
  const hasDraft = selfAssessments.some((assessment) => assessment.status === "draft" && !assessment.cycleClosed);
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Your self-assessments and the reviews you write for the people who report to you."
        actions={
          <Link to="/assess" className={buttonClass()}>
            {hasDraft ? "Continue self-assessment" : "Start self-assessment"}
          </Link>
        }
      />
      <FeedbackLinks links={feedback} own title="Your feedback" />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Your self-assessments</h2>
          {selfAssessments.length ? (
            <ul className="divide-y divide-slate-200 dark:divide-slate-700">
              {selfAssessments.map((assessment) => (
                <li key={assessment.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link to={`/assessments/${assessment.id}`} className={linkClass}>
                      {assessment.cycleName ?? "Outside a cycle"}
                    </Link>{" "}
                    <span className="text-slate-500 dark:text-slate-400">· {assessment.levelTitle}</span>
                  </span>
                  <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
                    <StatusBadge status={assessment.status} />
                    {assessment.submittedAt ? `on ${day(assessment.submittedAt)}` : `last saved ${day(assessment.updatedAt)}`}
                    {assessment.status === "draft" && assessment.cycleClosed ? " · cycle closed" : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              None yet.{" "}
              <Link to="/assess" className={linkClass}>
                Start your first self-assessment
              </Link>
              .
            </p>
          )}
        </Card>

        {directReports.length ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Your reports</h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
              Everyone who reports to you directly. To review someone further down, open their review from their page.
            </p>
            <DataTable plain headings={["Person", "Cycle", "Self-assessment", "Your review", { key: "actions", label: <span className="sr-only">Actions</span> }]}>
              {directReports.map((report) => (
                <tr key={report.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    <Link to={`/people/${report.id}`} className="hover:underline">
                      {report.name}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{report.levelTitle ?? "No level"}</span>
                  </th>
                  <td className={tdClass}>{report.cycleName ?? "Outside a cycle"}</td>
                  <td className={tdClass}>{report.selfSubmitted ? "Submitted" : "Not submitted"}</td>
                  <td className={tdClass}>{report.review.label}</td>
                  <td className={`${tdClass} whitespace-nowrap text-right`}>
                    {report.review.action ? (
                      <Link to={report.review.action.href} className={linkClass}>
                        {report.review.action.label}
                        <span className="sr-only"> for {report.name}</span>
                      </Link>
                    ) : null}
                    {report.review.read ? (
                      <Link to={report.review.read.href} className={`${linkClass} ml-3`}>
                        Read last review<span className="sr-only"> of {report.name}</span>
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
            <h2 className="mb-3 text-lg font-semibold">Reviews you wrote</h2>
            <ul className="divide-y divide-slate-200 dark:divide-slate-700">
              {written.map((review) => (
                <li key={review.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link to={`/assessments/${review.id}`} className={linkClass}>
                      {review.subject.name}
                    </Link>{" "}
                    <span className="text-slate-500 dark:text-slate-400">
                      · {review.cycleName ?? "Outside a cycle"} · {review.levelTitle}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
                    <StatusBadge status={review.status} />
                    {review.submittedAt ? `on ${day(review.submittedAt)}` : `last saved ${day(review.updatedAt)}`}
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
