import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import type { Route } from "./+types/goals.objectives.$objectiveId_.key-results.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KeyResultForm } from "~/components/goals/key-result-form";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { useSubmitting } from "~/components/ui/use-submitting";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { KeyResultSchema } from "~/modules/goals/forms";
import { addKeyResult, newKeyResultPage } from "~/modules/goals/goals.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";
import { invalidForm, postedText, type FieldErrors } from "~/utils/posted";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("goals:newKeyResult.title") },
];

/**
 * A key result is written on a page of its own (decision 152), sent as HTML like the objective's
 * (decision 162): the outcomes-not-outputs check advises as it is typed through the page's one
 * script, and the fields follow the kind chosen through the stylesheet.
 */
export const handle = plainHtml;

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return newKeyResultPage(viewer, params.objectiveId);
});

const typedOf = (form: FormData) =>
  postedText(form, [
    "title",
    "kind",
    "unit",
    "direction",
    "startValue",
    "targetValue",
    "ownerEmail",
    "contributorEmails",
  ]);

/** Added, back to the objective at the new key result; a refusal stays here with what was typed. */
export const action = withFormRefusals(
  async ({ request, params }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: KeyResultSchema });
    if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
    const added = await addKeyResult(viewer, params.objectiveId, submission.value);
    return redirect(`/goals/objectives/${params.objectiveId}?done=keyResultAdded#kr-${added.id}`);
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function NewKeyResult({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("goals");
  const busy = useSubmitting();
  const { objective, count } = loaderData;
  return (
    <>
      <BackLink to={`/goals/objectives/${objective.id}`}>{objective.title}</BackLink>
      <PageHeader
        title={t("newKeyResult.heading")}
        description={t("newKeyResult.intro", { title: objective.title, count })}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <Card>
        <KeyResultForm
          typed={actionData?.typed ?? {}}
          errors={actionData?.errors ?? {}}
          busy={busy}
        />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
