// The draft script of a document sent without the app's scripts (decision 167): it runs once the
// document is read, so after the forms it keeps. Each names its save endpoint (`data-draft`), where
// this browser keeps its edits, its revision and spelling, and the values it was rendered with.
import { forgetDraft } from "~/modules/assessments/draft-form";
import { adviseAsTyped } from "~/modules/feedback/word-check-field";
import { noteScoresWithoutEvidence } from "~/modules/hiring/scorecard-fields";
import { keepRenderedDraft } from "./rendered-draft";

for (const root of document.querySelectorAll<HTMLElement>("[data-draft]")) keepRenderedDraft(root);
for (const field of document.querySelectorAll<HTMLTextAreaElement>("textarea[data-word-check]"))
  adviseAsTyped(field);
for (const form of document.querySelectorAll<HTMLFormElement>(
  "form[data-draft-spelling=scorecard]",
))
  noteScoresWithoutEvidence(form);
for (const element of document.querySelectorAll<HTMLElement>("[data-draft-forget]"))
  forgetDraft(element.dataset.draftForget!);
