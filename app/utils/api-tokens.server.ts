import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { TokenReach } from "~/modules/api/policy";
import { IssuePersonTokenSchema, IssueTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { carryOnce } from "./shown-once.server";

/**
 * The action of both API token pages, the admins' (organisation-wide tokens) and a person's own
 * (`reach`), each at `path` and sent as HTML: issue a token, carried once to the page the answer
 * redirects to (decision 154), or revoke one; who may revoke which is the api policy's to say
 * (`revokeApiToken`).
 */
export async function apiTokenAction(
  viewer: { id: string; isAdmin: boolean; name: string },
  formData: FormData,
  reach: TokenReach,
  path: string,
) {
  const intent = formData.get("intent");
  if (intent === "issue") {
    const submission = parseWithZod(formData, {
      schema: reach === "person" ? IssuePersonTokenSchema : IssueTokenSchema,
    });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    const issued = await issueApiToken(
      viewer.id,
      submission.value.name,
      submission.value.scopes,
      reach,
    );
    // Shown once, on the page the answer redirects to: Rungs keeps its hash.
    return redirect(path, {
      headers: { "Set-Cookie": await carryOnce(path, { token: issued.token }) },
    });
  }
  if (intent === "revoke") {
    const tokenId = formData.get("tokenId");
    if (typeof tokenId !== "string" || !tokenId)
      throw new NotFoundError({ key: "api:errors.noSuchToken" });
    await revokeApiToken(viewer, tokenId);
    return redirect(`${path}?done=revoked`);
  }
  throw new InvalidError({ key: "api:errors.unknownAction" });
}
