import { Form } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.versions";
import { RichText } from "~/components/ui/rich-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import { diffLadderVersions, listLadderVersions } from "~/modules/ladders/versions.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

export const meta: Route.MetaFunction = () => [{ title: "Ladder versions · Rungs" }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  await requireUser(request);
  const { ladder, hash } = await requireLadder(params.ladderId);
  const versions = await listLadderVersions(ladder.meta.id);
  const searchParams = url.searchParams;
  const asked = { from: textParam(searchParams, "from"), to: textParam(searchParams, "to") };
  const to = asked.to || versions[0]?.id || "";
  const from = asked.from || versions[1]?.id || "";
  let diff = null;
  if (from && to && (asked.from || versions.length > 1)) {
    diff = await diffLadderVersions(ladder.meta.id, from, to);
    if (!diff) throw new NotFoundError("One of those versions does not belong to this ladder.");
  }
  const levelTitles = Object.fromEntries(ladder.tracks.flatMap((t) => t.levels.map((l) => [l.id, l.title])));
  const competencyNames = Object.fromEntries(ladder.competencies.map((c) => [c.id, c.name]));
  return { currentHash: hash, versions, from, to, diff, levelTitles, competencyNames };
});

function label(version: { version: string; createdAt: Date | string; hash: string }) {
  return `${version.version} · first served ${new Date(version.createdAt).toISOString().slice(0, 16).replace("T", " ")} · ${version.hash.slice(0, 8)}`;
}

export default function Versions({ loaderData }: Route.ComponentProps) {
  const { currentHash, versions, from, to, diff, levelTitles, competencyNames } = loaderData;
  const where = (levelId: string, competencyId: string) => `${levelTitles[levelId] ?? levelId} · ${competencyNames[competencyId] ?? competencyId}`;
  const levelChanges = diff ? diff.levels.added.length + diff.levels.removed.length + diff.levels.retitled.length : 0;
  const scaleChanges = diff ? diff.scale.added.length + diff.scale.removed.length + diff.scale.changed.length : 0;
  const total = diff
    ? diff.competencies.added.length + diff.competencies.removed.length + diff.competencies.renamed.length + levelChanges + diff.expectations.added.length + diff.expectations.removed.length + diff.expectations.reworded.length + diff.targets.length + scaleChanges
    : 0;
  return (
    <>
      <PageHeader title="Versions" description="Every distinct content of this ladder is kept, so assessments and rubrics always show the version they used." />
      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold">Stored versions</h2>
        <ul className="space-y-1 text-sm">
          {versions.map((version) => (
            <li key={version.id}>
              {label(version)} {version.hash === currentHash ? <strong className="ml-1">(current)</strong> : null}
            </li>
          ))}
        </ul>
      </Card>
      {versions.length < 2 ? (
        <Alert tone="info">There is only one version so far. When the ladder&apos;s files change, the new content is stored as a new version and you can compare them here.</Alert>
      ) : (
        <>
          <Form method="get" className="no-print mb-6 flex flex-wrap items-end gap-4">
            <SelectField name="from" label="From version" defaultValue={from}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v)}
                </option>
              ))}
            </SelectField>
            <SelectField name="to" label="To version" defaultValue={to}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v)}
                </option>
              ))}
            </SelectField>
            <Button type="submit">Show changes</Button>
          </Form>
          {diff ? (
            total === 0 ? (
              <Alert tone="info">No competency, level, expectation, target or point of the rating scale differs between these versions.</Alert>
            ) : (
              <div className="space-y-4">
                {diff.competencies.added.length || diff.competencies.removed.length || diff.competencies.renamed.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">Competencies</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.competencies.added.map((c) => (
                        <li key={`a-${c.id}`}>Added: {c.name}</li>
                      ))}
                      {diff.competencies.removed.map((c) => (
                        <li key={`r-${c.id}`}>Removed: {c.name}</li>
                      ))}
                      {diff.competencies.renamed.map((c) => (
                        <li key={`n-${c.from.id}`}>
                          Renamed: {c.from.name} → {c.to.name}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {levelChanges ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">Levels</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.levels.added.map((l) => (
                        <li key={`a-${l.id}`}>Added: {l.title}</li>
                      ))}
                      {diff.levels.removed.map((l) => (
                        <li key={`r-${l.id}`}>Removed: {l.title}</li>
                      ))}
                      {diff.levels.retitled.map((l) => (
                        <li key={`t-${l.id}`}>
                          Retitled: {l.from} → {l.to}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {diff.expectations.added.length || diff.expectations.removed.length || diff.expectations.reworded.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">Expectations</h2>
                    <ul className="space-y-2 text-sm">
                      {diff.expectations.added.map((e) => (
                        <li key={`a-${e.levelId}-${e.competencyId}-${e.text}`}>
                          <span className="font-medium text-emerald-800 dark:text-emerald-300">Added</span> ({where(e.levelId, e.competencyId)}): <RichText text={e.text} inline />
                        </li>
                      ))}
                      {diff.expectations.removed.map((e) => (
                        <li key={`r-${e.levelId}-${e.competencyId}-${e.text}`}>
                          <span className="font-medium text-red-800 dark:text-red-300">Removed</span> ({where(e.levelId, e.competencyId)}): <RichText text={e.text} inline />
                        </li>
                      ))}
                      {diff.expectations.reworded.map((e) => (
                        <li key={`w-${e.levelId}-${e.competencyId}-${e.from}`}>
                          <span className="font-medium">Reworded</span> ({where(e.levelId, e.competencyId)}): <del>{e.from}</del> → <ins>{e.to}</ins>
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {diff.targets.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">Targets</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.targets.map((t) => (
                        <li key={`t-${t.levelId}-${t.competencyId ?? ""}`}>
                          {t.competencyId ? where(t.levelId, t.competencyId) : `${levelTitles[t.levelId] ?? t.levelId}, by default`}: {t.from} → {t.to}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {scaleChanges ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">Rating scale</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.scale.added.map((p) => (
                        <li key={`a-${p.value}`}>
                          Added: {p.value} {p.label}
                        </li>
                      ))}
                      {diff.scale.removed.map((p) => (
                        <li key={`r-${p.value}`}>
                          Removed: {p.value} {p.label}
                        </li>
                      ))}
                      {diff.scale.changed.map((p) => (
                        <li key={`c-${p.value}`}>
                          {p.value}: {p.from.label === p.to.label ? `${p.to.label}, meaning reworded` : `${p.from.label} → ${p.to.label}`}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
              </div>
            )
          ) : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
