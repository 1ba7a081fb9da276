import { largest } from "~/utils/extremes";
/**
 * Where a radar chart's competency labels go, as pure geometry: each label sits outside the rim
 * at the end of its spoke, anchored by the spoke's angle (left of the chart it ends at the spoke,
 * right of it it starts there, at the top and bottom it is centred), wrapped to a few words a
 * line, and labels that would still touch are pushed apart along the vertical until none does.
 * The chart's frame then grows to hold every label with a margin. Text width is estimated from
 * the number of characters (generously, for bold text), as an SVG drawn on the server cannot
 * measure it.
 */

export type RadarGeometry = { cx: number; cy: number; radius: number };
export type LabelBox = { left: number; top: number; width: number; height: number };
export type RadarLabel = {
  /** The name's lines, then the values' line. */
  lines: string[];
  /** Where the text is anchored, and how. */
  x: number;
  anchor: "start" | "middle" | "end";
  /** The first line's baseline. */
  baseline: number;
  box: LabelBox;
};

export const LABEL_FONT = 12;
export const LINE_HEIGHT = 14;
/** A bold 12px character is at most about this wide in the sans-serif faces the app uses. */
const CHAR_WIDTH = 7.4;
/** Between the rim and a label, and between two labels. */
const GAP = 6;
const WRAP = 18;

/** The spoke's angle: the first competency straight up, then clockwise. */
export function angleOf(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** A name on at most three lines of about `width` characters, split between words. */
export function wrapLabel(text: string, width = WRAP): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.length > 3
    ? [
        lines[0]!,
        lines[1]!,
        `${lines
          .slice(2)
          .join(" ")
          .slice(0, width - 1)}…`,
      ]
    : lines;
}

export function boxesOverlap(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** The labels of a radar with one spoke per name; `values` is each spoke's second line (may be empty). */
export function layoutRadarLabels(
  geometry: RadarGeometry,
  names: readonly string[],
  values: readonly string[],
): RadarLabel[] {
  const { cx, cy, radius } = geometry;
  const count = names.length;
  const labels = names.map((name, index) => {
    const angle = angleOf(index, count);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const lines = [...wrapLabel(name), ...(values[index] ? [values[index]!] : [])];
    const width = largest(lines.map((line) => line.length)) * CHAR_WIDTH;
    const height = lines.length * LINE_HEIGHT;
    const anchor: RadarLabel["anchor"] = cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle";
    // The point of the box nearest the chart touches a circle a gap outside the rim.
    const reach = radius + GAP + 4;
    const x = cx + reach * cos;
    const y = cy + reach * sin;
    const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
    // Above the centre the box stands on its point, below it hangs from it, beside it it is centred on it.
    const top =
      anchor === "middle" ? (sin < 0 ? y - height : y) : y - height / 2 + (sin * height) / 2;
    return { lines, x, anchor, box: { left, top, width, height }, sin };
  });
  separate(
    geometry,
    labels.map((label, index) => ({
      box: label.box,
      cos: Math.cos(angleOf(index, count)),
      sin: label.sin,
    })),
  );
  // A box moved sideways away from the rim takes its anchor with it.
  return labels.map(({ lines, anchor, box }) => ({
    lines,
    x:
      anchor === "start"
        ? box.left
        : anchor === "end"
          ? box.left + box.width
          : box.left + box.width / 2,
    anchor,
    box,
    baseline: box.top + LABEL_FONT - 1,
  }));
}

/** How far the box's nearest point is from the chart's centre. */
function reachOf(geometry: RadarGeometry, box: LabelBox): number {
  const dx = Math.max(box.left - geometry.cx, 0, geometry.cx - (box.left + box.width));
  const dy = Math.max(box.top - geometry.cy, 0, geometry.cy - (box.top + box.height));
  return Math.hypot(dx, dy);
}

/**
 * Pushes touching boxes apart vertically (each of a pair by half the overlap), and any box that
 * came too near the rim back out along its spoke, until nothing touches.
 */
function separate(geometry: RadarGeometry, items: { box: LabelBox; cos: number; sin: number }[]) {
  const boxes = items.map((item) => item.box);
  for (let round = 0; round < 500; round++) {
    let moved = false;
    for (const { box, cos, sin } of items) {
      const short = geometry.radius + GAP - reachOf(geometry, box);
      if (short > 0) {
        box.left += (short + 0.5) * cos;
        box.top += (short + 0.5) * sin;
        moved = true;
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (!boxesOverlap(a, b, GAP)) continue;
        const [upper, lower] = a.top + a.height / 2 <= b.top + b.height / 2 ? [a, b] : [b, a];
        const overlap = upper.top + upper.height + GAP - lower.top;
        upper.top -= overlap / 2 + 0.5;
        lower.top += overlap / 2 + 0.5;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** The frame that holds the chart and every label, with a margin all round. */
export function radarFrame(
  geometry: RadarGeometry,
  labels: readonly RadarLabel[],
  margin = 12,
): { left: number; top: number; width: number; height: number } {
  const { cx, cy, radius } = geometry;
  let left = cx - radius;
  let right = cx + radius;
  let top = cy - radius;
  let bottom = cy + radius;
  for (const { box } of labels) {
    left = Math.min(left, box.left);
    right = Math.max(right, box.left + box.width);
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.top + box.height);
  }
  return {
    left: left - margin,
    top: top - margin,
    width: right - left + 2 * margin,
    height: bottom - top + 2 * margin,
  };
}
