import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/auth/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import { ladderOverview } from "~/modules/ladders/views";
import { personLevelOn } from "~/modules/people/service.server";
import { LadderPaths } from "~/components/ladders/ladder-paths";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "Ladder"} ladder · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requireUser(request);
  const [{ ladder }, ownLevel] = await Promise.all([requireLadder(params.ladderId), personLevelOn(viewer.id, params.ladderId ?? "")]);
  return { ...ladderOverview(ladder), ownLevel };
});

export default function LadderOverview() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`${data.name} ladder`} description={<RichText text={data.description} inline />} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Paths through the ladder</h2>
          <LadderPaths
            picture={data.paths}
            currentLevelId={data.ownLevel}
            LevelLink={({ levelId, ...props }) => <Link to={`/ladders/${data.id}/levels/${levelId}`} {...props} />}
          />
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Competencies by area</h2>
          <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
            {data.areas.map((area) => (
              <div key={area.id}>
                <h3 className="font-semibold">{area.name}</h3>
                <RichText text={area.description} className="mb-2 text-sm text-slate-600 dark:text-slate-400" />
                <ul className="space-y-1 text-sm">
                  {area.competencies.map((c) => (
                    <li key={c.id}>
                      <Link to={`/ladders/${data.id}/competencies/${c.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                        {c.name}
                      </Link>{" "}
                      <span className="text-slate-500 dark:text-slate-400">· {c.tracks}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Equivalent levels across tracks</h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Levels that sit beside each other across tracks</caption>
              <thead>
                <tr>
                  {data.trackOrder.map((t) => (
                    <th key={t.id} scope="col" className="border-b border-slate-200 py-2 pr-3 font-semibold dark:border-slate-700">
                      {t.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.equivalence.map((row, index) => (
                  <tr key={index}>
                    {row.map((level, column) => (
                      <td key={column} className="border-b border-slate-100 py-2 pr-3 dark:border-slate-800">
                        {level ? (
                          <Link to={`/ladders/${data.id}/levels/${level.id}`} className="hover:underline">
                            {level.title}
                          </Link>
                        ) : (
                          <span className="text-slate-500 dark:text-slate-400">—</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Rating scale</h2>
          <dl className="space-y-2 text-sm">
            {data.scale.map((point) => (
              <div key={point.value}>
                <dt className="font-semibold">
                  {point.value}. {point.label}
                </dt>
                <dd className="text-slate-600 dark:text-slate-300">
                  <RichText text={point.meaning} inline />
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Changelog</h2>
          {data.changelog.map((entry) => (
            <div key={entry.version} className="mb-3">
              <h3 className="font-medium">
                {entry.version} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">({entry.date})</span>
              </h3>
              <ul className="list-disc pl-5 text-sm">
                {entry.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </div>
          ))}
          <Link to={`/ladders/${data.id}/versions`} className="text-sm text-brand-600 hover:underline dark:text-brand-100">
            See what changed between stored versions
          </Link>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
