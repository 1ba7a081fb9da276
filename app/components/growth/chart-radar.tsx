import { useId } from "react";
import type { ProfileRow } from "~/modules/growth/history";

const WIDTH = 860;
const HEIGHT = 640;
const CX = WIDTH / 2;
const CY = 300;
const RADIUS = 190;

type Point = { x: number; y: number };

function angleOf(index: number, count: number) {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

function pointAt(index: number, count: number, value: number, max: number): Point {
  const angle = angleOf(index, count);
  const r = (RADIUS * Math.max(0, value)) / max;
  return { x: CX + r * Math.cos(angle), y: CY + r * Math.sin(angle) };
}

const path = (points: readonly Point[]) => points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");

/** A competency name on at most two lines of about `width` characters. */
function wrap(text: string, width = 20): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.length > 2 ? [lines[0]!, `${lines.slice(1).join(" ").slice(0, width - 1)}…`] : lines;
}

export function describeAgainstBar(rows: readonly ProfileRow[]) {
  const rated = rows.filter((row) => row.againstBar !== null);
  const above = rated.filter((row) => row.againstBar! > 0).length;
  const at = rated.filter((row) => row.againstBar === 0).length;
  const below = rated.filter((row) => row.againstBar! < 0).length;
  return `Of ${rows.length} competencies, ${above} above the bar, ${at} at the bar, ${below} below it${rows.length - rated.length ? `, ${rows.length - rated.length} not rated` : ""}.`;
}

/**
 * The current profile against the level's bar, as a radar. Every series has its
 * own line pattern and marker shape (solid circles for the manager review, dotted
 * squares for the self-assessment, dashes for the bar) and every value is printed
 * beside its competency, so nothing depends on colour. The table next to it is
 * the text alternative.
 */
export function RadarChart({ rows, max, bar, barLabel, title }: { rows: readonly ProfileRow[]; max: number; bar: number; barLabel: string; title: string }) {
  const id = useId();
  const count = rows.length;
  if (count < 3) return null;
  const hasSelf = rows.some((row) => row.self !== null);
  const hasManager = rows.some((row) => row.manager !== null);
  const series = (pick: (row: ProfileRow) => number | null) => rows.map((row, index) => pointAt(index, count, pick(row) ?? 0, max));
  const managerPoints = series((row) => row.manager);
  const selfPoints = series((row) => row.self);
  const legendY = HEIGHT - 24;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="h-auto w-full max-w-4xl text-slate-900 dark:text-slate-100"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {`Radar chart: one spoke per competency, ratings from 1 at the centre side to ${max} at the rim; the dashed ring is the level's target for each competency (${rows.every((row) => row.bar === bar) ? bar : "it varies by competency"}). `}
        {describeAgainstBar(rows)} The table that follows lists every value.
      </desc>
      {Array.from({ length: max }, (_, i) => i + 1).map((value) => (
        <polygon key={value} points={path(rows.map((_, index) => pointAt(index, count, value, max)))} fill="none" className="stroke-slate-300 dark:stroke-slate-600" strokeWidth={1} />
      ))}
      {rows.map((row, index) => {
        const rim = pointAt(index, count, max, max);
        return <line key={row.competencyId} x1={CX} y1={CY} x2={rim.x} y2={rim.y} className="stroke-slate-300 dark:stroke-slate-600" strokeWidth={1} />;
      })}
      {Array.from({ length: max }, (_, i) => i + 1).map((value) => {
        const p = pointAt(0, count, value, max);
        return (
          <text key={value} x={p.x + 4} y={p.y + 4} fontSize={11} className="fill-slate-500 dark:fill-slate-400">
            {value}
          </text>
        );
      })}
      <polygon points={path(rows.map((row, index) => pointAt(index, count, row.bar, max)))} fill="none" stroke="currentColor" strokeWidth={2} strokeDasharray="8 5" />
      {hasSelf ? (
        <>
          <polygon points={path(selfPoints)} fill="none" className="stroke-amber-600 dark:stroke-amber-400" strokeWidth={2} strokeDasharray="2 4" strokeLinecap="round" />
          {selfPoints.map((p, index) =>
            rows[index]!.self === null ? null : (
              <rect key={rows[index]!.competencyId} x={p.x - 4} y={p.y - 4} width={8} height={8} className="fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400" strokeWidth={2} />
            ),
          )}
        </>
      ) : null}
      {hasManager ? (
        <>
          <polygon points={path(managerPoints)} className="fill-brand-500/15 stroke-brand-600 dark:stroke-brand-100" strokeWidth={2.5} />
          {managerPoints.map((p, index) =>
            rows[index]!.manager === null ? null : (
              <circle key={rows[index]!.competencyId} cx={p.x} cy={p.y} r={4.5} className="fill-brand-600 dark:fill-brand-100" />
            ),
          )}
        </>
      ) : null}
      {rows.map((row, index) => {
        const angle = angleOf(index, count);
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        const lines = wrap(row.name);
        const x = CX + (RADIUS + 14) * cos;
        // Labels below the centre hang down from the rim (the ones at the very bottom further, clear of their neighbours); those above sit on it.
        const y = CY + (RADIUS + 14) * sin + (sin > 0.95 ? 32 : sin > 0.3 ? 8 : sin < -0.3 ? -14 * lines.length : -7 * lines.length + 4);
        const anchor = cos > 0.05 ? "start" : cos < -0.05 ? "end" : "middle";
        const values = [hasManager ? `M ${row.manager ?? "–"}` : null, hasSelf ? `S ${row.self ?? "–"}` : null].filter(Boolean).join(" · ");
        return (
          <text key={row.competencyId} x={x} y={y} textAnchor={anchor} fontSize={12} fill="currentColor">
            <title>{`${row.name}: ${values}, bar ${row.bar}`}</title>
            {lines.map((line, lineIndex) => (
              <tspan key={line} x={x} dy={lineIndex === 0 ? 0 : 14} fontWeight={600}>
                {line}
              </tspan>
            ))}
            <tspan x={x} dy={14} className="fill-slate-600 dark:fill-slate-300">
              {values}
            </tspan>
          </text>
        );
      })}
      <g fontSize={12} fill="currentColor">
        <line x1={120} y1={legendY} x2={156} y2={legendY} stroke="currentColor" strokeWidth={2} strokeDasharray="8 5" />
        <text x={162} y={legendY + 4}>{`Bar for the level (${bar} ${barLabel})`}</text>
        {hasManager ? (
          <>
            <line x1={380} y1={legendY} x2={416} y2={legendY} className="stroke-brand-600 dark:stroke-brand-100" strokeWidth={2.5} />
            <circle cx={398} cy={legendY} r={4.5} className="fill-brand-600 dark:fill-brand-100" />
            <text x={422} y={legendY + 4}>Manager review (M)</text>
          </>
        ) : null}
        {hasSelf ? (
          <>
            <line x1={580} y1={legendY} x2={616} y2={legendY} className="stroke-amber-600 dark:stroke-amber-400" strokeWidth={2} strokeDasharray="2 4" strokeLinecap="round" />
            <rect x={594} y={legendY - 4} width={8} height={8} className="fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400" strokeWidth={2} />
            <text x={622} y={legendY + 4}>Self-assessment (S)</text>
          </>
        ) : null}
      </g>
    </svg>
  );
}
