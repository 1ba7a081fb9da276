import { Form, Link, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/team";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge, StateBadge } from "~/components/cycles/cycle-badges";
import { CycleProgressChart } from "~/components/cycles/cycle-progress-chart";
import { TeamAttention } from "~/components/team/team-attention";
import { heatCellsClass, scaleLabels, TeamHeatLegend, TeamHeatStrip } from "~/components/team/team-heat-strip";
import { Button, buttonClass } from "~/components/ui/button";
import { ClientLinks } from "~/components/ui/client-links";
import { SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { requireUser } from "~/modules/identity/permissions.server";
import { PARTICIPANT_STATES, STATE_LABELS, formatCount, type ParticipantState } from "~/modules/cycles/cycle-progress";
import { parseTeamFilters, teamOverview, type TeamGroup } from "~/modules/team/overview.server";
import { teamConversations, type TeamConversations } from "~/modules/conversations/signals.server";
import { teamFeedbackLinks } from "~/modules/feedback/links.server";
import { feedbackLinkLabel } from "~/components/feedback/feedback-links";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";
import { choiceParam } from "~/utils/search-params";

export const meta: Route.MetaFunction = () => [{ title: "Your team · Rungs" }];

/**
 * Anyone signed in may open /team: it only ever lists people below the viewer, so
 * someone without reports gets a friendly empty page rather than a 404 (the link can
 * be bookmarked by a manager whose last report moved on).
 */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const searchParams = url.searchParams;
  const overview = await teamOverview(viewer, parseTeamFilters(searchParams));
  if (!overview.hasReports) return overview;
  const [conversations, feedback] = await Promise.all([teamConversations(viewer, choiceParam(searchParams, "oneToOnes", ["all"]) === "all"), teamFeedbackLinks(viewer)]);
  return { ...overview, conversations, feedback };
});

export default function Team({ loaderData }: Route.ComponentProps) {
  const overview = loaderData;
  const navigation = useNavigation();
  if (!overview.hasReports) {
    return (
      <>
        <PageHeader title="Your team" />
        <Card className="max-w-2xl">
          <p>Nobody reports to you, so there is no team to show. When people are added with you as their manager, their reviews and growth appear here.</p>
          <p className="mt-3">
            <Link to="/" className="text-brand-600 underline dark:text-brand-100">
              Go to your home page
            </Link>
            {overview.viewerIsAdmin ? (
              <>
                {" · "}
                <Link to="/admin/cycles" className="text-brand-600 underline dark:text-brand-100">
                  Follow review cycles
                </Link>
              </>
            ) : null}
          </p>
        </Card>
      </>
    );
  }
  const { cycles, cycle, filters, reports, direct, counts, notInCycle, needingAttention, total, page, pageCount, groups, tracks, scale, daysLeft } = overview;
  const loading = navigation.state === "loading" && navigation.location.pathname === "/team";
  const stateHref = (state: ParticipantState) => `?${new URLSearchParams({ ...(cycle ? { cycle: cycle.id } : {}), state })}`;
  const filtered = filters.attentionOnly || filters.state !== "";
  const labels = scaleLabels(scale);
  return (
    <>
      <PageHeader
        title="Your team"
        description={`${plural(reports, "# person reports")} to you, ${direct} of them directly. Only submitted assessments are shown; drafts stay with their authors.`}
      />

      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {cycle ? (
            <>
              <h2 className="mb-1 flex flex-wrap items-center gap-2 text-lg font-semibold">
                {cycle.name} <CycleStatusBadge status={cycle.status} />
              </h2>
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                <CycleDates startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
                {daysLeft !== null ? ` · ${daysLeft < 0 ? "past its end date" : daysLeft === 0 ? "last day" : `${plural(daysLeft, "# day")} left`}` : ""}
                {notInCycle ? ` · ${plural(notInCycle, "# report")} not in this cycle` : ""}
              </p>
              <CycleProgressChart counts={counts} stateHref={stateHref} current={filters.state === "not-in-cycle" ? "" : filters.state} />
            </>
          ) : (
            <p>No review cycle has been opened yet. Your reports can still assess themselves, and you can review them, at any time.</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Needs attention</h2>
          <p className="text-3xl font-semibold tabular-nums">{formatCount(needingAttention)}</p>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {plural(needingAttention, "person")} with something to follow up in {cycle ? cycle.name : "the current cycle"}: an assessment not started near the end, a big self and manager disagreement, or ratings with little evidence.
          </p>
          {needingAttention ? (
            <Link to={`?${new URLSearchParams({ ...(cycle ? { cycle: cycle.id } : {}), show: "attention" })}`} className={buttonClass("secondary")}>
              Show only them
            </Link>
          ) : null}
        </Card>
      </div>

      <TeamOneToOnes conversations={overview.conversations} />
      <TeamFeedback feedback={overview.feedback} />

      <Card className="mb-4">
        <Form method="get" role="search" aria-label="Filter your team" className="flex flex-wrap items-end gap-3">
          {cycles.length ? (
            <SelectField label="Cycle" name="cycle" defaultValue={cycle?.id ?? ""} className="min-w-48">
              {cycles.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label="State" name="state" defaultValue={filters.state} className="min-w-48">
            <option value="">Any state</option>
            {PARTICIPANT_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
            <option value="not-in-cycle">Not in this cycle</option>
          </SelectField>
          <SelectField label="Show" name="show" defaultValue={filters.attentionOnly ? "attention" : ""} className="min-w-48">
            <option value="">Everyone</option>
            <option value="attention">Only people needing attention</option>
          </SelectField>
          <Button type="submit">{loading ? "Filtering…" : "Filter"}</Button>
          {filtered ? (
            <Link to={cycle ? `/team?cycle=${cycle.id}` : "/team"} className={buttonClass("ghost")}>
              Clear filters
            </Link>
          ) : null}
        </Form>
      </Card>

      <div className={heatCellsClass}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
            {plural(total, "# person")}
            {filtered ? " match" : ""}
            {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
          </p>
          <TeamHeatLegend scale={scale} />
        </div>

        {groups.length ? (
          <ClientLinks>
            <div className="space-y-6" aria-busy={loading}>
              {groups.map((group, index) => (
                <TeamGroupTable key={`${group.manager?.id ?? "none"}-${index}`} group={group} tracks={tracks} labels={labels} />
              ))}
            </div>
          </ClientLinks>
        ) : (
          <Card>
            <p>Nobody matches these filters.</p>
          </Card>
        )}
      </div>
      <Pagination page={page} pageCount={pageCount} label="Team pages" />
    </>
  );
}

function TeamGroupTable({ group, tracks, labels }: { group: TeamGroup; tracks: Record<string, string[]>; labels: ReadonlyMap<number, string> }) {
  const heading = group.isViewer ? "Reporting to you" : `Reporting to ${group.manager?.name ?? "nobody"}`;
  return (
    <section aria-label={heading}>
      <h2 className="mb-2 text-base font-semibold">
        {heading}
        {!group.isViewer && group.manager ? (
          <>
            {" "}
            <a href={`/people/${group.manager.id}`} className="link text-sm font-normal hover:underline">
              (profile)
            </a>
          </>
        ) : null}
      </h2>
      <DataTable headings={["Person", "In this cycle", "Latest ratings", "Needs attention", "Review"]}>
        {group.members.map((member) => (
          <tr key={member.id}>
            <th scope="row" className={`${tdClass} font-normal`}>
              <a href={`/people/${member.id}`} className="link font-medium hover:underline">
                {member.name}
              </a>
              <span className="muted block text-xs">{[member.team, member.place ?? "No track or level"].filter(Boolean).join(" · ")}</span>
            </th>
            <td className={tdClass}>{member.state ? <StateBadge state={member.state} /> : <span className="muted text-sm">Not in this cycle</span>}</td>
            <td className={tdClass}>
              <TeamHeatStrip profile={member.profile} names={member.profile ? (tracks[member.profile.trackKey] ?? []) : []} labels={labels} />
            </td>
            <td className={tdClass}>
              <TeamAttention flags={member.flags} />
            </td>
            <td className={`${tdClass} whitespace-nowrap`}>
              {member.track && member.level ? (
                <a href={`/people/${member.id}/review`} className="link hover:underline">
                  {`Review ${member.name.split(" ")[0]}`}
                </a>
              ) : (
                <span className="muted text-sm">Needs a track and level</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Who has not had a one-to-one in more than twice its cadence, and overdue actions, without anything that was said. */
/** The way back to feedback once nothing about it is owed: the manager's own upward aggregate and each report's answers with names. */
function TeamFeedback({ feedback }: { feedback: Awaited<ReturnType<typeof teamFeedbackLinks>> }) {
  if (!feedback.own.length && !feedback.reports.length) return null;
  return (
    <Card className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">Feedback</h2>
      <ul className="space-y-1 text-sm">
        {[...feedback.own, ...feedback.reports].map((link) => (
          <li key={`${link.cycle.id}/${link.personId}`}>
            <Link to={link.href} className="text-brand-600 underline dark:text-brand-100">
              {"personName" in link ? `${link.personName}: ${feedbackLinkLabel(link, false).toLowerCase()}` : feedbackLinkLabel(link, true)}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-300">· {link.cycle.name}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function TeamOneToOnes({ conversations }: { conversations: TeamConversations }) {
  const [searchParams] = useSearchParams();
  const { reports, moreReports, below, moreBelow, all } = conversations;
  if (!reports.length) return null;
  const allHref = `?${new URLSearchParams([...[...searchParams].filter(([name]) => name !== "oneToOnes"), ...(all ? [] : [["oneToOnes", "all"]])])}#one-to-ones`;
  const counted = (parts: [number, string][]) =>
    parts
      .filter(([count]) => count > 0)
      .map(([count, words]) => `${formatCount(count)} ${words}`)
      .join(", ");
  return (
    <Card className="mb-4">
      <h2 id="one-to-ones" className="mb-1 text-lg font-semibold">
        One-to-ones
      </h2>
      <p className="subtle mb-2 text-sm">
        When you last met each of your reports, those who most need a one-to-one first; overdue after twice the series&apos; cadence. Each name opens the evidence they share with you.{" "}
        <Link to="/conversations" className="underline">
          Your conversations
        </Link>
      </p>
      <ul className="space-y-1 text-sm">
        {reports.map((report) => (
          <li key={report.personId}>
            <Link to={`/conversations/evidence?person=${report.personId}`} className="font-medium underline">
              {report.name}
            </Link>
            {`: ${report.hasSeries ? `last one-to-one ${report.lastHeldText}` : "no one-to-ones set up"}`}
            {report.overdue ? <span className="font-semibold text-amber-700 dark:text-amber-300"> · overdue</span> : null}
            {report.overdueActions ? <span className="text-amber-700 dark:text-amber-300">{` · overdue actions: ${report.overdueActions}`}</span> : null}
          </li>
        ))}
      </ul>
      {moreReports.people ? (
        <p className="mt-1 text-sm">
          {`And ${plural(moreReports.people, "# more report")}`}
          {moreReports.overdue || moreReports.notSetUp ? ` (${counted([[moreReports.overdue, "overdue"], [moreReports.notSetUp, "with none set up"]])})` : ""}
          {"."}
        </p>
      ) : null}
      {below.length ? (
        <>
          <h3 className="mb-1 mt-3 text-sm font-semibold">Two levels down, overdue or not set up</h3>
          {/* One line per manager: below a manager of managers there may be hundreds. */}
          <ul className="space-y-1 text-sm">
            {below.map((group) => (
              <li key={group.managerId}>
                <span className="font-medium">{`With ${group.through}: `}</span>
                {[
                  group.notSetUp.length ? `no one-to-ones set up for ${group.notSetUp.join(", ")}${group.moreNotSetUp ? ` and ${formatCount(group.moreNotSetUp)} more` : ""}` : null,
                  group.overdue.length
                    ? `overdue: ${group.overdue.map((person) => `${person.name} (last one-to-one ${person.lastHeldText})`).join(", ")}${group.moreOverdue ? ` and ${formatCount(group.moreOverdue)} more` : ""}`
                    : null,
                ]
                  .filter(Boolean)
                  .join("; ")}
              </li>
            ))}
          </ul>
          {moreBelow.managers ? <p className="mt-1 text-sm">{`And ${plural(moreBelow.people, "# more person")} under ${plural(moreBelow.managers, "# more report")} of yours.`}</p> : null}
        </>
      ) : null}
      {all || moreReports.people || moreBelow.managers || below.some((group) => group.moreNotSetUp || group.moreOverdue) ? (
        <p className="mt-2 text-sm">
          <Link to={allHref} className="underline" preventScrollReset>
            {all ? "Show those who most need a one-to-one" : "Show everyone"}
          </Link>
        </p>
      ) : null}
      {conversations.pulse ? (
        <p className="mt-2 text-sm">
          How useful your reports find their one-to-ones:{" "}
          {conversations.pulse.mean !== null
            ? `${conversations.pulse.mean.toFixed(1)} of 5 on average (it changes only when several more answers are in)`
            : "not shown until enough of your reports answer"}
          .
        </p>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
