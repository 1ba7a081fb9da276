import { useId } from "react";
import type { ProfileRow } from "~/modules/growth/history";
import {
  angleOf,
  layoutRadarLabels,
  LABEL_FONT,
  LINE_HEIGHT,
  radarFrame,
} from "~/modules/growth/radar-layout";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

const WIDTH = 860;
const GEOMETRY = { cx: WIDTH / 2, cy: 300, radius: 190 };
const { cx: CX, cy: CY, radius: RADIUS } = GEOMETRY;
const LEGEND_HEIGHT = 48;

type Point = { x: number; y: number };

function pointAt(index: number, count: number, value: number, max: number): Point {
  const angle = angleOf(index, count);
  const r = (RADIUS * Math.max(0, value)) / max;
  return { x: CX + r * Math.cos(angle), y: CY + r * Math.sin(angle) };
}

/** A coordinate to a tenth of a unit: finer than the chart is ever drawn, and a few bytes where a full number is eighteen. */
const round = (value: number) => Math.round(value * 10) / 10;
const path = (points: readonly Point[]) =>
  points.map((p) => `${round(p.x)},${round(p.y)}`).join(" ");

type GrowthT = ReturnType<typeof useTranslation<"growth">>["t"];

/** The profile against the bar in one sentence, in `t`'s language: "Of 6 competencies, 2 above the bar, 3 at the bar, 1 below it." */
export function describeAgainstBar(t: GrowthT, rows: readonly ProfileRow[]) {
  const rated = rows.filter((row) => row.againstBar !== null);
  return t("radar.againstBar", {
    total: rows.length,
    above: rated.filter((row) => row.againstBar! > 0).length,
    at: rated.filter((row) => row.againstBar === 0).length,
    below: rated.filter((row) => row.againstBar! < 0).length,
    notRated: rows.length - rated.length,
  });
}

/**
 * The current profile against the level's bar, as a radar. Every series has its
 * own line pattern and marker shape (solid circles for the manager review, dotted
 * squares for the self-assessment, dashes for the bar) and every value is printed
 * beside its competency, so nothing depends on colour. The table next to it is
 * the text alternative.
 */
export function RadarChart({
  rows,
  max,
  bar,
  barLabel,
  title,
}: {
  rows: readonly ProfileRow[];
  max: number;
  bar: number;
  barLabel: string;
  title: string;
}) {
  const id = useId();
  const { t } = useTranslation("growth");
  const f = useFormats();
  const count = rows.length;
  if (count < 3) return null;
  const hasSelf = rows.some((row) => row.self !== null);
  const hasManager = rows.some((row) => row.manager !== null);
  const series = (pick: (row: ProfileRow) => number | null) =>
    rows.map((row, index) => pointAt(index, count, pick(row) ?? 0, max));
  const managerPoints = series((row) => row.manager);
  const selfPoints = series((row) => row.self);
  const shown = (value: number | null) => (value === null ? "–" : f.number(value));
  const values = rows.map((row) =>
    [
      hasManager ? t("radar.managerValue", { value: shown(row.manager) }) : null,
      hasSelf ? t("radar.selfValue", { value: shown(row.self) }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  const labels = layoutRadarLabels(
    GEOMETRY,
    rows.map((row) => row.name),
    values,
  );
  // The frame holds every label and at least the legend's width.
  const frame = radarFrame(GEOMETRY, labels);
  const left = Math.min(0, frame.left);
  const width = Math.max(WIDTH, frame.left + frame.width) - left;
  const legendY = round(frame.top + frame.height + LEGEND_HEIGHT / 2);
  return (
    <svg
      viewBox={`${left.toFixed(0)} ${frame.top.toFixed(0)} ${width.toFixed(0)} ${(frame.height + LEGEND_HEIGHT).toFixed(0)}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="h-auto w-full max-w-4xl text-slate-900 dark:text-slate-100"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {rows.every((row) => row.bar === bar)
          ? t("radar.description", { max: f.number(max), bar: f.number(bar) })
          : t("radar.descriptionVarying", { max: f.number(max) })}{" "}
        {describeAgainstBar(t, rows)} {t("radar.tableFollows")}
      </desc>
      {/* What many elements share is said once, on their group. */}
      <g fill="none" className="stroke-slate-300 dark:stroke-slate-600" strokeWidth={1}>
        {Array.from({ length: max }, (_, i) => i + 1).map((value) => (
          <polygon
            key={value}
            points={path(rows.map((_, index) => pointAt(index, count, value, max)))}
          />
        ))}
        {rows.map((row, index) => {
          const rim = pointAt(index, count, max, max);
          return (
            <line key={row.competencyId} x1={CX} y1={CY} x2={round(rim.x)} y2={round(rim.y)} />
          );
        })}
      </g>
      <g fontSize={11} className="fill-slate-500 dark:fill-slate-400">
        {Array.from({ length: max }, (_, i) => i + 1).map((value) => {
          const p = pointAt(0, count, value, max);
          return (
            <text key={value} x={round(p.x + 4)} y={round(p.y + 4)}>
              {f.number(value)}
            </text>
          );
        })}
      </g>
      <polygon
        points={path(rows.map((row, index) => pointAt(index, count, row.bar, max)))}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeDasharray="8 5"
      />
      {hasSelf ? (
        <>
          <polygon
            points={path(selfPoints)}
            fill="none"
            className="stroke-amber-600 dark:stroke-amber-400"
            strokeWidth={2}
            strokeDasharray="2 4"
            strokeLinecap="round"
          />
          <g
            className="fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400"
            strokeWidth={2}
          >
            {selfPoints.map((p, index) =>
              rows[index]!.self === null ? null : (
                <rect
                  key={rows[index]!.competencyId}
                  x={round(p.x - 4)}
                  y={round(p.y - 4)}
                  width={8}
                  height={8}
                />
              ),
            )}
          </g>
        </>
      ) : null}
      {hasManager ? (
        <>
          <polygon
            points={path(managerPoints)}
            className="fill-brand-500/15 stroke-brand-600 dark:stroke-brand-100"
            strokeWidth={2.5}
          />
          <g className="fill-brand-600 dark:fill-brand-100">
            {managerPoints.map((p, index) =>
              rows[index]!.manager === null ? null : (
                <circle key={rows[index]!.competencyId} cx={round(p.x)} cy={round(p.y)} r={4.5} />
              ),
            )}
          </g>
        </>
      ) : null}
      <g fontSize={LABEL_FONT} fill="currentColor">
        {rows.map((row, index) => {
          const label = labels[index]!;
          const nameLines = label.lines.slice(0, values[index] ? -1 : undefined);
          const x = round(label.x);
          return (
            <text key={row.competencyId} x={x} y={round(label.baseline)} textAnchor={label.anchor}>
              <title>
                {t("radar.labelTitle", {
                  name: row.name,
                  values: values[index] ?? "",
                  bar: f.number(row.bar),
                })}
              </title>
              {nameLines.map((line, lineIndex) => (
                <tspan
                  key={lineIndex}
                  x={x}
                  dy={lineIndex === 0 ? 0 : LINE_HEIGHT}
                  fontWeight={600}
                >
                  {line}
                </tspan>
              ))}
              {values[index] ? (
                <tspan x={x} dy={LINE_HEIGHT} className="fill-slate-600 dark:fill-slate-300">
                  {values[index]}
                </tspan>
              ) : null}
            </text>
          );
        })}
      </g>
      <g fontSize={12} fill="currentColor">
        <line
          x1={120}
          y1={legendY}
          x2={156}
          y2={legendY}
          stroke="currentColor"
          strokeWidth={2}
          strokeDasharray="8 5"
        />
        <text x={162} y={legendY + 4}>
          {t("radar.legend.bar", { bar: f.number(bar), label: barLabel })}
        </text>
        {hasManager ? (
          <>
            <line
              x1={380}
              y1={legendY}
              x2={416}
              y2={legendY}
              className="stroke-brand-600 dark:stroke-brand-100"
              strokeWidth={2.5}
            />
            <circle cx={398} cy={legendY} r={4.5} className="fill-brand-600 dark:fill-brand-100" />
            <text x={422} y={legendY + 4}>
              {t("radar.legend.manager")}
            </text>
          </>
        ) : null}
        {hasSelf ? (
          <>
            <line
              x1={580}
              y1={legendY}
              x2={616}
              y2={legendY}
              className="stroke-amber-600 dark:stroke-amber-400"
              strokeWidth={2}
              strokeDasharray="2 4"
              strokeLinecap="round"
            />
            <rect
              x={594}
              y={legendY - 4}
              width={8}
              height={8}
              className="fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400"
              strokeWidth={2}
            />
            <text x={622} y={legendY + 4}>
              {t("radar.legend.self")}
            </text>
          </>
        ) : null}
      </g>
    </svg>
  );
}
