import type { Route } from "./+types/feedback.word-check";
import { translatorOf, languageOf } from "~/i18n/i18n.server";
import { formatsFor } from "~/i18n/format";
import { MAX_TEXT_LENGTH } from "~/modules/assessments/draft";
import { wordCheckAdvice } from "~/modules/feedback/word-check";
import { requireUser } from "~/modules/identity/permissions.server";
import { formOf, withDomainErrors } from "~/utils/http.server";

/**
 * The word check's advice on one example being written (`text`, posted: an example may be longer
 * than an address holds), in the reader's words, for the page's draft script (decision 167):
 * `{ advice: ["…"] }`. Advice only; the same pure check the answer form runs as it is rendered.
 */
export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  await requireUser(request);
  const text = String((await formOf(request)).get("text") ?? "").slice(0, MAX_TEXT_LENGTH);
  const advice = wordCheckAdvice(
    translatorOf(context),
    formatsFor(languageOf(context), "UTC").list,
    text,
  );
  return Response.json({ advice }, { headers: { "Cache-Control": "private, no-store" } });
});
