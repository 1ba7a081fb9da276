// The draft script of a document sent without the app's scripts (decision 167): it runs once the
// document is read, so after the forms it keeps. Each form names its save endpoint (`data-draft`), where
// this browser keeps its edits, its revision and spelling, and carries the values it was rendered
// with in `base`, which a post without scripts sends.
import type { DraftValues } from "~/modules/assessments/draft";
import { forgetDraft, keepDraft } from "~/modules/assessments/draft-form";
import { adviseAsTyped } from "~/modules/feedback/word-check-field";
import { noteScoresWithoutEvidence } from "~/modules/hiring/scorecard-fields";
import { SPELLINGS } from "./kept-draft-spellings";

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-draft]"))
  keepDraft(form, {
    saveUrl: form.dataset.draft!,
    storageKey: form.dataset.draftKey!,
    revision: Number(form.dataset.draftRevision),
    values: JSON.parse((form.elements.namedItem("base") as HTMLInputElement).value) as DraftValues,
    spelling: SPELLINGS[form.dataset.draftSpelling === "scorecard" ? "scorecard" : "draft"],
  });
for (const field of document.querySelectorAll<HTMLTextAreaElement>("textarea[data-word-check]"))
  adviseAsTyped(field);
for (const form of document.querySelectorAll<HTMLFormElement>(
  "form[data-draft-spelling=scorecard]",
))
  noteScoresWithoutEvidence(form);
for (const element of document.querySelectorAll<HTMLElement>("[data-draft-forget]"))
  forgetDraft(element.dataset.draftForget!);
