import type { ReactNode } from "react";
import type { Expectation } from "~/modules/ladders";
import type { trackMatrix } from "~/modules/ladders/views";
import { useTranslation } from "~/i18n/use-translation";
import { ExpectationList } from "./expectations";
import { useLadderFormats } from "./formats";

/**
 * Parts of a track's matrix (competencies by levels) that the app's track page and the published
 * ladder site (app/modules/ladders/site) both show. Free of the router.
 */

/** Printed, the matrix is as wide as the ladder: landscape paper, every level on the page (a `<style>` of the track's page). */
export const landscapePrint = "@page { size: A4 landscape; margin: 10mm; }";

/** The row that opens an area's group of competencies: the area's name across every column. */
export function MatrixAreaRow({ name, columns }: { name: string; columns: number }) {
  return (
    <tr>
      <th
        scope="colgroup"
        colSpan={columns}
        className="bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:bg-slate-950 dark:text-slate-400"
      >
        {name}
      </th>
    </tr>
  );
}

/** What a cell holds: the competency's expectations at the level, then `note` if any; or that it is not expected there. */
export function MatrixCell({
  applies,
  expectations,
  note = null,
}: {
  applies: boolean;
  expectations: readonly Expectation[];
  note?: ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return applies ? (
    <>
      <ExpectationList expectations={expectations} compact />
      {note}
    </>
  ) : (
    <p className="text-xs italic text-slate-600 dark:text-slate-300">
      {t("expectations.notExpectedCell")}
    </p>
  );
}

type Matrix = NonNullable<ReturnType<typeof trackMatrix>>;

/** A link the page draws its own way (the router's `Link` in the app, a relative `<a>` on the site). */
export type MatrixLink = (props: {
  id: string;
  className: string;
  children: ReactNode;
}) => ReactNode;

/**
 * The track's table, the same markup in the app and on the published site: `LevelLink` and
 * `CompetencyLink` make the headers' links, and the column of `ownLevel` (the viewer's level, none
 * on the site) is marked.
 */
export function TrackMatrixTable({
  matrix,
  ownLevel = null,
  LevelLink,
  CompetencyLink,
}: {
  matrix: Matrix;
  ownLevel?: string | null;
  LevelLink: MatrixLink;
  CompetencyLink: MatrixLink;
}) {
  const { t } = useTranslation("ladders");
  const f = useLadderFormats();
  const own = (levelId: string) => levelId === ownLevel;
  return (
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
                <LevelLink id={level.id} className="hover:underline">
                  {level.title}
                </LevelLink>
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
                  <CompetencyLink id={row.id} className="hover:underline">
                    {row.name}
                  </CompetencyLink>
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
  );
}
