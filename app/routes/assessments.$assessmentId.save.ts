import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/permissions.server";
import { jsonBody, jsonEndpoint } from "~/modules/assessments/assessment-http.server";
import { saveDraft } from "~/modules/assessments/assessments.server";
import { SaveDraftSchema } from "~/modules/assessments/draft";

/** Autosave of a draft: JSON `{ baseRevision, changes: [{ field, value, base }] }` in, the merged draft out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  return jsonEndpoint(async () => {
    const parsed = SaveDraftSchema.safeParse(await jsonBody(request));
    if (!parsed.success) {
      return { status: 400, body: { ok: false, kind: "invalid", message: "That save was not understood; nothing was saved.", fieldErrors: {} } };
    }
    return saveDraft(viewer, params.assessmentId ?? "", parsed.data);
  });
}
