import type { HistoryValue } from "~/modules/growth/history";

const WIDTH = 132;
const HEIGHT = 40;
const PAD = 6;

const round = (value: number) => Math.round(value * 10) / 10;

type Series = { values: (number | null)[]; kind: "manager" | "self" };

function segments(
  values: readonly (number | null)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  const lines: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 1) lines.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${x(index)},${y(value)}`);
  });
  if (current.length > 1) lines.push(current.join(" "));
  return lines;
}

/**
 * A competency's ratings over time: manager review solid with circles, self
 * dashed with squares. Its label, worded by the page, reads out the same figures.
 */
export function Sparkline({
  label,
  values,
  min,
  max,
}: {
  label: string;
  values: readonly HistoryValue[];
  min: number;
  max: number;
}) {
  const count = values.length;
  // To a tenth of a unit: finer than the line is drawn, and a few bytes where a full number is eighteen.
  const x = (index: number) =>
    round(count <= 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (count - 1));
  const y = (value: number) =>
    round(HEIGHT - PAD - ((value - min) * (HEIGHT - 2 * PAD)) / Math.max(1, max - min));
  const series: Series[] = [
    { kind: "self", values: values.map((v) => v.self) },
    { kind: "manager", values: values.map((v) => v.manager) },
  ];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      className="overflow-visible"
    >
      <line
        x1={PAD}
        x2={WIDTH - PAD}
        y1={y(Math.round((min + max) / 2))}
        y2={y(Math.round((min + max) / 2))}
        className="stroke-slate-200 dark:stroke-slate-700"
        strokeWidth={1}
      />
      {series.map((s) => (
        <g key={s.kind}>
          {segments(s.values, x, y).map((points) => (
            <polyline
              key={points}
              points={points}
              fill="none"
              strokeWidth={s.kind === "manager" ? 2 : 1.5}
              strokeDasharray={s.kind === "self" ? "3 3" : undefined}
              className={
                s.kind === "manager"
                  ? "stroke-brand-600 dark:stroke-brand-100"
                  : "stroke-amber-600 dark:stroke-amber-400"
              }
            />
          ))}
          {/* The markers' colours once, on their group. */}
          <g
            className={
              s.kind === "manager"
                ? "fill-brand-600 dark:fill-brand-100"
                : "fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400"
            }
            strokeWidth={s.kind === "manager" ? undefined : 1.5}
          >
            {s.values.map((value, index) =>
              value === null ? null : s.kind === "manager" ? (
                <circle key={index} cx={x(index)} cy={y(value)} r={3} />
              ) : (
                <rect
                  key={index}
                  x={round(x(index) - 2.5)}
                  y={round(y(value) - 2.5)}
                  width={5}
                  height={5}
                />
              ),
            )}
          </g>
        </g>
      ))}
    </svg>
  );
}
