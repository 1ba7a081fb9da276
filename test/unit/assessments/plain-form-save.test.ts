import { describe, expect, it } from "vitest";
import { draftSpelling, formChanges, inputNameOf } from "~/modules/assessments/draft";
import { plainFormSave } from "~/modules/assessments/draft-input";

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;
const base = {
  "rating:testing": null,
  "notes:testing": "",
  "mark:testing:0": "met",
  summary: "Old",
};

describe("a save posted by the page's plain form", () => {
  it("sends only the fields the author changed, each with the value it was rendered with", () => {
    const input = plainFormSave(
      form({ "rating-testing": "3", "notes:testing": "", "mark:testing:0": "", summary: "New" }),
      JSON.stringify(base),
      "4",
    );
    expect(input).toEqual({
      baseRevision: 4,
      changes: [
        { field: "rating:testing", value: 3, base: null },
        { field: "mark:testing:0", value: null, base: "met" },
        { field: "summary", value: "New", base: "Old" },
      ],
    });
  });

  it("an unchecked rating and an unchanged form send nothing", () => {
    expect(
      plainFormSave(
        form({ "notes:testing": "", "mark:testing:0": "met", summary: "Old" }),
        JSON.stringify(base),
        "0",
      ),
    ).toEqual({ baseRevision: 0, changes: [] });
  });

  it("a rating that is not a number is passed on as typed, for the save's own checks to refuse", () => {
    expect(
      plainFormSave(
        form({ "rating-testing": "three" }),
        JSON.stringify({ "rating:testing": null }),
        "0",
      )!.changes,
    ).toEqual([{ field: "rating:testing", value: "three", base: null }]);
  });

  it("a malformed post is not a save", () => {
    expect(plainFormSave(form({}), "{", "0")).toBeNull();
    expect(plainFormSave(form({}), JSON.stringify(base), "x")).toBeNull();
    expect(plainFormSave(form({}), JSON.stringify(base), null)).toBeNull();
    expect(plainFormSave(form({}), JSON.stringify({ "nonsense:field:1:2": "" }), "0")).toBeNull();
    expect(plainFormSave(form({}), JSON.stringify(["summary"]), "0")).toBeNull();
  });

  it("ratings are radios grouped by competency; every other field's input is named by its key", () => {
    expect(inputNameOf("rating:code-quality")).toBe("rating-code-quality");
    expect(inputNameOf("notes:code-quality")).toBe("notes:code-quality");
    expect(inputNameOf("summary")).toBe("summary");
  });
});

describe("what a form holds that differs from what was rendered", () => {
  const rendered = { "rating:testing": 2, "notes:testing": "Seen", "mark:testing:0": null };

  it("is read through the form's spelling: a rating's radio group, a mark's select, notes", () => {
    const read = (fields: Record<string, string | null>) => (name: string) => fields[name];
    expect(
      formChanges(
        rendered,
        read({ "rating-testing": "3", "notes:testing": "Seen", "mark:testing:0": "partly" }),
        draftSpelling,
      ),
    ).toEqual([
      { field: "rating:testing", value: 3, base: 2 },
      { field: "mark:testing:0", value: "partly", base: null },
    ]);
    // A radio group with none checked is no rating; an empty choice is none.
    expect(
      formChanges(
        rendered,
        read({ "rating-testing": null, "notes:testing": "Seen more", "mark:testing:0": "" }),
        draftSpelling,
      ),
    ).toEqual([
      { field: "rating:testing", value: null, base: 2 },
      { field: "notes:testing", value: "Seen more", base: "Seen" },
    ]);
  });

  it("leaves out a field the form has no input for, rather than reading it as emptied", () => {
    expect(formChanges(rendered, () => undefined, draftSpelling)).toEqual([]);
  });
});
