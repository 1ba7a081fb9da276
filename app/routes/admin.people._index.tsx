import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/admin.people._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/identity/permissions.server";
import { getPersonName, listPeople, parsePeopleFilters, teamById, teamNamed } from "~/modules/people/service.server";
import { SuggestField } from "~/components/ui/suggest-field";
import { textParam } from "~/utils/search-params";
import { getTrackOptions } from "~/modules/people/track-levels.server";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "People · Rungs" }];

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const searchParams = url.searchParams;
  const filters = parsePeopleFilters(searchParams);
  // A team typed by name (the filter form, with suggestions: organisations have hundreds of teams), or by id (links).
  const typedTeam = textParam(searchParams, "teamName", 200);
  const team = typedTeam ? await teamNamed(typedTeam) : filters.teamId && filters.teamId !== "none" ? await teamById(filters.teamId) : null;
  const teamError = typedTeam && !team ? `No team is called “${typedTeam}”. Pick one of the suggestions, or clear the field.` : null;
  if (typedTeam) filters.teamId = team?.id ?? "";
  const [result, tracks, managerName] = await Promise.all([listPeople(filters), getTrackOptions(), filters.managerId ? getPersonName(filters.managerId) : null]);
  return { ...result, filters, team: teamError ? null : team, typedTeam, teamError, tracks, managerName };
});

export default function People({ loaderData }: Route.ComponentProps) {
  const { people, total, page, pageCount, filters, team, typedTeam, teamError, tracks, managerName } = loaderData;
  // Names, not ids: "Individual contributor · Engineer II".
  const placeOf = (ladderId: string | null, trackId: string, levelId: string | null) => {
    const track = tracks.find((option) => option.id === trackId && (!ladderId || option.ladderId === ladderId));
    const level = levelId ? (track?.levels.find((option) => option.id === levelId)?.title ?? levelId) : null;
    return [track?.name ?? trackId, level].filter(Boolean).join(" · ");
  };
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/admin/people";
  const filtered = Boolean(filters.q || filters.teamId || typedTeam || filters.managerId || filters.track || filters.level || filters.role || filters.status !== "active");
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in Rungs: their team, manager, track and level. Managers are whoever has active reports."
        actions={
          <>
            <Link to="/admin/people/import" className={buttonClass("secondary")}>
              Import CSV
            </Link>
            <Link to="/admin/people/new" className={buttonClass("primary")}>
              Add person
            </Link>
          </>
        }
      />
      <Card className="mb-4">
        <Form method="get" role="search" aria-label="Find people" className="grid grid-cols-2 gap-3 lg:grid-cols-6">
          {filters.managerId ? <input type="hidden" name="manager" value={filters.managerId} /> : null}
          <Field label="Name or email" name="q" type="search" defaultValue={filters.q} className="col-span-2" />
          <SuggestField
            key={typedTeam || team?.name || ""}
            label="Team"
            name="teamName"
            suggestions="/admin/team-options"
            defaultValue={typedTeam || team?.name || ""}
            hint={filters.teamId === "none" ? "Showing people without a team." : undefined}
            errors={teamError ? [teamError] : undefined}
          />
          <SelectField label="Track" name="track" defaultValue={filters.track}>
            <option value="">All tracks</option>
            <option value="none">No track</option>
            {[...new Map(tracks.map((track) => [track.id, track])).values()].map((track) => (
              <option key={track.id} value={track.id}>
                {track.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Level" name="level" defaultValue={filters.level}>
            <option value="">All levels</option>
            {tracks.map((track) => (
              <optgroup key={`${track.ladderId}:${track.id}`} label={track.name}>
                {track.levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField label="Status" name="status" defaultValue={filters.status}>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
            <option value="all">All</option>
          </SelectField>
          <SelectField label="Role" name="role" defaultValue={filters.role}>
            <option value="">Any role</option>
            <option value="admin">Admin</option>
            <option value="hiring-admin">Hiring admin</option>
            <option value="manager">Manager</option>
          </SelectField>
          <div className="col-span-2 flex items-end gap-2 lg:col-span-5">
            <Button type="submit">{searching ? "Searching…" : "Search"}</Button>
            {filters.teamId !== "none" ? (
              <Link to="?team=none" className={buttonClass("ghost")}>
                People without a team
              </Link>
            ) : null}
            {filtered ? (
              <Link to="/admin/people" className={buttonClass("ghost")}>
                Clear filters
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {plural(total, "# person")}
        {filtered ? " match" : ""}
        {filters.managerId ? ` · reporting directly to ${managerName ?? "an unknown person"}` : ""}
      </p>
      {people.length ? (
        <DataTable caption={`People, page ${page} of ${pageCount}`} headings={["Name", "Team", "Manager", "Track and level", "Roles"]} busy={searching}>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <a href={`/admin/people/${person.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {person.name}
                </a>
                <span className="block text-slate-500 dark:text-slate-400">{person.email}</span>
                {person.deactivated ? (
                  <span className="mt-1 inline-block rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                    Deactivated
                  </span>
                ) : null}
              </th>
              <td className={tdClass}>{person.team?.name ?? <span className="text-slate-500 dark:text-slate-400">None</span>}</td>
              <td className={tdClass}>
                {person.manager ? (
                  <a href={`/admin/people/${person.manager.id}`} className="hover:underline">
                    {person.manager.name}
                  </a>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">None</span>
                )}
              </td>
              <td className={tdClass}>{person.track ? placeOf(person.ladderId, person.track, person.level) : <span className="text-slate-500 dark:text-slate-400">None</span>}</td>
              <td className={tdClass}>
                {[person.isAdmin ? "Admin" : null, person.isHiringAdmin ? "Hiring admin" : null, person.reportCount ? `Manager (${person.reportCount})` : null]
                  .filter(Boolean)
                  .join(", ") || <span className="text-slate-500 dark:text-slate-400">Engineer</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{filtered ? "Nobody matches these filters." : "There is nobody in Rungs yet. Add a person or import a CSV."}</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} label="People pages" />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
