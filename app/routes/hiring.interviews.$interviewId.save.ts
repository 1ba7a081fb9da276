import type { Route } from "./+types/hiring.interviews.$interviewId.save";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { readDraftSave } from "~/modules/assessments/draft";
import { requireUser } from "~/modules/identity/permissions.server";
import { saveScorecardDraft } from "~/modules/hiring/scorecards.server";
import { jsonBody, jsonEndpoint } from "~/utils/http.server";

/**
 * Autosave of a scorecard draft: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the
 * merged draft out. A refusal's message is worded here, in the request's language; its field errors
 * are keys, worded by the form.
 */
export const action = jsonEndpoint(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const t = translatorOf(context);
  const read = readDraftSave(
    await jsonBody(request),
    t("hiring:scorecard.errors.saveNotUnderstood"),
  );
  if (!read.ok) return read.answer;
  const saved = await saveScorecardDraft(viewer, params.interviewId ?? "", read.input);
  return saved.body.ok
    ? saved
    : { status: saved.status, body: { ...saved.body, message: wordsOf(t, saved.body.message) } };
});
