import { describe, expect, it } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { importSnowflake } from "~/modules/ladders/import/snowflake";
import { buildSite } from "~/components/ladders/site/build-site";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import { levelView, pointsView } from "~/modules/ladders/views";
import { fixtureLadder } from "./helpers";
import { loadImported, readSourceFiles } from "./import/helpers";

const snowflake = loadImported(
  importSnowflake(
    readSourceFiles("test/fixtures/import/snowflake", /^(constants\.js|README\.md)$/),
  ),
);
const pages = new Map(buildSite([snowflake]).map((file) => [file.path, file.content]));
/** A page's text as a reader sees it, tags gone. */
const text = (path: string) =>
  pages
    .get(path)!
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const english = translatorOf(undefined);
/** The view with its ranges in English words, as an English reader's page shows them. */
function inEnglish(view: NonNullable<ReturnType<typeof pointsView>>) {
  return {
    ...view,
    bands: view.bands.map((band) => ({ ...band, range: wordsOf(english, band.range) })),
    titles: view.titles.map((track) => ({
      ...track,
      ranges: track.ranges.map((range) => ({ ...range, range: wordsOf(english, range.range) })),
    })),
  };
}

describe("points shown to readers", () => {
  it("gives a ladder's points in one view: what each rating is worth, the bands and the titles with their ranges", () => {
    expect(pointsView(fixtureLadder())).toBeNull();
    const view = inEnglish(pointsView(snowflake)!);
    expect(view.perRating.slice(0, 3)).toEqual([
      { value: 0, label: "Milestone 0", points: 0 },
      { value: 1, label: "Milestone 1", points: 1 },
      { value: 2, label: "Milestone 2", points: 3 },
    ]);
    expect(view.bands.slice(0, 2)).toEqual([
      { label: "1.1", range: "0–4 points" },
      { label: "1.2", range: "5–10 points" },
    ]);
    expect(view.bands.at(-1)).toEqual({ label: "5.3", range: "135 points or more" });
    expect(view.titles).toEqual([
      {
        trackId: "engineering",
        trackName: "Engineering",
        ranges: [
          { title: "Engineer I", range: "0–16 points" },
          { title: "Engineer II", range: "17–35 points" },
          { title: "Senior Engineer", range: "36–57 points" },
          { title: "Group Lead", range: "36–57 points" },
          { title: "Staff Engineer", range: "58–89 points" },
          { title: "Senior Group Lead", range: "58–89 points" },
          { title: "Principal Engineer", range: "90 points or more" },
          { title: "Director of Engineering", range: "90 points or more" },
        ],
      },
    ]);
  });

  it("marks on a level's page the bands that are its sub-levels", () => {
    expect(levelView(snowflake, "level-3")!.pointsMarks).toEqual({
      bands: ["3.1", "3.2", "3.3"],
      titles: [],
    });
  });

  it("shows them on the published site's overview, track and level pages", () => {
    for (const path of [
      sitePaths.ladder("snowflake"),
      sitePaths.track("snowflake", "engineering"),
      sitePaths.level("snowflake", "level-3"),
    ]) {
      const page = text(path);
      expect(page, path).toContain("How points place people");
      expect(page, path).toContain("Milestone 3 6 points");
      expect(page, path).toContain("3.1 36–42 points");
      expect(page, path).toContain("Senior Engineer 36–57 points");
    }
    expect(text(sitePaths.level("snowflake", "level-3"))).toContain(
      "3.2 43–49 points (this level)",
    );
    expect(text(sitePaths.level("snowflake", "level-2"))).not.toContain(
      "3.2 43–49 points (this level)",
    );
    // A ladder without points shows no such card.
    const plain = buildSite([fixtureLadder()]).find(
      (file) => file.path === sitePaths.ladder("fixture"),
    )!.content;
    expect(plain).not.toContain("How points place people");
  });
});
