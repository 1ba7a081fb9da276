import type { ScalePoint } from "~/modules/ladders";
import type { RatingsProfile } from "~/modules/team/overview.server";
import { formatDay } from "~/components/cycles/cycle-badges";

/**
 * Styles for every heat cell inside the element that carries this class, keyed by the
 * cell's `data-heat` attribute: a page of fifty strips has 850 cells, and one class
 * list per page instead of one per cell keeps its HTML a fraction of the size. Darker
 * is higher; the number is always printed, so the strip reads the same without colour.
 */
export const heatCellsClass = [
  "[&_[data-heat]]:grid [&_[data-heat]]:h-6 [&_[data-heat]]:w-5 [&_[data-heat]]:place-items-center [&_[data-heat]]:rounded-sm [&_[data-heat]]:text-xs [&_[data-heat]]:font-semibold [&_[data-heat]]:tabular-nums",
  "[&_[data-heat=h0]]:bg-slate-100 [&_[data-heat=h0]]:text-slate-500 dark:[&_[data-heat=h0]]:bg-slate-800 dark:[&_[data-heat=h0]]:text-slate-400",
  "[&_[data-heat=h1]]:bg-rose-100 [&_[data-heat=h1]]:text-rose-950 dark:[&_[data-heat=h1]]:bg-rose-950 dark:[&_[data-heat=h1]]:text-rose-100",
  "[&_[data-heat=h2]]:bg-amber-100 [&_[data-heat=h2]]:text-amber-950 dark:[&_[data-heat=h2]]:bg-amber-900 dark:[&_[data-heat=h2]]:text-amber-50",
  "[&_[data-heat=h3]]:bg-emerald-200 [&_[data-heat=h3]]:text-emerald-950 dark:[&_[data-heat=h3]]:bg-emerald-800 dark:[&_[data-heat=h3]]:text-emerald-50",
  "[&_[data-heat=h4]]:bg-emerald-600 [&_[data-heat=h4]]:text-white dark:[&_[data-heat=h4]]:bg-emerald-500 dark:[&_[data-heat=h4]]:text-emerald-950",
].join(" ");

function heat(rating: number | null): string {
  return rating !== null && rating >= 1 && rating <= 4 ? `h${rating}` : "h0";
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

/**
 * The cells' markup: each a number and a tooltip naming its competency and rating. Only a
 * whole number is ever written as the number; names and labels are escaped.
 */
function cellsMarkup(ratings: readonly (number | null)[], names: readonly string[], labels: ReadonlyMap<number, string>): string {
  let markup = "";
  ratings.forEach((rating, index) => {
    const whole = rating !== null && Number.isInteger(rating);
    const label = whole ? labels.get(rating) : undefined;
    const title = `${names[index] ?? "Competency"}: ${whole ? `${rating}${label ? ` ${label}` : ""}` : "not rated"}`;
    markup += `<span data-heat="${heat(rating)}" title="${escapeHtml(title)}">${whole ? String(rating) : "–"}</span>`;
  });
  return markup;
}

/**
 * One person's latest submitted ratings, one small cell per competency in ladder order,
 * inside an element with heatCellsClass. The strip is one image to assistive technology,
 * named (through its title) by a sentence that lists every competency and rating; each cell's
 * own tooltip names its competency and rating for sighted readers.
 *
 * The cells are written as one string of markup: they are numbers and fixed attributes
 * only (cellsMarkup), and a page of 25 strips is 400 cells, which as React elements were
 * the largest part of the team overview's server rendering.
 */
export function TeamHeatStrip({ profile, names, labels }: { profile: RatingsProfile | null; names: readonly string[]; labels: ReadonlyMap<number, string> }) {
  if (!profile) return <span className="text-sm text-slate-500 dark:text-slate-400">No submitted assessment yet</span>;
  const source = `${profile.kind === "manager" ? "Manager review" : "Self-assessment"}${profile.cycleName ? `, ${profile.cycleName}` : ", outside a cycle"}`;
  let sentence = `${source}: `;
  profile.ratings.forEach((rating, index) => {
    const label = rating === null ? undefined : labels.get(rating);
    sentence += `${index ? ", " : ""}${names[index] ?? "Competency"} ${rating === null ? "not rated" : label ? `${rating} (${label})` : rating}`;
  });
  return (
    <div>
      <div role="img" title={`${sentence}.`} className="flex gap-0.5" dangerouslySetInnerHTML={{ __html: cellsMarkup(profile.ratings, names, labels) }} />
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        {source}
        {profile.submittedAt ? ` · ${formatDay(profile.submittedAt)}` : ""}
      </p>
    </div>
  );
}

/** The scale's labels by value, for TeamHeatStrip: made once per page, not once per strip. */
export function scaleLabels(scale: readonly ScalePoint[]): ReadonlyMap<number, string> {
  return new Map(scale.map((point) => [point.value, point.label]));
}

/** What the numbers and shades mean; inside an element with heatCellsClass. */
export function TeamHeatLegend({ scale }: { scale: ScalePoint[] }) {
  if (!scale.length) return null;
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Rating scale">
      {[...scale.map((point) => ({ value: point.value as number | null, text: `${point.value} = ${point.label}` })), { value: null, text: "not rated" }].map((entry) => (
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
