import type { ReactNode } from "react";
import type { Expectation } from "~/modules/ladders";
import { useTranslation } from "~/i18n/use-translation";
import { ExpectationList } from "./expectations";

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
