import { useTranslation } from "~/i18n/use-translation";
import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { SuggestField } from "~/components/ui/suggest-field";

export type SessionView = "agenda" | "managers" | "grid" | "meeting";
type Filters = Record<string, string | null>;

const filterSearch = (filters: Filters) =>
  new URLSearchParams(
    Object.entries(filters).flatMap(([name, value]) => (value ? [[name, value]] : [])),
  );

/** A view's address, keeping the filters (meeting mode steps through the whole agenda, so it takes none). */
export function sessionViewHref(sessionId: string, filters: Filters, view: SessionView) {
  if (view === "meeting") return `/calibration/${sessionId}/meeting`;
  const search = filterSearch(filters);
  if (view === "managers") search.set("tab", "managers");
  const query = search.toString();
  return `/calibration/${sessionId}${view === "grid" ? "/grid" : ""}${query ? `?${query}` : ""}`;
}

const VIEWS = ["agenda", "managers", "grid", "meeting"] as const satisfies readonly SessionView[];

/** The session's views, as tabs (links, so each view has its own address and works without JavaScript). */
export function SessionTabs({
  sessionId,
  filters,
  current,
}: {
  sessionId: string;
  filters: Filters;
  current: SessionView;
}) {
  const { t } = useTranslation("calibration");
  return (
    <nav
      aria-label={t("sessionNav.views")}
      className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700"
    >
      {VIEWS.map((id) => (
        <Link
          key={id}
          to={sessionViewHref(sessionId, filters, id)}
          aria-current={current === id ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${
            current === id
              ? "border-slate-200 border-b-white bg-white font-semibold dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900"
              : "border-transparent text-brand-600 hover:underline dark:text-brand-100"
          }`}
        >
          {t(`sessionNav.${id}`)}
        </Link>
      ))}
    </nav>
  );
}

/** The filters of the agenda, the managers' figures and the grid: a team and a manager typed, a track and a level chosen. */
export function SessionFilterForm({
  sessionId,
  view,
  filters,
  filterProblems,
  filterOptions,
}: {
  sessionId: string;
  view: Exclude<SessionView, "meeting">;
  filters: Filters;
  filterProblems: Record<string, string | null>;
  filterOptions: {
    tracks: { id: string; label: string }[];
    levels: { id: string; label: string }[];
  };
}) {
  const { t } = useTranslation("calibration");
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Form
      method="get"
      action={view === "grid" ? `/calibration/${sessionId}/grid` : `/calibration/${sessionId}`}
      className="mb-6 flex flex-wrap items-end gap-3"
      aria-label={t("sessionNav.filter")}
    >
      {view === "managers" ? <input type="hidden" name="tab" value="managers" /> : null}
      {(["team", "manager"] as const).map((name) => (
        <SuggestField
          key={`${name}:${filters[name] ?? ""}`}
          label={t(`sessionNav.${name}`)}
          name={name}
          suggestions={`/calibration/${sessionId}/filter-options?kind=${name}`}
          defaultValue={filters[name] ?? ""}
          errors={filterProblems[name] ? [filterProblems[name]] : undefined}
          className="min-w-48"
        />
      ))}
      {(
        [
          ["track", filterOptions.tracks],
          ["level", filterOptions.levels],
        ] as const
      ).map(([name, options]) => (
        <SelectField
          key={name}
          name={name}
          label={t(`sessionNav.${name}`)}
          defaultValue={filters[name] ?? ""}
          className="min-w-40"
        >
          <option value="">{t("sessionNav.all")}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </SelectField>
      ))}
      <Button type="submit" variant="secondary">
        {t("sessionNav.submit")}
      </Button>
      {filtered ? (
        <Link
          to={sessionViewHref(sessionId, {}, view)}
          className="text-sm text-brand-600 underline dark:text-brand-100"
        >
          {t("sessionNav.showEveryone")}
        </Link>
      ) : null}
    </Form>
  );
}
