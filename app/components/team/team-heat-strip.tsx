import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { ScalePoint } from "~/modules/ladders";
import type { RatingsProfile } from "~/modules/team/overview.server";

/**
 * The element around the strips and their legend: its cells' styles (app/tailwind.css) are keyed by
 * each cell's `data-heat` attribute, so a page of strips, hundreds of cells, carries no class per cell.
 */
export const heatCellsClass = "heat";

/** A cell's `data-heat`: its whole rating (h1 to h4 are shaded), or n for none. */
function heat(rating: number | null): string {
  return rating !== null && Number.isInteger(rating) ? `h${rating}` : "n";
}

/** A string in a stylesheet: quoted, and nothing in it can end the string or the `<style>`. */
function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r\f]/g, " ")
    .replace(/</g, "\\3c ")}"`;
}

/**
 * Each cell's tooltip, its competency and rating, as the pointer reaches it, with or without the
 * app's scripts (decision 136): one rule per competency of each track on the page and one per scale
 * point, not a title on every cell (on every cell, they were a sixth of the page's HTML). The
 * strips say which track they are (`set`, an index into `tracks`' keys).
 */
export function TeamHeatTooltips({
  tracks,
  scale,
}: {
  tracks: Record<string, readonly string[]>;
  scale: readonly Pick<ScalePoint, "value" | "label">[];
}) {
  const { t } = useTranslation("team");
  let css = `.heat [data-heat="n"]{--heat-rating:${cssString(t("heat.cellNoRating"))}}`;
  // A cell past its track's names (as the strip's sentence says it, "Competency") still has a tooltip:
  // without a value for the property, the tooltip's whole content would be dropped.
  css += `.heat [data-set]>*{--heat-competency:${cssString(t("heat.cellCompetency", { competency: t("heat.competency") }))}}`;
  for (const point of scale) {
    const rating = point.label
      ? t("heat.cellRatingLabel", { rating: point.value, label: point.label })
      : t("heat.cellRating", { rating: point.value });
    css += `.heat [data-heat="h${point.value}"]{--heat-rating:${cssString(rating)}}`;
  }
  Object.values(tracks).forEach((names, set) =>
    names.forEach((competency, index) => {
      css += `.heat [data-set="${set}"]>:nth-child(${index + 1}){--heat-competency:${cssString(t("heat.cellCompetency", { competency }))}}`;
    }),
  );
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

/** The cells' markup: a shade and a number each. Only a whole number is ever written. */
function cellsMarkup(ratings: readonly (number | null)[]): string {
  let markup = "";
  for (const rating of ratings)
    markup += `<span data-heat="${heat(rating)}">${rating !== null && Number.isInteger(rating) ? String(rating) : "–"}</span>`;
  return markup;
}

/**
 * One person's latest submitted ratings, one small cell per competency in ladder order, inside an
 * element with heatCellsClass, and under it the assessment they come from. The strip is one image
 * to assistive technology, named by a sentence that lists every competency and its rating. A cell's
 * own tooltip (its competency and rating) comes from the page's TeamHeatTooltips.
 *
 * The cells are written as one string of markup (cellsMarkup): they are numbers and fixed
 * attributes only, and as React elements hundreds of cells were the largest part of the team
 * overview's server rendering.
 */
export function TeamHeatStrip({
  profile,
  names,
  set,
  labels,
}: {
  profile: RatingsProfile | null;
  names: readonly string[];
  /** Which of the page's tracks the names are (TeamHeatTooltips). */
  set: number;
  labels: ReadonlyMap<number, string>;
}) {
  const { t, i18n } = useTranslation("team");
  const f = useFormats();
  if (!profile) return <span className="muted text-sm">{t("heat.none")}</span>;
  const source = profile.cycleName
    ? t("heat.source", { kind: profile.kind, cycle: profile.cycleName })
    : t("heat.sourceOutsideCycle", { kind: profile.kind });
  // The source is the line under the strip, read next.
  const separator = t("heat.separator");
  const worded = wordedOnPage(labels);
  let sentence = "";
  profile.ratings.forEach((rating, index) => {
    const competency = names[index] ?? t("heat.competency");
    const key = `${i18n.language}\u0000${rating}\u0000${competency}`;
    let words = worded.get(key);
    if (words === undefined) {
      const label = rating === null ? undefined : labels.get(rating);
      words =
        rating === null
          ? t("heat.notRated", { competency })
          : label
            ? t("heat.ratedLabel", { competency, rating, label })
            : t("heat.rated", { competency, rating });
      worded.set(key, words);
    }
    sentence += `${index ? separator : ""}${words}`;
  });
  return (
    <div>
      <div
        role="img"
        aria-label={t("heat.sentence", { ratings: sentence })}
        data-set={set}
        className="flex gap-0.5"
        dangerouslySetInnerHTML={{ __html: cellsMarkup(profile.ratings) }}
      />
      <p className="muted mt-0.5 text-xs">{`${source}${profile.submittedAt ? ` · ${f.day(profile.submittedAt)}` : ""}`}</p>
    </div>
  );
}

/**
 * Each competency and rating worded once per page: a page of 250 strips of 17 competencies words
 * about a hundred distinct pairs, not 4,000. Keyed by the page's labels (scaleLabels), which are
 * made once per page, and by language.
 */
const wordedPages = new WeakMap<ReadonlyMap<number, string>, Map<string, string>>();

function wordedOnPage(labels: ReadonlyMap<number, string>): Map<string, string> {
  let worded = wordedPages.get(labels);
  if (!worded) wordedPages.set(labels, (worded = new Map()));
  return worded;
}

/** The scale's labels by value, for TeamHeatStrip: made once per page, not once per strip. */
export function scaleLabels(
  scale: readonly Pick<ScalePoint, "value" | "label">[],
): ReadonlyMap<number, string> {
  return new Map(scale.map((point) => [point.value, point.label]));
}

/** What the numbers and shades mean; inside an element with heatCellsClass. */
export function TeamHeatLegend({
  scale,
}: {
  scale: readonly Pick<ScalePoint, "value" | "label">[];
}) {
  const { t } = useTranslation("team");
  if (!scale.length) return null;
  return (
    <ul
      className="subtle flex flex-wrap items-center gap-x-4 gap-y-1 text-xs"
      aria-label={t("heat.scale")}
    >
      {[
        ...scale.map((point) => ({
          value: point.value as number | null,
          text: t("heat.scalePoint", { value: point.value, label: point.label }),
        })),
        { value: null, text: t("heat.legendNotRated") },
      ].map((entry) => (
        <li key={entry.text} className="flex items-center gap-1.5">
          <span aria-hidden="true" data-heat={heat(entry.value)}>
            {entry.value ?? "–"}
          </span>
          {entry.text}
        </li>
      ))}
    </ul>
  );
}
