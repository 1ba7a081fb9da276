import { parseWithZod } from "@conform-to/zod/v4";
import * as clock from "~/platform/clock.server";
import type { Route } from "./+types/assessments.$assessmentId.evidence";
import { requireUser } from "~/modules/identity/permissions.server";
import { evidenceSchema, RemoveEvidenceSchema } from "~/modules/assessments/assessment-form";
import { addEvidence, removeEvidence } from "~/modules/assessments/evidence.server";
import { jsonEndpoint, formOf } from "~/utils/http.server";

/** Adds (`intent=add`) or removes (`intent=remove`) evidence on the author's draft; answers JSON. */
export const action = jsonEndpoint(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const assessmentId = params.assessmentId ?? "";
  const formData = await formOf(request);
  if (formData.get("intent") === "remove") {
    const parsed = RemoveEvidenceSchema.safeParse({ evidenceId: formData.get("evidenceId") });
    if (!parsed.success)
      return {
        status: 400,
        body: {
          ok: false,
          kind: "invalid",
          message: "assessments:page.errors.chooseEvidence",
          fieldErrors: {},
        },
      };
    return removeEvidence(viewer, assessmentId, parsed.data.evidenceId);
  }
  const submission = parseWithZod(formData, { schema: evidenceSchema(clock.now()) });
  if (submission.status !== "success") {
    return {
      status: 400,
      body: {
        ok: false,
        kind: "invalid",
        message: "assessments:page.errors.checkEvidence",
        result: submission.reply(),
      },
    };
  }
  const outcome = await addEvidence(viewer, assessmentId, submission.value);
  if (outcome.body.ok)
    return {
      status: outcome.status,
      body: { ...outcome.body, result: submission.reply({ resetForm: true }) },
    };
  if (outcome.body.kind === "invalid") {
    return {
      status: outcome.status,
      body: {
        ...outcome.body,
        result: submission.reply({ fieldErrors: outcome.body.fieldErrors }),
      },
    };
  }
  return {
    status: outcome.status,
    body: { ...outcome.body, result: submission.reply({ formErrors: [outcome.body.message] }) },
  };
});
