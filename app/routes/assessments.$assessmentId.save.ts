import type { Route } from "./+types/assessments.$assessmentId.save";
import { translatorOf } from "~/i18n/i18n.server";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { answeredSave } from "~/utils/draft-save.server";
import { saveDraft } from "~/modules/assessments/assessments.server";
import { readDraftSave } from "~/modules/assessments/draft-input";
import { jsonBody, jsonEndpoint } from "~/utils/http.server";

/** Autosave of a draft: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the merged draft out. */
export const action = jsonEndpoint(async ({ request, params, context }: Route.ActionArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const read = readDraftSave(
    await jsonBody(request),
    translatorOf(context)("assessments:page.errors.saveNotUnderstood"),
  );
  if (!read.ok) return read.answer;
  return answeredSave(
    await saveDraft(viewer, params.assessmentId ?? "", read.input),
    context,
    timeZone,
  );
});
