import { Form, Link, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/team";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge, StateBadge } from "~/components/cycles/cycle-badges";
import { CycleProgressChart } from "~/components/cycles/cycle-progress-chart";
import { TeamAttention } from "~/components/team/team-attention";
import {
  heatCellsClass,
  scaleLabels,
  TeamHeatLegend,
  TeamHeatStrip,
  TeamHeatTooltips,
} from "~/components/team/team-heat-strip";
import { Button, buttonClass } from "~/components/ui/button";
import { ClientLinks } from "~/components/ui/client-links";
import { SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { PARTICIPANT_STATES, type ParticipantState } from "~/modules/cycles/cycle-progress";
import { parseTeamFilters, teamOverview, type TeamGroup } from "~/modules/team/overview.server";
import { teamConversations, type TeamConversations } from "~/modules/conversations/signals.server";
import { teamFeedbackLinks } from "~/modules/feedback/links.server";
import { feedbackLinkLabel, othersFeedback } from "~/components/feedback/feedback-links";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Read and filtered by a form that gets: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("team:page.title") },
];

/**
 * Anyone signed in may open /team: it only ever lists people below the viewer, so
 * someone without reports gets a friendly empty page rather than a 404 (the link can
 * be bookmarked by a manager whose last report moved on).
 */
export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const searchParams = url.searchParams;
  const overview = await teamOverview(
    viewer,
    parseTeamFilters(searchParams),
    undefined,
    languageOf(context),
  );
  if (!overview.hasReports) return overview;
  const [conversations, feedback] = await Promise.all([
    teamConversations(viewer, choiceParam(searchParams, "oneToOnes", ["all"]) === "all"),
    teamFeedbackLinks(viewer),
  ]);
  return { ...overview, conversations, feedback };
});

export default function Team({ loaderData }: Route.ComponentProps) {
  const overview = loaderData;
  const navigation = useNavigation();
  const { t } = useTranslation("team");
  const cycleWords = useTranslation("cycles").t;
  const f = useFormats();
  if (!overview.hasReports) {
    return (
      <>
        <PageHeader title={t("page.heading")} />
        <Card className="max-w-2xl">
          <p>{t("page.noReports")}</p>
          <p className="mt-3">
            <Link to="/" className="text-brand-600 underline dark:text-brand-100">
              {t("page.home")}
            </Link>
            {overview.viewerIsAdmin ? (
              <>
                {" · "}
                <Link to="/admin/cycles" className="text-brand-600 underline dark:text-brand-100">
                  {t("page.followCycles")}
                </Link>
              </>
            ) : null}
          </p>
        </Card>
      </>
    );
  }
  const {
    cycles,
    cycle,
    filters,
    reports,
    direct,
    counts,
    notInCycle,
    needingAttention,
    total,
    page,
    pageCount,
    groups,
    tracks,
    scale,
    daysLeft,
  } = overview;
  const loading = navigation.state === "loading" && navigation.location.pathname === "/team";
  const stateHref = (state: ParticipantState) =>
    `?${new URLSearchParams({ ...(cycle ? { cycle: cycle.id } : {}), state })}`;
  const filtered = filters.attentionOnly || filters.state !== "";
  const labels = scaleLabels(scale);
  const sets = new Map(Object.keys(tracks).map((key, set) => [key, set]));
  return (
    <>
      <PageHeader
        title={t("page.heading")}
        description={t("page.description", { reports, direct })}
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
                {daysLeft !== null
                  ? ` · ${daysLeft < 0 ? t("cycle.pastEnd") : daysLeft === 0 ? t("cycle.lastDay") : t("cycle.daysLeft", { count: daysLeft })}`
                  : ""}
                {notInCycle ? ` · ${t("cycle.notInCycle", { count: notInCycle })}` : ""}
              </p>
              <CycleProgressChart
                counts={counts}
                stateHref={stateHref}
                current={filters.state === "not-in-cycle" ? "" : filters.state}
              />
            </>
          ) : (
            <p>{t("cycle.none")}</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("attentionCard.heading")}</h2>
          <p className="text-3xl font-semibold tabular-nums">{f.number(needingAttention)}</p>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {cycle
              ? t("attentionCard.text", { count: needingAttention, cycle: cycle.name })
              : t("attentionCard.textCurrentCycle", { count: needingAttention })}
          </p>
          {needingAttention ? (
            <Link
              to={`?${new URLSearchParams({ ...(cycle ? { cycle: cycle.id } : {}), show: "attention" })}`}
              className={buttonClass("secondary")}
            >
              {t("attentionCard.showOnly")}
            </Link>
          ) : null}
        </Card>
      </div>

      <TeamOneToOnes conversations={overview.conversations} />
      <TeamFeedback feedback={overview.feedback} />

      <Card className="mb-4">
        <Form
          method="get"
          role="search"
          aria-label={t("filters.label")}
          className="flex flex-wrap items-end gap-3"
        >
          {cycles.length ? (
            <SelectField
              label={t("filters.cycle")}
              name="cycle"
              defaultValue={cycle?.id ?? ""}
              className="min-w-48"
            >
              {cycles.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            label={t("filters.state")}
            name="state"
            defaultValue={filters.state}
            className="min-w-48"
          >
            <option value="">{t("filters.anyState")}</option>
            {PARTICIPANT_STATES.map((state) => (
              <option key={state} value={state}>
                {cycleWords(`states.${state}`)}
              </option>
            ))}
            <option value="not-in-cycle">{t("filters.notInCycle")}</option>
          </SelectField>
          <SelectField
            label={t("filters.show")}
            name="show"
            defaultValue={filters.attentionOnly ? "attention" : ""}
            className="min-w-48"
          >
            <option value="">{t("filters.everyone")}</option>
            <option value="attention">{t("filters.attentionOnly")}</option>
          </SelectField>
          <Button type="submit">{loading ? t("filters.filtering") : t("filters.filter")}</Button>
          {filtered ? (
            <Link to={cycle ? `/team?cycle=${cycle.id}` : "/team"} className={buttonClass("ghost")}>
              {t("filters.clear")}
            </Link>
          ) : null}
        </Form>
      </Card>

      <div className={heatCellsClass}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
            {filtered
              ? t("list.countMatching", { count: total })
              : t("list.count", { count: total })}
            {pageCount > 1 ? ` · ${t("list.page", { page, pageCount })}` : ""}
          </p>
          <TeamHeatLegend scale={scale} />
        </div>
        <TeamHeatTooltips tracks={tracks} scale={scale} />

        {groups.length ? (
          <ClientLinks>
            <div className="space-y-6" aria-busy={loading}>
              {groups.map((group, index) => (
                <TeamGroupTable
                  key={`${group.manager?.id ?? "none"}-${index}`}
                  group={group}
                  tracks={tracks}
                  sets={sets}
                  labels={labels}
                />
              ))}
            </div>
          </ClientLinks>
        ) : (
          <Card>
            <p>{t("list.noMatch")}</p>
          </Card>
        )}
      </div>
      <Pagination page={page} pageCount={pageCount} label={t("list.pages")} />
    </>
  );
}

function TeamGroupTable({
  group,
  tracks,
  sets,
  labels,
}: {
  group: TeamGroup;
  tracks: Record<string, string[]>;
  sets: ReadonlyMap<string, number>;
  labels: ReadonlyMap<number, string>;
}) {
  const { t } = useTranslation("team");
  const heading = group.isViewer
    ? t("group.you")
    : group.manager
      ? t("group.manager", { name: group.manager.name })
      : t("group.nobody");
  return (
    <section aria-label={heading}>
      <h2 className="mb-2 text-base font-semibold">
        {heading}
        {!group.isViewer && group.manager ? (
          <>
            {" "}
            <a
              href={`/people/${group.manager.id}`}
              className="link text-sm font-normal hover:underline"
            >
              {t("group.profile")}
            </a>
          </>
        ) : null}
      </h2>
      <DataTable
        caption={heading}
        headings={[
          t("group.person"),
          t("group.inCycle"),
          t("group.latestRatings"),
          t("group.needsAttention"),
          t("group.goals"),
          t("group.review"),
        ]}
      >
        {group.members.map((member) => (
          <tr key={member.id}>
            <th scope="row" className={`${tdClass} font-normal`}>
              <a href={`/people/${member.id}`} className="link font-medium hover:underline">
                {member.name}
              </a>
              <span className="muted block text-xs">
                {[member.team, member.place ?? t("group.noPlace")].filter(Boolean).join(" · ")}
              </span>
            </th>
            <td className={tdClass}>
              {member.state ? (
                <StateBadge state={member.state} />
              ) : (
                <span className="muted text-sm">{t("group.notInCycle")}</span>
              )}
            </td>
            <td className={tdClass}>
              <TeamHeatStrip
                profile={member.profile}
                names={member.profile ? (tracks[member.profile.trackKey] ?? []) : []}
                set={member.profile ? (sets.get(member.profile.trackKey) ?? -1) : -1}
                labels={labels}
              />
            </td>
            <td className={tdClass}>
              <TeamAttention flags={member.flags} />
            </td>
            <td className={`${tdClass} text-sm`}>
              {member.goals.objectives.length ? (
                <ul>
                  {member.goals.objectives.map((objective) => (
                    <li key={objective.id}>
                      <a
                        href={`/goals/objectives/${objective.id}`}
                        className="link hover:underline"
                      >
                        {objective.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t("group.noObjectives")}</span>
              )}
              {member.goals.overdue ? (
                <span className="block text-amber-800 dark:text-amber-200">
                  {t("group.checkInsOverdue", { count: member.goals.overdue })}
                </span>
              ) : null}
            </td>
            <td className={`${tdClass} whitespace-nowrap`}>
              {member.track && member.level ? (
                <a href={`/people/${member.id}/review`} className="link hover:underline">
                  {t("group.reviewPerson", { name: member.name.split(" ")[0] })}
                </a>
              ) : (
                <span className="muted text-sm">{t("group.needsPlace")}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** The way back to feedback once nothing about it is owed: the manager's own upward aggregate and each report's answers with names. */
function TeamFeedback({ feedback }: { feedback: Awaited<ReturnType<typeof teamFeedbackLinks>> }) {
  const { t } = useTranslation("team");
  const words = useTranslation("feedback").t;
  if (!feedback.own.length && !feedback.reports.length) return null;
  return (
    <Card className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{t("feedbackCard.heading")}</h2>
      <ul className="space-y-1 text-sm">
        {[...feedback.own, ...feedback.reports].map((link) => (
          <li key={`${link.cycle.id}/${link.personId}`}>
            <Link to={link.href} className="text-brand-600 underline dark:text-brand-100">
              {"personName" in link
                ? words(`links.ofPerson.${othersFeedback(link)}`, { name: link.personName })
                : words(feedbackLinkLabel(link, true))}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-300">· {link.cycle.name}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Who has not had a one-to-one in more than twice its cadence, and overdue actions, without anything that was said. */
function TeamOneToOnes({ conversations }: { conversations: TeamConversations }) {
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("team");
  const f = useFormats();
  const { reports, moreReports, below, moreBelow, all } = conversations;
  if (!reports.length) return null;
  const allHref = `?${new URLSearchParams([...[...searchParams].filter(([name]) => name !== "oneToOnes"), ...(all ? [] : [["oneToOnes", "all"]])])}#one-to-ones`;
  const moreDetails = f.list([
    ...(moreReports.overdue ? [t("oneToOnes.overdueCount", { count: moreReports.overdue })] : []),
    ...(moreReports.notSetUp
      ? [t("oneToOnes.notSetUpCount", { count: moreReports.notSetUp })]
      : []),
  ]);
  const separator = t("oneToOnes.separator");
  return (
    <Card className="mb-4">
      <h2 id="one-to-ones" className="mb-1 text-lg font-semibold">
        {t("oneToOnes.heading")}
      </h2>
      <p className="subtle mb-2 text-sm">
        {t("oneToOnes.intro")}{" "}
        <Link to="/conversations" className="underline">
          {t("oneToOnes.conversations")}
        </Link>
      </p>
      <ul className="space-y-1 text-sm">
        {reports.map((report) => (
          <li key={report.personId}>
            <Link
              to={`/conversations/evidence?person=${report.personId}`}
              className="font-medium underline"
            >
              {report.name}
            </Link>
            {report.hasSeries
              ? t("oneToOnes.last", { when: t("oneToOnes.since", report.lastHeld) })
              : t("oneToOnes.none")}
            {report.overdue ? (
              <span className="font-semibold text-amber-700 dark:text-amber-300">
                {t("oneToOnes.overdue")}
              </span>
            ) : null}
            {report.overdueActions ? (
              <span className="text-amber-700 dark:text-amber-300">
                {t("oneToOnes.overdueActions", { count: report.overdueActions })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {moreReports.people ? (
        <p className="mt-1 text-sm">
          {moreDetails
            ? t("oneToOnes.moreWith", { count: moreReports.people, details: moreDetails })
            : t("oneToOnes.more", { count: moreReports.people })}
        </p>
      ) : null}
      {below.length ? (
        <>
          <h3 className="mb-1 mt-3 text-sm font-semibold">{t("oneToOnes.belowHeading")}</h3>
          {/* One line per manager: below a manager of managers there may be hundreds. */}
          <ul className="space-y-1 text-sm">
            {below.map((group) => (
              <li key={group.managerId}>
                <span className="font-medium">
                  {t("oneToOnes.through", { manager: group.through })}
                </span>
                {[
                  group.notSetUp.length
                    ? group.moreNotSetUp
                      ? t("oneToOnes.notSetUpMore", {
                          names: group.notSetUp.join(separator),
                          more: group.moreNotSetUp,
                        })
                      : t("oneToOnes.notSetUp", { names: group.notSetUp.join(separator) })
                    : null,
                  group.overdue.length
                    ? (() => {
                        const people = group.overdue
                          .map((person) =>
                            t("oneToOnes.overduePerson", {
                              name: person.name,
                              when: t("oneToOnes.since", person.lastHeld),
                            }),
                          )
                          .join(separator);
                        return group.moreOverdue
                          ? t("oneToOnes.overdueListMore", { people, more: group.moreOverdue })
                          : t("oneToOnes.overdueList", { people });
                      })()
                    : null,
                ]
                  .filter(Boolean)
                  .join(t("oneToOnes.partsSeparator"))}
              </li>
            ))}
          </ul>
          {moreBelow.managers ? (
            <p className="mt-1 text-sm">
              {t("oneToOnes.moreBelow", { people: moreBelow.people, managers: moreBelow.managers })}
            </p>
          ) : null}
        </>
      ) : null}
      {all ||
      moreReports.people ||
      moreBelow.managers ||
      below.some((group) => group.moreNotSetUp || group.moreOverdue) ? (
        <p className="mt-2 text-sm">
          <Link to={allHref} className="underline" preventScrollReset>
            {all ? t("oneToOnes.showNeediest") : t("oneToOnes.showEveryone")}
          </Link>
        </p>
      ) : null}
      {conversations.pulse ? (
        <p className="mt-2 text-sm">
          {conversations.pulse.mean !== null
            ? t("oneToOnes.pulse", { mean: conversations.pulse.mean })
            : t("oneToOnes.pulseHidden")}
        </p>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
