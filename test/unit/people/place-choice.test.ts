import { describe, expect, test } from "vitest";
import {
  levelChoice,
  placeChoiceOf,
  readPlaceChoice,
  trackChoice,
  type TrackOption,
} from "~/modules/people/track-level";

/** Two ladders sharing the track id "ic" and the level id "ic1". */
const tracks: TrackOption[] = [
  {
    ladderId: "engineering",
    ladderName: "Engineering",
    id: "ic",
    name: "Individual contributor",
    levels: [
      { id: "ic1", title: "Engineer I" },
      { id: "ic2", title: "Engineer II" },
    ],
  },
  {
    ladderId: "engineering",
    ladderName: "Engineering",
    id: "manager",
    name: "Engineering manager",
    levels: [{ id: "m1", title: "Engineering Manager" }],
  },
  {
    ladderId: "product",
    ladderName: "Product",
    id: "ic",
    name: "Product manager",
    levels: [
      { id: "ic1", title: "Associate Product Manager" },
      { id: "p2", title: "Product Manager" },
    ],
  },
];

describe("the person form's track and level choices", () => {
  test("name ladder, track and level, so ids several ladders share are one choice each", () => {
    expect(
      readPlaceChoice(trackChoice("product", "ic"), levelChoice("product", "ic", "ic1")),
    ).toEqual({ ok: true, ladder: "product", track: "ic", level: "ic1" });
    expect(
      readPlaceChoice(trackChoice("engineering", "ic"), levelChoice("engineering", "ic", "ic1")),
    ).toEqual({ ok: true, ladder: "engineering", track: "ic", level: "ic1" });
    expect(readPlaceChoice(trackChoice("engineering", "manager"), null)).toEqual({
      ok: true,
      ladder: "engineering",
      track: "manager",
      level: null,
    });
    expect(readPlaceChoice(null, null)).toEqual({
      ok: true,
      ladder: null,
      track: null,
      level: null,
    });
  });

  test("plain ids pass through for the ladder check to place", () => {
    expect(readPlaceChoice("ic", "ic2")).toEqual({
      ok: true,
      ladder: null,
      track: "ic",
      level: "ic2",
    });
    expect(readPlaceChoice("ic", "ic1", "product")).toEqual({
      ok: true,
      ladder: "product",
      track: "ic",
      level: "ic1",
    });
  });

  test("a level of another ladder or track than the one chosen is refused, in words", () => {
    expect(
      readPlaceChoice(trackChoice("product", "ic"), levelChoice("engineering", "ic", "ic1")),
    ).toEqual({
      ok: false,
      field: "level",
      message: { key: "people:form.errors.levelNotOnTrack" },
    });
    expect(
      readPlaceChoice(
        trackChoice("engineering", "manager"),
        levelChoice("engineering", "ic", "ic2"),
      ),
    ).toMatchObject({ ok: false, field: "level" });
    expect(readPlaceChoice(null, levelChoice("engineering", "ic", "ic2"))).toMatchObject({
      ok: false,
      field: "track",
      message: { key: "people:form.errors.levelNeedsTrack" },
    });
    expect(readPlaceChoice(trackChoice("engineering", "ic"), null, "product")).toMatchObject({
      ok: false,
      field: "ladder",
    });
    expect(readPlaceChoice("a/b/c", null)).toMatchObject({ ok: false, field: "track" });
    expect(readPlaceChoice(trackChoice("engineering", "ic"), "engineering/ic2")).toMatchObject({
      ok: false,
      field: "level",
    });
  });

  test("a person's stored place becomes the form's choices, their ladder worked out where it is not stored", () => {
    expect(placeChoiceOf(tracks, { ladderId: "product", track: "ic", level: "ic1" })).toEqual({
      track: "product/ic",
      level: "product/ic/ic1",
      sublevel: "",
    });
    expect(placeChoiceOf(tracks, { ladderId: null, track: "ic", level: "p2" })).toEqual({
      track: "product/ic",
      level: "product/ic/p2",
      sublevel: "",
    });
    expect(
      placeChoiceOf(tracks, { ladderId: "engineering", track: "manager", level: null }),
    ).toEqual({ track: "engineering/manager", level: "", sublevel: "" });
    expect(placeChoiceOf(tracks, { ladderId: null, track: null, level: null })).toEqual({
      track: "",
      level: "",
      sublevel: "",
    });
  });
});
