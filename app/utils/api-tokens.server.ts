import { parseWithZod } from "@conform-to/zod/v4";
import { data, type RouterContextProvider } from "react-router";
import { translatorOf } from "~/i18n/i18n.server";
import type { TokenReach } from "~/modules/api/policy";
import { IssuePersonTokenSchema, IssueTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";

/**
 * The action of both API token pages, the admins' (organisation-wide tokens) and a person's own
 * (`reach`): issue a token, shown in this answer only, or revoke one; who may revoke which is the
 * api policy's to say (`revokeApiToken`).
 */
export async function apiTokenAction(
  viewer: { id: string; isAdmin: boolean; name: string },
  formData: FormData,
  context: Readonly<RouterContextProvider>,
  reach: TokenReach,
) {
  const intent = formData.get("intent");
  if (intent === "issue") {
    const submission = parseWithZod(formData, {
      schema: reach === "person" ? IssuePersonTokenSchema : IssueTokenSchema,
    });
    if (submission.status !== "success")
      return data(
        { intent, result: submission.reply(), issued: null, message: null },
        { status: 400 },
      );
    const issued = await issueApiToken(
      viewer.id,
      submission.value.name,
      submission.value.scopes,
      reach,
    );
    // Shown once, in this answer only: Rungs keeps its hash.
    return {
      intent,
      result: submission.reply({ resetForm: true }),
      issued: { name: issued.name, token: issued.token },
      message: null,
    };
  }
  if (intent === "revoke") {
    const tokenId = formData.get("tokenId");
    if (typeof tokenId !== "string" || !tokenId)
      throw new NotFoundError({ key: "api:errors.noSuchToken" });
    await revokeApiToken(viewer, tokenId);
    return {
      intent,
      result: undefined,
      issued: null,
      message: translatorOf(context)("api:admin.revoked"),
    };
  }
  throw new InvalidError({ key: "api:errors.unknownAction" });
}
