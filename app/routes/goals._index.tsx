import { Form, Link } from "react-router";
import type { Route } from "./+types/goals._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, buttonClass } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { goalsPage, type GoalsFilter } from "~/modules/goals/goals.server";
import { COUNTED_AT_MOST } from "~/modules/goals/tree";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("goals:title") }];

const FILTERS: GoalsFilter[] = ["all", "mine", "team"];

/** The goal tree of a period, as the viewer may read it (goals.server decides). */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("filter");
  const filter = FILTERS.find((value) => value === asked) ?? "all";
  return goalsPage(viewer, { periodId: url.searchParams.get("period") || null, filter });
});

type Objective = Route.ComponentProps["loaderData"]["objectives"][number];

export default function GoalsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("goals");
  const f = useFormats();
  const { period, periods, objectives, filter, canCreate, moreAtTop, moreAtTopOver } = loaderData;
  // Each objective under its parent shown, once: a parent not shown puts it at the top.
  const ids = new Set(objectives.map((objective) => objective.id));
  const branches = new Map<string | null, Objective[]>();
  for (const objective of objectives) {
    const parentId =
      objective.parentId !== null && ids.has(objective.parentId) ? objective.parentId : null;
    const branch = branches.get(parentId);
    if (branch) branch.push(objective);
    else branches.set(parentId, [objective]);
  }
  const childrenOf = (parentId: string | null) => branches.get(parentId) ?? [];
  const renderBranch = (objective: Objective, depth: number) => (
    <li key={objective.id} className={depth ? "ms-6 border-s ps-3 dark:border-slate-700" : ""}>
      <div className="py-2">
        <Link to={`/goals/objectives/${objective.id}`} className="font-medium underline">
          {objective.title}
        </Link>
        <p className="muted text-sm">
          {t("tree.level", { level: objective.level, team: objective.teamName ?? "" })} ·{" "}
          {t("commitment", { commitment: objective.commitment })} ·{" "}
          {t("tree.owner", { name: objective.ownerName })} ·{" "}
          {t("tree.keyResults", { count: objective.keyResults })} ·{" "}
          {objective.progress === null
            ? t("tree.noProgress")
            : t("tree.progress", { value: objective.progress })}
          {objective.private ? <> · {t("tree.private")}</> : null}
        </p>
      </div>
      {childrenOf(objective.id).length ? (
        <ul>{childrenOf(objective.id).map((child) => renderBranch(child, depth + 1))}</ul>
      ) : null}
      {objective.moreSupporters ? (
        <p className="ms-6 pb-2 text-sm">
          <Link to={`/goals/objectives/${objective.id}#supporters`} className="underline">
            {objective.moreSupportersOver
              ? t("tree.moreSupportersOver", { count: COUNTED_AT_MOST })
              : t("tree.moreSupporters", { count: objective.moreSupporters })}
          </Link>
        </p>
      ) : null}
    </li>
  );
  return (
    <>
      <PageHeader title={t("tree.heading")} description={t("tree.intro")} />
      {period ? (
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <SelectField label={t("tree.period")} name="period" defaultValue={period.id}>
            {periods.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("tree.show")} name="filter" defaultValue={filter}>
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`tree.filter.${value}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("tree.apply")}
          </Button>
          {canCreate ? (
            <Link to={`/goals/objectives/new?period=${period.id}`} className={buttonClass()}>
              {t("tree.new")}
            </Link>
          ) : null}
        </Form>
      ) : null}
      <Card>
        {period ? (
          <>
            <h2 className="text-lg font-semibold">{period.name}</h2>
            <p className="muted mb-2 text-sm">
              {period.closedAt
                ? t("tree.closed", { day: f.day(period.closedAt) })
                : t("tree.open", { start: f.day(period.startsOn), end: f.day(period.endsOn) })}
            </p>
            {objectives.length ? (
              <>
                <ul>{childrenOf(null).map((objective) => renderBranch(objective, 0))}</ul>
                {moreAtTop ? (
                  <p className="muted mt-2 text-sm">
                    {t(moreAtTopOver ? "tree.moreAtTopOver" : "tree.moreAtTop", {
                      count: moreAtTop,
                    })}
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm">{t("tree.none")}</p>
            )}
          </>
        ) : (
          <p className="text-sm">{t("tree.noPeriod")}</p>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
