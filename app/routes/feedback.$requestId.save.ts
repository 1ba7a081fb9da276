import type { Route } from "./+types/feedback.$requestId.save";
import { SaveDraftSchema } from "~/modules/assessments/draft";
import { saveAnswerDraft } from "~/modules/feedback/feedback.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { jsonBody, jsonEndpoint } from "~/utils/http.server";

/** Autosave of a feedback answer: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the merged draft out. */
export const action = jsonEndpoint(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const parsed = SaveDraftSchema.safeParse(await jsonBody(request));
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: "That save was not understood; nothing was saved.",
        fieldErrors: {},
      },
    };
  }
  return saveAnswerDraft(viewer, params.requestId ?? "", parsed.data);
});
