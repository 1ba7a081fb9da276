import { Form } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.versions";
import { RichText } from "~/components/ui/rich-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadder } from "~/modules/ladders/registry.server";
import {
  diffLadderVersions,
  listLadderVersions,
  requireLadderOfVersion,
} from "~/modules/ladders/versions.server";
import { withRichText } from "~/modules/ladders/translations";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("ladders:versions.title") },
];

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
    if (!diff) throw new NotFoundError({ key: "ladders:errors.versionNotInLadder" });
  }
  const levelTitles = Object.fromEntries(
    ladder.tracks.flatMap((t) => t.levels.map((l) => [l.id, l.title])),
  );
  const competencyNames = Object.fromEntries(ladder.competencies.map((c) => [c.id, c.name]));
  // The compared versions' texts with Markdown, as HTML (decision 129).
  const compared = diff ? await Promise.all([from, to].map(requireLadderOfVersion)) : [];
  return withRichText(
    { currentHash: hash, versions, from, to, diff, levelTitles, competencyNames },
    compared,
  );
});

export default function Versions({ loaderData }: Route.ComponentProps) {
  const { currentHash, versions, from, to, diff, levelTitles, competencyNames } = loaderData;
  const { t } = useTranslation("ladders");
  const f = useFormats();
  const label = (version: { version: string; createdAt: Date | string; hash: string }) =>
    t("versions.label", {
      version: version.version,
      when: f.dateTime(version.createdAt),
      hash: version.hash.slice(0, 8),
    });
  const where = (levelId: string, competencyId: string) =>
    t("versions.where", {
      level: levelTitles[levelId] ?? levelId,
      competency: competencyNames[competencyId] ?? competencyId,
    });
  const levelChanges = diff
    ? diff.levels.added.length + diff.levels.removed.length + diff.levels.retitled.length
    : 0;
  const scaleChanges = diff
    ? diff.scale.added.length + diff.scale.removed.length + diff.scale.changed.length
    : 0;
  const total = diff
    ? diff.competencies.added.length +
      diff.competencies.removed.length +
      diff.competencies.renamed.length +
      levelChanges +
      diff.expectations.added.length +
      diff.expectations.removed.length +
      diff.expectations.reworded.length +
      diff.targets.length +
      scaleChanges
    : 0;
  return (
    <>
      <PageHeader title={t("versions.heading")} description={t("versions.description")} />
      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold">{t("versions.stored")}</h2>
        <ul className="space-y-1 text-sm">
          {versions.map((version) => (
            <li key={version.id}>
              {label(version)}{" "}
              {version.hash === currentHash ? (
                <strong className="ms-1">{t("versions.current")}</strong>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      {versions.length < 2 ? (
        <Alert tone="info">{t("versions.onlyOne")}</Alert>
      ) : (
        <>
          <Form method="get" className="no-print mb-6 flex flex-wrap items-end gap-4">
            <SelectField name="from" label={t("versions.from")} defaultValue={from}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v)}
                </option>
              ))}
            </SelectField>
            <SelectField name="to" label={t("versions.to")} defaultValue={to}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v)}
                </option>
              ))}
            </SelectField>
            <Button type="submit">{t("versions.show")}</Button>
          </Form>
          {diff ? (
            total === 0 ? (
              <Alert tone="info">{t("versions.noChanges")}</Alert>
            ) : (
              <div className="space-y-4">
                {diff.competencies.added.length ||
                diff.competencies.removed.length ||
                diff.competencies.renamed.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">{t("versions.competencies")}</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.competencies.added.map((c) => (
                        <li key={`a-${c.id}`}>{t("versions.added", { name: c.name })}</li>
                      ))}
                      {diff.competencies.removed.map((c) => (
                        <li key={`r-${c.id}`}>{t("versions.removed", { name: c.name })}</li>
                      ))}
                      {diff.competencies.renamed.map((c) => (
                        <li key={`n-${c.from.id}`}>
                          {t("versions.renamed", { from: c.from.name, to: c.to.name })}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {levelChanges ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">{t("versions.levels")}</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.levels.added.map((l) => (
                        <li key={`a-${l.id}`}>{t("versions.added", { name: l.title })}</li>
                      ))}
                      {diff.levels.removed.map((l) => (
                        <li key={`r-${l.id}`}>{t("versions.removed", { name: l.title })}</li>
                      ))}
                      {diff.levels.retitled.map((l) => (
                        <li key={`t-${l.id}`}>
                          {t("versions.retitled", { from: l.from, to: l.to })}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {diff.expectations.added.length ||
                diff.expectations.removed.length ||
                diff.expectations.reworded.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">{t("versions.expectations")}</h2>
                    <ul className="space-y-2 text-sm">
                      {diff.expectations.added.map((e) => (
                        <li key={`a-${e.levelId}-${e.competencyId}-${e.text}`}>
                          <span className="font-medium text-emerald-800 dark:text-emerald-300">
                            {t("versions.addedMark")}
                          </span>{" "}
                          {t("versions.place", { place: where(e.levelId, e.competencyId) })}{" "}
                          <RichText text={e.text} inline />
                        </li>
                      ))}
                      {diff.expectations.removed.map((e) => (
                        <li key={`r-${e.levelId}-${e.competencyId}-${e.text}`}>
                          <span className="font-medium text-red-800 dark:text-red-300">
                            {t("versions.removedMark")}
                          </span>{" "}
                          {t("versions.place", { place: where(e.levelId, e.competencyId) })}{" "}
                          <RichText text={e.text} inline />
                        </li>
                      ))}
                      {diff.expectations.reworded.map((e) => (
                        <li key={`w-${e.levelId}-${e.competencyId}-${e.from}`}>
                          <span className="font-medium">{t("versions.rewordedMark")}</span>{" "}
                          {t("versions.place", { place: where(e.levelId, e.competencyId) })}{" "}
                          <del>{e.from}</del> {t("versions.arrow")} <ins>{e.to}</ins>
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {diff.targets.length ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">{t("versions.targets")}</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.targets.map((target) => (
                        <li key={`t-${target.levelId}-${target.competencyId ?? ""}`}>
                          {t("versions.targetChange", {
                            place: target.competencyId
                              ? where(target.levelId, target.competencyId)
                              : t("versions.byDefault", {
                                  level: levelTitles[target.levelId] ?? target.levelId,
                                }),
                            from: target.from,
                            to: target.to,
                          })}
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null}
                {scaleChanges ? (
                  <Card>
                    <h2 className="mb-2 font-semibold">{t("versions.ratingScale")}</h2>
                    <ul className="space-y-1 text-sm">
                      {diff.scale.added.map((p) => (
                        <li key={`a-${p.value}`}>
                          {t("versions.pointAdded", { value: p.value, label: p.label })}
                        </li>
                      ))}
                      {diff.scale.removed.map((p) => (
                        <li key={`r-${p.value}`}>
                          {t("versions.pointRemoved", { value: p.value, label: p.label })}
                        </li>
                      ))}
                      {diff.scale.changed.map((p) => (
                        <li key={`c-${p.value}`}>
                          {p.from.label === p.to.label
                            ? t("versions.pointReworded", { value: p.value, label: p.to.label })
                            : t("versions.pointRelabelled", {
                                value: p.value,
                                from: p.from.label,
                                to: p.to.label,
                              })}
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
