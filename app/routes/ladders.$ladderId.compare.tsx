import { Form, Link, data } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.compare";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { CompetencyChange, LevelOptions } from "~/components/ladders/level-comparison";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { getLevel, nextLevel } from "~/modules/ladders";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { levelComparisonView, levelOptions, type LevelOption } from "~/modules/ladders/views";
import { personLevelOn } from "~/modules/people/service.server";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("ladders:compare.title") },
];

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    const [{ ladder, marked }, ownLevel] = await Promise.all([
      requireLadderIn(params.ladderId, languageOf(context)),
      personLevelOn(viewer.id, params.ladderId ?? ""),
    ]);
    const searchParams = url.searchParams;
    let from = textParam(searchParams, "from");
    let to = textParam(searchParams, "to");
    // Opened without a choice: the viewer's own level against the next one up.
    if (!from && !to && ownLevel && getLevel(ladder, ownLevel)) {
      from = ownLevel;
      to = nextLevel(ladder, ownLevel)?.id ?? "";
      if (!to)
        return marked({
          ladderId: ladder.meta.id,
          options: levelOptions(ladder),
          from,
          to,
          ownLevel,
          errors: null,
          comparison: null,
        });
    }
    const base = { ladderId: ladder.meta.id, options: levelOptions(ladder), from, to, ownLevel };
    if (!from && !to) return marked({ ...base, errors: null, comparison: null });

    // Worded here, in the request's language: a field's error carries no values to word it with.
    const t = translatorOf(context);
    const errors = {
      from:
        from && getLevel(ladder, from)
          ? null
          : from
            ? t("ladders:compare.errors.noSuchLevel", { level: from })
            : t("ladders:compare.errors.chooseLevel"),
      to:
        to && getLevel(ladder, to)
          ? null
          : to
            ? t("ladders:compare.errors.noSuchLevel", { level: to })
            : t("ladders:compare.errors.chooseLevel"),
    };
    if (errors.from || errors.to)
      return data(marked({ ...base, errors, comparison: null }), { status: 400 });
    return marked({ ...base, errors: null, comparison: levelComparisonView(ladder, from, to)! });
  },
);

function LevelSelect({
  name,
  label,
  value,
  options,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  options: LevelOption[];
  errors: string | null | undefined;
}) {
  return (
    <SelectField
      name={name}
      label={label}
      defaultValue={value}
      errors={errors ? [errors] : null}
      className="min-w-56"
    >
      <LevelOptions options={options} />
    </SelectField>
  );
}

type Comparison = NonNullable<Route.ComponentProps["loaderData"]["comparison"]>;

export default function Compare({ loaderData }: Route.ComponentProps) {
  const { ladderId, options, from, to, ownLevel, errors, comparison } = loaderData;
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader
        title={t("compare.heading")}
        description={t("compare.description")}
        actions={comparison ? <PrintButton /> : null}
      />
      <Form method="get" className="no-print mb-6 flex flex-wrap items-end gap-4">
        <LevelSelect
          name="from"
          label={t("compare.from")}
          value={from}
          options={options}
          errors={errors?.from}
        />
        <LevelSelect
          name="to"
          label={t("compare.to")}
          value={to}
          options={options}
          errors={errors?.to}
        />
        <Button type="submit">{t("compare.submit")}</Button>
      </Form>
      {comparison ? <ComparisonResult ladderId={ladderId} comparison={comparison} /> : null}
      {!comparison && ownLevel && from === ownLevel && !to ? (
        <Alert tone="info">{t("compare.topOfTrack")}</Alert>
      ) : null}
    </>
  );
}

function ComparisonResult({ ladderId, comparison }: { ladderId: string; comparison: Comparison }) {
  const { t } = useTranslation("ladders");
  const { from, to, changes } = comparison;
  if (changes.length === 0) return <Alert tone="info">{t("compare.sameThings")}</Alert>;
  const same = comparison.competencyCount - changes.length;
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">
        {t("compare.resultHeading", { from: from.title, to: to.title })}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {t("compare.summary", { changed: changes.length, total: comparison.competencyCount, same })}
      </p>
      {changes.map((change) => (
        <Card key={change.id}>
          <CompetencyChange
            change={change}
            Heading="h3"
            competencyLink={(competency) => (
              <Link
                to={`/ladders/${ladderId}/competencies/${competency.id}`}
                className="hover:underline"
              >
                {competency.name}
              </Link>
            )}
            from={from.title}
            to={to.title}
          />
        </Card>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
