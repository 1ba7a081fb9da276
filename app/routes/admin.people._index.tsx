import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/admin.people._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireRole } from "~/modules/identity/permissions.server";
import {
  getPersonName,
  listPeople,
  parsePeopleFilters,
  teamById,
  teamNamed,
} from "~/modules/people/service.server";
import { SuggestField } from "~/components/ui/suggest-field";
import { textParam } from "~/utils/search-params";
import { getTrackOptions } from "~/modules/people/track-levels.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): its filters are a form that gets, and the team field's suggestions
 * come from the document's one script.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("people:list.title") },
];

export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const searchParams = url.searchParams;
  const filters = parsePeopleFilters(searchParams);
  // A team typed by name (the filter form, with suggestions: organisations have hundreds of teams), or by id (links).
  const typedTeam = textParam(searchParams, "teamName", 200);
  const team = typedTeam
    ? await teamNamed(typedTeam)
    : filters.teamId && filters.teamId !== "none"
      ? await teamById(filters.teamId)
      : null;
  const teamUnknown = Boolean(typedTeam && !team);
  if (typedTeam) filters.teamId = team?.id ?? "";
  const [result, tracks, managerName] = await Promise.all([
    listPeople(filters),
    getTrackOptions(languageOf(context)),
    filters.managerId ? getPersonName(filters.managerId) : null,
  ]);
  return {
    ...result,
    filters,
    team: teamUnknown ? null : team,
    typedTeam,
    teamUnknown,
    tracks,
    managerName,
  };
});

export default function People({ loaderData }: Route.ComponentProps) {
  const {
    people,
    total,
    page,
    pageCount,
    filters,
    team,
    typedTeam,
    teamUnknown,
    tracks,
    managerName,
  } = loaderData;
  const { t } = useTranslation("people");
  const f = useFormats();
  // Names, not ids: "Individual contributor · Engineer II".
  const placeOf = (ladderId: string | null, trackId: string, levelId: string | null) => {
    const track = tracks.find(
      (option) => option.id === trackId && (!ladderId || option.ladderId === ladderId),
    );
    const level = levelId
      ? (track?.levels.find((option) => option.id === levelId)?.title ?? levelId)
      : null;
    return [track?.name ?? trackId, level].filter(Boolean).join(" · ");
  };
  const navigation = useNavigation();
  const searching =
    navigation.state === "loading" && navigation.location.pathname === "/admin/people";
  const filtered = Boolean(
    filters.q ||
    filters.teamId ||
    typedTeam ||
    filters.managerId ||
    filters.track ||
    filters.level ||
    filters.role ||
    filters.status !== "active",
  );
  return (
    <>
      <PageHeader
        title={t("list.heading")}
        description={t("list.description")}
        actions={
          <>
            <Link to="/admin/people/import" className={buttonClass("secondary")}>
              {t("list.import")}
            </Link>
            <Link to="/admin/people/new" className={buttonClass("primary")}>
              {t("list.add")}
            </Link>
          </>
        }
      />
      <Card className="mb-4">
        <Form
          method="get"
          role="search"
          aria-label={t("list.find")}
          className="grid grid-cols-2 gap-3 lg:grid-cols-6"
        >
          {filters.managerId ? (
            <input type="hidden" name="manager" value={filters.managerId} />
          ) : null}
          <Field
            label={t("list.nameOrEmail")}
            name="q"
            type="search"
            defaultValue={filters.q}
            className="col-span-2"
          />
          <SuggestField
            key={typedTeam || team?.name || ""}
            label={t("list.team")}
            name="teamName"
            suggestions="/admin/team-options"
            defaultValue={typedTeam || team?.name || ""}
            hint={filters.teamId === "none" ? t("list.withoutTeamShown") : undefined}
            errors={teamUnknown ? [t("list.noSuchTeam", { name: typedTeam })] : undefined}
          />
          <SelectField label={t("list.track")} name="track" defaultValue={filters.track}>
            <option value="">{t("list.allTracks")}</option>
            <option value="none">{t("list.noTrack")}</option>
            {[...new Map(tracks.map((track) => [track.id, track])).values()].map((track) => (
              <option key={track.id} value={track.id}>
                {track.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("list.level")} name="level" defaultValue={filters.level}>
            <option value="">{t("list.allLevels")}</option>
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
          <SelectField label={t("list.status")} name="status" defaultValue={filters.status}>
            <option value="active">{t("list.statusActive")}</option>
            <option value="deactivated">{t("list.statusDeactivated")}</option>
            <option value="all">{t("list.statusAll")}</option>
          </SelectField>
          <SelectField label={t("list.role")} name="role" defaultValue={filters.role}>
            <option value="">{t("list.anyRole")}</option>
            <option value="admin">{t("list.roleAdmin")}</option>
            <option value="hiring-admin">{t("list.roleHiringAdmin")}</option>
            <option value="manager">{t("list.roleManager")}</option>
          </SelectField>
          <div className="col-span-2 flex items-end gap-2 lg:col-span-5">
            <Button type="submit">{searching ? t("list.searching") : t("list.search")}</Button>
            {filters.teamId !== "none" ? (
              <Link to="?team=none" className={buttonClass("ghost")}>
                {t("list.withoutTeam")}
              </Link>
            ) : null}
            {filtered ? (
              <Link to="/admin/people" className={buttonClass("ghost")}>
                {t("list.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {filtered ? t("list.countMatching", { count: total }) : t("list.count", { count: total })}
        {filters.managerId
          ? ` · ${t("list.reportingTo", { name: managerName ?? t("list.unknownPerson") })}`
          : ""}
      </p>
      {people.length ? (
        <DataTable
          caption={t("list.caption", { page, pageCount })}
          headings={[
            t("list.name"),
            t("list.team"),
            t("list.manager"),
            t("list.trackAndLevel"),
            t("list.roles"),
          ]}
          busy={searching}
        >
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <a
                  href={`/admin/people/${person.id}`}
                  className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                >
                  {person.name}
                </a>
                <span className="block text-slate-500 dark:text-slate-400">{person.email}</span>
                {person.deactivated ? (
                  <span className="mt-1 inline-block rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                    {t("list.deactivated")}
                  </span>
                ) : null}
              </th>
              <td className={tdClass}>
                {person.team?.name ?? (
                  <span className="text-slate-500 dark:text-slate-400">{t("list.none")}</span>
                )}
              </td>
              <td className={tdClass}>
                {person.manager ? (
                  <a href={`/admin/people/${person.manager.id}`} className="hover:underline">
                    {person.manager.name}
                  </a>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">{t("list.none")}</span>
                )}
              </td>
              <td className={tdClass}>
                {person.track ? (
                  placeOf(person.ladderId, person.track, person.level)
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">{t("list.none")}</span>
                )}
              </td>
              <td className={tdClass}>
                {f.list(
                  [
                    person.isAdmin ? t("list.roleAdmin") : null,
                    person.isHiringAdmin ? t("list.roleHiringAdmin") : null,
                    person.reportCount ? t("list.managerOf", { count: person.reportCount }) : null,
                  ].filter((role) => role !== null),
                ) || (
                  <span className="text-slate-500 dark:text-slate-400">{t("list.engineer")}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{filtered ? t("list.noMatch") : t("list.empty")}</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} label={t("list.pages")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
