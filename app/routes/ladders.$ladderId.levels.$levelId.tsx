import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferenceLinks } from "~/components/ladders/reference-links";
import { ExpectationList, InheritedMark } from "~/components/ladders/expectations";
import { PrintButton } from "~/components/ladders/print-button";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/auth/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import { levelView } from "~/modules/ladders/views";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.level.title ?? "Level"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  await requireUser(request);
  const { ladder } = await requireLadder(params.ladderId);
  const view = levelView(ladder, params.levelId ?? "");
  if (!view) throw new NotFoundError("This ladder has no such level.");
  return { ladderId: ladder.meta.id, view };
});

export default function LevelPage() {
  const { ladderId, view } = useLoaderData<typeof loader>();
  const base = `/ladders/${ladderId}`;
  const main = view.targets[0]!;
  return (
    <>
      <PageHeader
        title={view.level.title}
        description={
          <>
            {view.level.alsoTitled.length ? <span className="block font-medium">Also titled {view.level.alsoTitled.join(", ")}</span> : null}
            <RichText text={view.level.summary} inline />
          </>
        }
        actions={
          <>
            {view.next ? (
              <Link to={`${base}/compare?from=${view.level.id}&to=${view.next.id}`} className={buttonClass("secondary")}>
                What {view.next.title} adds
              </Link>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <div className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-600 dark:text-slate-300">
        <span>
          {view.targets.length === 1
            ? `Target rating: ${main.value} (${main.label})`
            : `Target ratings: ${view.targets.map((target) => `${target.value} (${target.label}) for ${target.competencies} ${target.competencies === 1 ? "competency" : "competencies"}`).join(", ")}; each competency shows its own where it is not ${main.value}`}
        </span>
        {view.notApplying.length ? <span>Not expected at this level: {view.notApplying.map((competency) => competency.name).join(", ")}</span> : null}
        <span>
          Track:{" "}
          <Link to={`${base}/tracks/${view.track.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
            {view.track.name}
          </Link>
        </span>
        {view.previous ? (
          <span>
            Previous:{" "}
            <Link to={`${base}/levels/${view.previous.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
              {view.previous.title}
            </Link>
          </span>
        ) : null}
        {view.next ? (
          <span>
            Next:{" "}
            <Link to={`${base}/levels/${view.next.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
              {view.next.title}
            </Link>
          </span>
        ) : null}
        {view.branches.length ? (
          <span>
            Other paths from here:{" "}
            {view.branches.map((branch, index) => (
              <span key={branch.levelId}>
                {index > 0 ? ", " : null}
                <Link to={`${base}/levels/${branch.levelId}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                  {branch.title}
                </Link>{" "}
                ({branch.trackName})
              </span>
            ))}
          </span>
        ) : null}
        {view.equivalents.length ? (
          <span>
            Sits beside:{" "}
            {view.equivalents.map((other, index) => (
              <span key={other.id}>
                {index > 0 ? ", " : null}
                <Link to={`${base}/levels/${other.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                  {other.title}
                </Link>{" "}
                ({other.trackName})
              </span>
            ))}
          </span>
        ) : null}
      </div>
      {view.sublevels.length ? (
        <Card className="mb-6">
          <h2 className="mb-3 text-lg font-semibold">Sub-levels</h2>
          <ol className="space-y-2 text-sm">
            {view.sublevels.map((sublevel) => (
              <li key={sublevel.id} id={`sublevel-${sublevel.id}`}>
                <span className="font-medium">{sublevel.title}</span>
                {sublevel.summary ? (
                  <>
                    {": "}
                    <RichText text={sublevel.summary} inline />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      <div className="space-y-6">
        {view.areas.map((area) => (
          <Card key={area.id}>
            <h2 className="mb-4 text-lg font-semibold">{area.name}</h2>
            <div className="space-y-5">
              {area.competencies.map((competency) => (
                <section key={competency.id} id={competency.id} aria-labelledby={`${competency.id}-heading`} className="scroll-mt-4">
                  <h3 id={`${competency.id}-heading`} className="font-semibold">
                    <Link to={`${base}/competencies/${competency.id}`} className="hover:underline">
                      {competency.name}
                    </Link>
                    {competency.inheritedFrom ? <InheritedMark from={competency.inheritedFrom} /> : null}
                  </h3>
                  <RichText text={competency.description} className="mb-2 text-sm text-slate-500 dark:text-slate-400" />
                  <ExpectationList expectations={competency.expectations} />
                  <ReferenceLinks links={competency.links} heading={`References for ${competency.name}`} />
                  {competency.target.value !== main.value ? (
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                      Target at this level: {competency.target.value} ({competency.target.label})
                    </p>
                  ) : null}
                </section>
              ))}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
