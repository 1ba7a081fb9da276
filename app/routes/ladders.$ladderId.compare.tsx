import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExpectationList } from "~/components/ladders/expectations";
import { PrintButton } from "~/components/ladders/print-button";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { compareLevels, getLevel } from "~/modules/ladders";
import { requireUser } from "~/modules/auth/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import { levelOptions, type LevelOption } from "~/modules/ladders/views";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

export const meta: MetaFunction = () => [{ title: "Compare levels · Rungs" }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  await requireUser(request);
  const { ladder } = await requireLadder(params.ladderId);
  const searchParams = new URL(request.url).searchParams;
  const from = textParam(searchParams, "from");
  const to = textParam(searchParams, "to");
  const options = levelOptions(ladder);
  const base = { ladderId: ladder.meta.id, options, from, to };
  if (!from && !to) return { ...base, errors: null, comparison: null };

  const errors = {
    from: from && getLevel(ladder, from) ? null : from ? `There is no level "${from}" in this ladder.` : "Choose a level.",
    to: to && getLevel(ladder, to) ? null : to ? `There is no level "${to}" in this ladder.` : "Choose a level.",
  };
  if (errors.from || errors.to) return data({ ...base, errors, comparison: null }, { status: 400 });
  const result = compareLevels(ladder, from, to)!;
  return {
    ...base,
    errors: null,
    comparison: {
      from: { id: result.levelA.id, title: result.levelA.title },
      to: { id: result.levelB.id, title: result.levelB.title },
      changes: result.changes.map((change) => ({
        id: change.competency.id,
        name: change.competency.name,
        presence: change.presence,
        onlyInFrom: change.onlyInA,
        onlyInTo: change.onlyInB,
      })),
    },
  };
});

function LevelSelect({ name, label, value, options, errors }: { name: string; label: string; value: string; options: LevelOption[]; errors: string | null | undefined }) {
  const tracks = [...new Map(options.map((o) => [o.trackId, o.trackName])).entries()];
  return (
    <SelectField name={name} label={label} defaultValue={value} errors={errors ? [errors] : null} className="min-w-56">
      <option value="">Choose a level</option>
      {tracks.map(([trackId, trackName]) => (
        <optgroup key={trackId} label={trackName}>
          {options
            .filter((o) => o.trackId === trackId)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

export default function Compare() {
  const { ladderId, options, from, to, errors, comparison } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Compare two levels"
        description="Only what changes: what one level asks that the other does not. Works within a track or across tracks."
        actions={comparison ? <PrintButton /> : null}
      />
      <Form method="get" className="no-print mb-6 flex flex-wrap items-end gap-4">
        <LevelSelect name="from" label="From" value={from} options={options} errors={errors?.from} />
        <LevelSelect name="to" label="To" value={to} options={options} errors={errors?.to} />
        <Button type="submit">Compare</Button>
      </Form>
      {comparison ? (
        comparison.changes.length === 0 ? (
          <Alert tone="info">These two levels ask for exactly the same things.</Alert>
        ) : (
          <div className="space-y-4">
            <h2 className="text-lg font-semibold">
              What {comparison.to.title} asks that {comparison.from.title} does not, and the reverse
            </h2>
            {comparison.changes.map((change) => (
              <Card key={change.id}>
                <h3 className="mb-3 font-semibold">
                  <Link to={`/ladders/${ladderId}/competencies/${change.id}`} className="hover:underline">
                    {change.name}
                  </Link>
                  {change.presence !== "both" ? (
                    <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                      Only in {change.presence === "only-a" ? comparison.from.title : comparison.to.title}&apos;s track
                    </span>
                  ) : null}
                </h3>
                <div className="grid gap-4 md:grid-cols-2">
                  <div>
                    <h4 className="mb-1 text-sm font-semibold text-emerald-800 dark:text-emerald-300">Only at {comparison.to.title}</h4>
                    <ExpectationList expectations={change.onlyInTo} />
                  </div>
                  <div>
                    <h4 className="mb-1 text-sm font-semibold text-slate-600 dark:text-slate-400">Only at {comparison.from.title}</h4>
                    <ExpectationList expectations={change.onlyInFrom} />
                  </div>
                </div>
              </Card>
            ))}
          </div>
        )
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
