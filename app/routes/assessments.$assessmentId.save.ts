import type { Route } from "./+types/assessments.$assessmentId.save";
import { translatorOf } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { saveDraft } from "~/modules/assessments/assessments.server";
import { readDraftSave } from "~/modules/assessments/draft";
import { jsonBody, jsonEndpoint } from "~/utils/http.server";

/** Autosave of a draft: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the merged draft out. */
export const action = jsonEndpoint(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const read = readDraftSave(
    await jsonBody(request),
    translatorOf(context)("assessments:page.errors.saveNotUnderstood"),
  );
  if (!read.ok) return read.answer;
  return saveDraft(viewer, params.assessmentId ?? "", read.input);
});
