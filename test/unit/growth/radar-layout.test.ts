import { describe, expect, test } from "vitest";
import {
  boxesOverlap,
  layoutRadarLabels,
  radarFrame,
  wrapLabel,
  type LabelBox,
} from "~/modules/growth/radar-layout";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

const geometry = { cx: 430, cy: 300, radius: 190 };

/** How far the box's nearest point is from the chart's centre. */
function distanceFromCentre(box: LabelBox): number {
  const dx = Math.max(box.left - geometry.cx, 0, geometry.cx - (box.left + box.width));
  const dy = Math.max(box.top - geometry.cy, 0, geometry.cy - (box.top + box.height));
  return Math.hypot(dx, dy);
}

function expectClear(names: string[]) {
  const labels = layoutRadarLabels(
    geometry,
    names,
    names.map(() => "M 3 · S 4"),
  );
  for (let i = 0; i < labels.length; i++) {
    expect(distanceFromCentre(labels[i]!.box), `${names[i]} clears the rim`).toBeGreaterThan(
      geometry.radius,
    );
    for (let j = i + 1; j < labels.length; j++) {
      expect(
        boxesOverlap(labels[i]!.box, labels[j]!.box),
        `${names[i]} and ${names[j]} do not touch`,
      ).toBe(false);
    }
  }
  const frame = radarFrame(geometry, labels);
  for (const { box } of labels) {
    expect(box.left).toBeGreaterThanOrEqual(frame.left);
    expect(box.top).toBeGreaterThanOrEqual(frame.top);
    expect(box.left + box.width).toBeLessThanOrEqual(frame.left + frame.width);
    expect(box.top + box.height).toBeLessThanOrEqual(frame.top + frame.height);
  }
  return labels;
}

describe("radar labels", () => {
  test("long names wrap between words", () => {
    expect(wrapLabel("Data and measurement")).toEqual(["Data and", "measurement"]);
    expect(wrapLabel("Written communication")).toEqual(["Written", "communication"]);
    expect(wrapLabel("Testing")).toEqual(["Testing"]);
  });

  test("labels are anchored by their spoke's angle: centred at the top, ending at the spoke on the left, starting there on the right", () => {
    const labels = layoutRadarLabels(
      geometry,
      ["Top", "Right", "Bottom", "Left"],
      ["", "", "", ""],
    );
    expect(labels.map((label) => label.anchor)).toEqual(["middle", "start", "middle", "end"]);
  });

  test("the shipped ladder's competencies, at every level, never touch each other or the rim, and fit the frame", async () => {
    const result = await loadLadderFromDirectory("frameworks/engineering");
    if (!result.ok) throw new Error("the shipped ladder does not load");
    const ladder = result.ladder;
    const name = new Map(ladder.competencies.map((competency) => [competency.id, competency.name]));
    for (const track of ladder.tracks)
      for (const level of track.levels)
        if (level.competencyIds.length >= 3)
          expectClear(level.competencyIds.map((id) => name.get(id)!));
  });

  test("any number of long names from 3 to 24 stays clear", () => {
    const names = [
      "Data and measurement",
      "Written communication",
      "System design and architecture",
      "Operational excellence",
      "Mentoring and growing others",
      "Technical judgement",
    ];
    for (let count = 3; count <= 24; count++)
      expectClear(
        Array.from({ length: count }, (_, index) => `${names[index % names.length]} ${index}`),
      );
  });
});
