import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { TokenReach } from "~/modules/api/policy";
import { IssuePersonTokenSchema, IssueTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, issuedTokenFor, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { carryOnce, takeOnce } from "./shown-once.server";

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

/**
 * The token the page's form just issued, if the request carries it (as the api policy lets the
 * viewer see it), and the `Set-Cookie` that drops what it carried.
 */
export async function issuedOnPage(request: Request, viewerId: string, path: string) {
  const carried = await takeOnce(request, path);
  const token = carried.value?.token;
  const found = typeof token === "string" ? await issuedTokenFor(viewerId, token) : null;
  return {
    issued: found ? { name: found.name, token: found.token } : null,
    headers: carried.drop ? { "Set-Cookie": carried.drop } : undefined,
  };
}
