import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/admin.stretch";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { allowedPosters, setPoster } from "~/modules/opportunities/opportunities.server";
import { CapSchema } from "~/modules/sponsorship/forms";
import { setSponsorshipCap, sponsorshipCap } from "~/modules/sponsorship/sponsorship.server";
import { withFormRefusals, withDomainErrors } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { postedText } from "~/utils/posted";
import { plainHtml } from "~/utils/page-scripts";

/** Sent as HTML (decision 157): its forms post and redirect; a refusal keeps what was typed. */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("opportunities:admin.title") },
];

/** Who may post opportunities besides managers, and the cap on a sponsor's active sponsorships: admins' (anyone else reads a 404, as the services decide). */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [posters, cap] = await Promise.all([allowedPosters(viewer), sponsorshipCap()]);
  return { posters, cap };
});

/** What a refused form had typed, for the page to show again. */
const typedOf = (form: FormData) => postedText(form, ["email", "cap"]);

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    if (intent === "allow" || intent === "remove") {
      await setPoster(viewer, String(form.get("email") ?? ""), intent === "allow");
    } else if (intent === "cap") {
      const submission = parseWithZod(form, { schema: CapSchema });
      if (submission.status !== "success")
        return data(
          {
            intent,
            capErrors: submission.error?.cap ?? [],
            typed: typedOf(form),
            error: null as string | null,
          },
          { status: 400 },
        );
      await setSponsorshipCap(viewer, submission.value.cap);
    } else {
      throw new InvalidError({ key: "opportunities:errors.unknownAction" });
    }
    return redirect("/admin/stretch");
  },
  // Refused, the page comes back as a new document: with what was typed.
  (form) => ({ capErrors: [] as string[], typed: typedOf(form) }),
);

export default function StretchSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { posters, cap } = loaderData;
  const { t } = useTranslation("opportunities");
  const busy = useSubmitting();
  const typed: Partial<Record<string, string>> = actionData?.typed ?? {};
  return (
    <>
      <PageHeader title={t("admin.heading")} description={t("admin.intro")} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("admin.posters")}</h2>
          {posters.length ? (
            <ul className="mb-3 space-y-1 text-sm">
              {posters.map((person) => (
                <li key={person.id}>{person.name}</li>
              ))}
            </ul>
          ) : (
            <p className="mb-3 text-sm">{t("admin.noPosters")}</p>
          )}
          <Form method="post" className="space-y-2">
            <Field
              label={t("admin.email")}
              name="email"
              type="email"
              required
              defaultValue={typed.email}
            />
            <div className="flex gap-2">
              <Button type="submit" name="intent" value="allow" disabled={busy}>
                {t("admin.allow")}
              </Button>
              <Button
                type="submit"
                name="intent"
                value="remove"
                variant="secondary"
                disabled={busy}
              >
                {t("admin.remove")}
              </Button>
            </div>
          </Form>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("admin.cap")}</h2>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="cap" />
            <Field
              label={t("admin.capField")}
              hint={t("admin.capHint")}
              name="cap"
              type="number"
              min={1}
              max={10}
              defaultValue={typed.cap ?? String(cap)}
              errors={actionData?.capErrors}
            />
            <Button type="submit" disabled={busy}>
              {t("admin.save")}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
