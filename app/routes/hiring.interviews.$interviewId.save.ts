import type { Route } from "./+types/hiring.interviews.$interviewId.save";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { SaveDraftSchema } from "~/modules/assessments/draft";
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
  const parsed = SaveDraftSchema.safeParse(await jsonBody(request));
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: t("hiring:scorecard.errors.saveNotUnderstood"),
        fieldErrors: {},
      },
    };
  }
  const saved = await saveScorecardDraft(viewer, params.interviewId ?? "", parsed.data);
  return saved.body.ok
    ? saved
    : { status: saved.status, body: { ...saved.body, message: wordsOf(t, saved.body.message) } };
});
