import type { ReactNode } from "react";
import type { LadderPathsPicture } from "~/modules/ladders/paths";
import { useLadderFormats } from "~/components/ladders/formats";
import { useTranslation } from "~/i18n/use-translation";

const LANE = 100;
const COLUMN = 100;
const PAD = 6;

/**
 * The ladder's paths as a picture: one lane per track, a box per level (a link to it), lines
 * between a track's levels and a curve where a track splits off another. The lines are drawn
 * in an SVG behind a CSS grid of links, so the boxes stay real, focusable links; the sentences
 * under the picture say in words what the curves show.
 */
export interface LevelLinkProps {
  levelId: string;
  className: string;
  "aria-current"?: "location";
  children: ReactNode;
}

/** Free of the router, so the published ladder site (app/modules/ladders/site) draws the same picture: `LevelLink` makes each box's link. */
export function LadderPaths({
  picture,
  currentLevelId,
  LevelLink,
}: {
  picture: LadderPathsPicture;
  currentLevelId: string | null;
  LevelLink: (props: LevelLinkProps) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  const f = useLadderFormats();
  const { columns, lanes } = picture;
  const laneOf = new Map(
    lanes.flatMap((lane, index) =>
      lane.levels.map((level) => [level.id, { lane: index, column: level.column }] as const),
    ),
  );
  const lines: string[] = [];
  lanes.forEach((lane, index) => {
    const y = index * LANE + LANE / 2;
    for (const [i, level] of lane.levels.entries()) {
      const next = lane.levels[i + 1];
      if (next)
        lines.push(
          `M ${(level.column + 1) * COLUMN - PAD} ${y} L ${next.column * COLUMN + PAD} ${y}`,
        );
    }
    const from = lane.branch ? laneOf.get(lane.branch.levelId) : undefined;
    const first = lane.levels[0];
    if (from && first) {
      const x1 = (from.column + 1) * COLUMN - PAD;
      const y1 = from.lane * LANE + LANE / 2;
      const x2 = first.column * COLUMN + PAD;
      const middle = (x1 + x2) / 2;
      lines.push(`M ${x1} ${y1} C ${middle} ${y1}, ${middle} ${y}, ${x2} ${y}`);
    }
  });
  const branches = lanes.filter((lane) => lane.branch !== null);

  return (
    <figure aria-label={t("paths.label")} aria-describedby="ladder-paths-caption">
      <div className="overflow-x-auto pb-2">
        <div className="relative" style={{ minWidth: `${columns * 9}rem` }}>
          {/* Right to left, the grid's columns run from the right: the lines are mirrored to meet the boxes. */}
          <svg
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 h-full w-full text-slate-400 rtl:-scale-x-100 dark:text-slate-500"
            viewBox={`0 0 ${columns * COLUMN} ${lanes.length * LANE}`}
            preserveAspectRatio="none"
          >
            {lines.map((d) => (
              <path
                key={d}
                d={d}
                fill="none"
                stroke="currentColor"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          <ol
            className="relative grid"
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${lanes.length}, 6rem)`,
            }}
          >
            {lanes.map((lane, index) => (
              <li key={lane.trackId} className="contents">
                <ol className="contents">
                  {lane.levels.map((level, position) => {
                    const mine = level.id === currentLevelId;
                    return (
                      <li
                        key={level.id}
                        className="relative flex items-center px-[6%]"
                        style={{ gridColumn: level.column + 1, gridRow: index + 1 }}
                      >
                        {position === 0 ? (
                          <span className="absolute end-[6%] start-[6%] top-0 truncate text-xs font-medium text-slate-600 dark:text-slate-300">
                            {lane.trackName}
                          </span>
                        ) : null}
                        <LevelLink
                          levelId={level.id}
                          aria-current={mine ? "location" : undefined}
                          className={`block w-full rounded-md border px-2 py-1.5 text-sm leading-tight hover:border-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 ${
                            mine
                              ? "border-brand-600 bg-brand-50 font-semibold dark:bg-slate-800"
                              : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900"
                          }`}
                        >
                          {level.title}
                          {level.alsoTitled.length > 0 ? (
                            <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
                              {t("paths.alsoTitled", { titles: f.list(level.alsoTitled) })}
                            </span>
                          ) : null}
                          {mine ? (
                            <span className="block text-xs font-normal text-brand-700 dark:text-brand-100">
                              {t("paths.yourLevel")}
                            </span>
                          ) : null}
                        </LevelLink>
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <figcaption
        id="ladder-paths-caption"
        className="mt-2 text-sm text-slate-600 dark:text-slate-300"
      >
        {t("paths.caption", {
          count: lanes.length,
          tracks: lanes.map((lane) => lane.trackName).join(t("separator")),
        })}
        {branches.length > 0 ? (
          <ul className="mt-1 list-disc ps-5">
            {branches.map((lane) => (
              <li key={lane.trackId}>
                {t("paths.branch", {
                  track: lane.trackName,
                  from: lane.branch!.trackName,
                  level: lane.branch!.title,
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </figcaption>
    </figure>
  );
}
