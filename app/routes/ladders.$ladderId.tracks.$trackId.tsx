import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.tracks.$trackId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { landscapePrint, MatrixAreaRow, MatrixCell } from "~/components/ladders/track-matrix";
import { marks, Sentence } from "~/components/ladders/sentence";
import { PointsScheme } from "~/components/ladders/points-scheme";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { personLevelOn } from "~/modules/people/service.server";
import { trackMatrix } from "~/modules/ladders/views";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("ladders:track.title", { track: loaderData.matrix.track.name })
      : metaT(matches)("ladders:track.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [{ ladder, marked }, ownLevel] = await Promise.all([
    requireLadderIn(params.ladderId, languageOf(context)),
    personLevelOn(viewer.id, params.ladderId ?? ""),
  ]);
  const matrix = trackMatrix(ladder, params.trackId ?? "");
  if (!matrix) throw new NotFoundError({ key: "ladders:errors.noSuchTrack" });
  return marked({ ladderId: ladder.meta.id, matrix, ownLevel });
});

export default function TrackMatrix({ loaderData }: Route.ComponentProps) {
  const { ladderId, matrix, ownLevel } = loaderData;
  const own = (levelId: string) => levelId === ownLevel;
  const base = `/ladders/${ladderId}`;
  const { t } = useTranslation("ladders");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={matrix.track.name}
        description={<RichText text={matrix.track.description} inline />}
        actions={<PrintButton />}
      />
      {matrix.branch ? (
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          <Sentence
            words={t("track.branch", {
              ...marks("track"),
              level: matrix.branch.shared.at(-1)?.title ?? "",
              shared: f.list(matrix.branch.shared.map((level) => level.title)),
              count: matrix.branch.shared.length,
            })}
            elements={{
              track: (
                <Link
                  to={`${base}/tracks/${matrix.branch.trackId}`}
                  className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                >
                  {matrix.branch.trackName}
                </Link>
              ),
            }}
          />
        </p>
      ) : null}
      <style>{landscapePrint}</style>
      <div className="print-fit overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table className="min-w-[64rem] border-collapse text-start align-top">
          <colgroup>
            <col className="w-48 print:w-[16%]" />
            {matrix.levels.map((level) => (
              <col key={level.id} />
            ))}
          </colgroup>
          <caption className="sr-only">{t("track.caption", { track: matrix.track.name })}</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th
                scope="col"
                className="sticky start-0 z-10 w-48 bg-slate-100 p-3 text-sm font-semibold dark:bg-slate-800"
              >
                {t("track.competency")}
              </th>
              {matrix.levels.map((level) => (
                <th
                  key={level.id}
                  scope="col"
                  className={`min-w-56 p-3 text-sm font-semibold ${own(level.id) ? "bg-brand-50 dark:bg-slate-800" : ""}`}
                >
                  <Link to={`${base}/levels/${level.id}`} className="hover:underline">
                    {level.title}
                  </Link>
                  {level.alsoTitled.length ? (
                    <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
                      {t("track.alsoTitled", { titles: f.list(level.alsoTitled) })}
                    </span>
                  ) : null}
                  {own(level.id) ? (
                    <>
                      {" "}
                      <span className="ms-1 whitespace-nowrap rounded bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white">
                        {t("track.yourLevel")}
                      </span>
                    </>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          {matrix.areas.map((area) => (
            <tbody key={area.id}>
              <MatrixAreaRow name={area.name} columns={matrix.levels.length + 1} />
              {area.rows.map((row) => (
                <tr
                  key={row.id}
                  id={row.id}
                  className="border-t border-slate-200 align-top dark:border-slate-700"
                >
                  <th
                    scope="row"
                    className="sticky start-0 z-10 bg-white p-3 text-sm font-medium dark:bg-slate-900"
                  >
                    <Link to={`${base}/competencies/${row.id}`} className="hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  {row.cells.map((expectations, index) => (
                    <td
                      key={matrix.levels[index]!.id}
                      className={`p-3 ${own(matrix.levels[index]!.id) ? "bg-brand-50/60 dark:bg-slate-800/60" : ""}`}
                    >
                      <MatrixCell
                        applies={row.applies[index]!}
                        expectations={expectations}
                        note={
                          row.targets[index] !== null &&
                          row.targets[index] !== matrix.levels[index]!.target ? (
                            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                              {t("track.target", { target: row.targets[index] })}
                            </p>
                          ) : null
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {matrix.points ? (
        <Card className="mt-6">
          <PointsScheme points={matrix.points} />
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
