// The draft script of a document sent without the app's scripts (decision 167): it runs where the
// page puts it, after the forms it keeps, each read as its `data-draft-spelling` names.
import { keepDraft } from "~/modules/assessments/draft-form";
import { adviseAsTyped } from "~/modules/feedback/word-check-field";
import { noteScoresWithoutEvidence } from "~/modules/hiring/scorecard-fields";
import { SPELLINGS } from "./kept-draft-spellings";

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-draft]"))
  keepDraft(form, SPELLINGS[form.dataset.draftSpelling === "scorecard" ? "scorecard" : "draft"]);
for (const field of document.querySelectorAll<HTMLTextAreaElement>("textarea[data-word-check]"))
  adviseAsTyped(field);
for (const form of document.querySelectorAll<HTMLFormElement>(
  "form[data-draft-spelling=scorecard]",
))
  noteScoresWithoutEvidence(form);
