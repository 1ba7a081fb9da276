import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { getLevel, nextLevel } from "~/modules/ladders";
import { requireUser } from "~/modules/auth/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import { levelComparisonView, levelOptions, type LevelOption } from "~/modules/ladders/views";
import { personLevelOn } from "~/modules/people/service.server";
import { RichText } from "~/components/ui/rich-text";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

export const meta: MetaFunction = () => [{ title: "Compare levels · Rungs" }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requireUser(request);
  const [{ ladder }, ownLevel] = await Promise.all([requireLadder(params.ladderId), personLevelOn(viewer.id, params.ladderId ?? "")]);
  const searchParams = new URL(request.url).searchParams;
  let from = textParam(searchParams, "from");
  let to = textParam(searchParams, "to");
  // Opened without a choice: the viewer's own level against the next one up.
  if (!from && !to && ownLevel && getLevel(ladder, ownLevel)) {
    from = ownLevel;
    to = nextLevel(ladder, ownLevel)?.id ?? "";
    if (!to) return { ladderId: ladder.meta.id, options: levelOptions(ladder), from, to, ownLevel, errors: null, comparison: null };
  }
  const base = { ladderId: ladder.meta.id, options: levelOptions(ladder), from, to, ownLevel };
  if (!from && !to) return { ...base, errors: null, comparison: null };

  const errors = {
    from: from && getLevel(ladder, from) ? null : from ? `There is no level "${from}" in this ladder.` : "Choose a level.",
    to: to && getLevel(ladder, to) ? null : to ? `There is no level "${to}" in this ladder.` : "Choose a level.",
  };
  if (errors.from || errors.to) return data({ ...base, errors, comparison: null }, { status: 400 });
  return { ...base, errors: null, comparison: levelComparisonView(ladder, from, to)! };
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

type Comparison = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["comparison"]>;

export default function Compare() {
  const { ladderId, options, from, to, ownLevel, errors, comparison } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Compare two levels"
        description="What really changes from one level to another: statements made in the same words are left out, rewordings show the words that change. Works within a track or across tracks."
        actions={comparison ? <PrintButton /> : null}
      />
      <Form method="get" className="no-print mb-6 flex flex-wrap items-end gap-4">
        <LevelSelect name="from" label="From" value={from} options={options} errors={errors?.from} />
        <LevelSelect name="to" label="To" value={to} options={options} errors={errors?.to} />
        <Button type="submit">Compare</Button>
      </Form>
      {comparison ? <ComparisonResult ladderId={ladderId} comparison={comparison} /> : null}
      {!comparison && ownLevel && from === ownLevel && !to ? (
        <Alert tone="info">Your level is the top of its track; choose a level to compare it with.</Alert>
      ) : null}
    </>
  );
}

function ComparisonResult({ ladderId, comparison }: { ladderId: string; comparison: Comparison }) {
  const { from, to, changes } = comparison;
  if (changes.length === 0) return <Alert tone="info">These two levels ask for exactly the same things.</Alert>;
  const same = comparison.competencyCount - changes.length;
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">
        From {from.title} to {to.title}: what changes
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {changes.length} of {comparison.competencyCount} competencies change{same > 0 ? `; ${same} ask for the same things at both levels and are not shown` : ""}.
      </p>
      {changes.map((change) => (
        <Card key={change.id}>
          <h3 className="mb-2 font-semibold">
            <Link to={`/ladders/${ladderId}/competencies/${change.id}`} className="hover:underline">
              {change.name}
            </Link>
            {change.presence ? (
              <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">{change.presence}</span>
            ) : null}
          </h3>
          {change.target ? (
            <p className="mb-2 text-sm">
              Target rating: {change.target.from.value} {change.target.from.label} → {change.target.to.value} {change.target.to.label}
            </p>
          ) : null}
          {change.onlyInFrom.length || change.onlyInTo.length ? (
            <div className="grid gap-4 md:grid-cols-2">
              <Statements heading={`Only at ${from.title}`} texts={change.onlyInFrom} tone="from" />
              <Statements heading={`Only at ${to.title}`} texts={change.onlyInTo} tone="to" />
            </div>
          ) : null}
          {change.reworded.length ? (
            <div className="mt-3">
              <h4 className="mb-1 text-sm font-semibold">Reworded</h4>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {change.reworded.map((rewording) => (
                  <li key={rewording.from}>
                    <WordDiff words={rewording.words} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {change.unchanged > 0 ? (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              {change.unchanged === 1 ? "1 statement is" : `${change.unchanged} statements are`} the same at both levels.
            </p>
          ) : null}
        </Card>
      ))}
    </div>
  );
}

function Statements({ heading, texts, tone }: { heading: string; texts: readonly string[]; tone: "from" | "to" }) {
  return (
    <div>
      <h4 className={`mb-1 text-sm font-semibold ${tone === "to" ? "text-emerald-800 dark:text-emerald-300" : "text-slate-700 dark:text-slate-300"}`}>{heading}</h4>
      {texts.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {texts.map((text) => (
            <li key={text}>
              <RichText text={text} inline />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing</p>
      )}
    </div>
  );
}

/** A rewording: removed words struck through, added words underlined, both also said in words for screen readers. */
function WordDiff({ words }: { words: Comparison["changes"][number]["reworded"][number]["words"] }) {
  return (
    <span>
      {words.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={index} className="bg-red-50 text-red-800 line-through dark:bg-red-950 dark:text-red-200">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={index} className="bg-emerald-50 text-emerald-900 underline dark:bg-emerald-950 dark:text-emerald-200">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </span>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
