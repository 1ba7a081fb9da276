import type { Route } from "./+types/hiring.interviews.$interviewId.save";
import { translatorOf } from "~/i18n/i18n.server";
import { readDraftSave } from "~/modules/assessments/draft-input";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { answeredSave } from "~/utils/draft-save.server";
import { saveScorecardDraft } from "~/modules/hiring/scorecards.server";
import { jsonBody, jsonEndpoint } from "~/utils/http.server";

/**
 * Autosave of a scorecard draft: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the
 * merged draft out, worded in the request's language (`answeredSave`).
 */
export const action = jsonEndpoint(async ({ request, params, context }: Route.ActionArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const t = translatorOf(context);
  const read = readDraftSave(
    await jsonBody(request),
    t("hiring:scorecard.errors.saveNotUnderstood"),
  );
  if (!read.ok) return read.answer;
  return answeredSave(
    await saveScorecardDraft(viewer, params.interviewId ?? "", read.input),
    context,
    timeZone,
  );
});
