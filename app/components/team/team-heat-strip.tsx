import { wordsOf, type Message } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { ScalePoint } from "~/modules/ladders";
import type { RatingsProfile } from "~/modules/team/overview.server";

/**
 * The element around the strips and their legend: its cells' styles (app/tailwind.css) are keyed by
 * each cell's `data-heat` attribute, so a page of strips, hundreds of cells, carries no class per cell.
 */
export const heatCellsClass = "heat";

function heat(rating: number | null): string {
  return rating !== null && rating >= 1 && rating <= 4 ? `h${rating}` : "h0";
}

/** A cell's tooltip, its competency and rating, to be worded (team namespace); the competency is named by the caller, in case the ladder has no name for it. */
export function cellTitle(
  rating: number | null,
  competency: string,
  labels: ReadonlyMap<number, string>,
): Message {
  if (rating === null || !Number.isInteger(rating))
    return { key: "team:heat.cellNotRated", values: { competency } };
  const label = labels.get(rating);
  return label
    ? { key: "team:heat.cellRatedLabel", values: { competency, rating, label } }
    : { key: "team:heat.cellRated", values: { competency, rating } };
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
 * to assistive technology, named (through its title) by a sentence that lists every competency and
 * its rating. A cell's own tooltip (its competency and rating) is given as the pointer reaches it:
 * written into the page, a tooltip on every cell was a sixth of its HTML.
 *
 * The cells are written as one string of markup (cellsMarkup): they are numbers and fixed
 * attributes only, and as React elements hundreds of cells were the largest part of the team
 * overview's server rendering.
 */
export function TeamHeatStrip({
  profile,
  names,
  labels,
}: {
  profile: RatingsProfile | null;
  names: readonly string[];
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
  const { ratings } = profile;
  return (
    <div>
      <div
        role="img"
        title={t("heat.sentence", { ratings: sentence })}
        className="flex gap-0.5"
        onMouseOver={(event) => {
          const cell = event.target instanceof Element ? event.target.closest("[data-heat]") : null;
          if (!(cell instanceof HTMLElement) || cell.title) return;
          const index = Array.prototype.indexOf.call(event.currentTarget.children, cell);
          cell.title = wordsOf(
            t,
            cellTitle(ratings[index] ?? null, names[index] ?? t("heat.competency"), labels),
          );
        }}
        dangerouslySetInnerHTML={{ __html: cellsMarkup(ratings) }}
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
