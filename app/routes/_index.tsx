import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { requireSignedIn } from "~/modules/identity/sessions/session.server";
import { homeSummary } from "~/modules/people/home.server";
import { todoOf } from "~/modules/todo/todo.server";
import type { TodoItem } from "~/modules/todo/todo";
import { withDomainErrors } from "~/utils/http.server";
import { ClientLinks } from "~/components/ui/client-links";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Home · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const signedIn = await requireSignedIn(request);
  const { viewer } = signedIn;
  const [summary, todo] = await Promise.all([homeSummary(viewer.id, viewer.isAdmin), todoOf(signedIn)]);
  return { viewer, todo, ...summary };
});

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-medium">{value}</dd>
    </div>
  );
}

const dueFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function dueText(item: TodoItem): string | null {
  if (!item.due || item.daysLeft === null) return null;
  const day = dueFormat.format(new Date(item.due));
  if (item.daysLeft < 0) return `Due ${day}, ${plural(-item.daysLeft, "# day")} ago`;
  if (item.daysLeft === 0) return `Due today, ${day}`;
  return `Due ${day}, ${plural(item.daysLeft, "# day")} left`;
}

function TodoList({ items }: { items: TodoItem[] }) {
  return (
    <Card className="mb-6">
      <h2 className="mb-3 text-lg font-semibold">What to do next</h2>
      {items.length ? (
        <ClientLinks>
          <ul className="divide-y divide-slate-200 dark:divide-slate-700">
            {items.map((item) => {
              const due = dueText(item);
              return (
                <li key={item.key} className="py-3">
                  <a href={item.href} className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100">
                    {item.title}
                  </a>
                  {due ? <span className={`ml-2 text-sm ${item.daysLeft !== null && item.daysLeft < 0 ? "font-medium text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}>{due}</span> : null}
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{item.detail}</p>
                </li>
              );
            })}
          </ul>
        </ClientLinks>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to do right now. New review cycles, reviews and other requests will appear here.</p>
      )}
    </Card>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { viewer, todo, me, place, reports, reportCount, organisation } = loaderData;
  const hasRole = viewer.isAdmin || viewer.isHiringAdmin;
  return (
    <>
      <PageHeader title={`Hello, ${me.name.split(" ")[0]}`} description="Your ladder, your reviews and your growth, in one place." />
      <TodoList items={todo} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Where you are</h2>
          <dl className="grid grid-cols-2 gap-4">
            <Stat label="Team" value={me.team?.name ?? "No team"} />
            <Stat label="Manager" value={me.manager?.name ?? "No manager"} />
            <Stat label="Track" value={place?.trackName ?? me.track ?? "Not set"} />
            <Stat label="Level" value={place?.levelTitle ?? me.level ?? "Not set"} />
          </dl>
          <p className="mt-4 flex flex-wrap gap-4">
            {place ? (
              <Link to={`/ladders/${place.ladderId}/levels/${place.levelId}`} className="text-brand-600 underline dark:text-brand-100">
                What your level asks
              </Link>
            ) : null}
            <Link to="/ladders" className="text-brand-600 underline dark:text-brand-100">
              Browse the ladder
            </Link>
            {me.level ? (
              <>
                <Link to={`/people/${viewer.id}`} className="text-brand-600 underline dark:text-brand-100">
                  Your growth
                </Link>
                <Link to="/assess" className="text-brand-600 underline dark:text-brand-100">
                  Assess yourself
                </Link>
              </>
            ) : null}
          </p>
          {!me.level && !hasRole ? (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">You have no track and level in Rungs yet, so there is nothing to assess. An admin can set them.</p>
          ) : null}
        </Card>
        {reports.length ? (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Your reports ({reportCount})</h2>
            <ClientLinks>
              <ul className="divide-y divide-slate-200 dark:divide-slate-700">
                {reports.map((report) => (
                  <li key={report.id} className="flex justify-between py-2 text-sm">
                    <a href={`/people/${report.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                      {report.name}
                    </a>
                    <span className="text-slate-500 dark:text-slate-400">
                      {[report.levelTitle, report._count.reports ? plural(report._count.reports, "# report") : null].filter(Boolean).join(" · ")}
                    </span>
                  </li>
                ))}
              </ul>
            </ClientLinks>
            {reportCount > reports.length ? (
              <p className="mt-3 text-sm">
                <Link to="/team" className="text-brand-600 underline dark:text-brand-100">
                  {`See all ${plural(reportCount, "# report")} on your team page`}
                </Link>
              </p>
            ) : null}
          </Card>
        ) : null}
        {viewer.isAdmin && organisation ? (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Organisation</h2>
            <dl className="grid grid-cols-2 gap-4">
              <Stat label="Active people" value={organisation.people} />
              <Stat label="Teams" value={organisation.teams} />
            </dl>
            <p className="mt-4 flex flex-wrap gap-4">
              <Link to="/admin/people" className="text-brand-600 underline dark:text-brand-100">
                Manage people
              </Link>
              <Link to="/admin/cycles" className="text-brand-600 underline dark:text-brand-100">
                Review cycles
              </Link>
              <Link to="/admin/people/import" className="text-brand-600 underline dark:text-brand-100">
                Import from CSV
              </Link>
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
