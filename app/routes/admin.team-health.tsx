import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/admin.team-health";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ItemText } from "~/components/team-health/item-text";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { LANGUAGES, languages, type Language } from "~/i18n/languages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { OwnItemSchema, STATEMENT_LIMIT } from "~/modules/team-health/forms";
import { ownKey, shownIn } from "~/modules/team-health/own-items";
import {
  deleteOwnItem,
  ownItemsForAdmin,
  restoreOwnItem,
  retireOwnItem,
  writeOwnItem,
} from "~/modules/team-health/own-items.server";
import { MAX_EXTRA_ITEMS } from "~/modules/team-health/policy";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

/** Sent as HTML (decision 157): its forms post and redirect; a refused item keeps what was typed. */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:own.title") },
];

/** The organisation's own team health items (decision 123): admins' (anyone else reads a 404, as the service decides). */
export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const language = languageOf(context);
  const items = await ownItemsForAdmin(viewer);
  const editing = new URL(request.url).searchParams.get("edit");
  const shown = (item: (typeof items.offered)[number]) => ({
    id: item.id,
    key: ownKey(item.id),
    language: item.language,
    wording: item.wording,
    reversed: item.reversed,
    asked: item.asked,
    canDelete: item.canDelete,
    shown: shownIn(item, language),
  });
  const all = [...items.offered, ...items.retired];
  return {
    offered: items.offered.map(shown),
    retired: items.retired.map(shown),
    max: items.max,
    maxExtra: MAX_EXTRA_ITEMS,
    pageLanguage: languages.find((code) => code === language) ?? "en",
    editing: all.find((item) => item.id === editing) ?? null,
  };
});

type Errors = Record<string, string[] | null | undefined>;

type Typed = {
  id: string;
  language: string;
  wording: Partial<Record<Language, string>>;
  reversed: boolean;
};

const typedOf = (form: FormData): Typed => ({
  id: String(form.get("id") ?? ""),
  language: String(form.get("language") ?? ""),
  wording: Object.fromEntries(
    languages.map((language) => [language, String(form.get(`wording.${language}`) ?? "")]),
  ),
  reversed: form.get("reversed") === "on",
});

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    const id = String(form.get("id") ?? "");
    if (intent === "save") {
      const submission = parseWithZod(form, { schema: OwnItemSchema });
      if (submission.status !== "success")
        return data(
          {
            intent,
            errors: (submission.error ?? {}) as Errors,
            typed: typedOf(form),
            error: null as string | null,
          },
          { status: 400 },
        );
      await writeOwnItem(viewer, submission.value, id || null);
    } else if (intent === "retire") {
      await retireOwnItem(viewer, id);
    } else if (intent === "restore") {
      await restoreOwnItem(viewer, id);
    } else if (intent === "delete") {
      await deleteOwnItem(viewer, id);
    } else {
      throw new InvalidError({ key: "teamHealth:errors.unknownAction" });
    }
    return redirect("/admin/team-health");
  },
  (form) => ({
    errors: {} as Errors,
    typed: form.get("intent") === "save" ? typedOf(form) : null,
  }),
);

export default function TeamHealthItems({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const busy = useSubmitting();
  const errors = actionData?.errors ?? {};
  const typed = actionData?.typed ?? null;
  const editing = loaderData.editing;
  // What the form shows: what was sent when it was refused, else the item being changed, else nothing.
  const values: Typed = typed ?? {
    id: editing?.id ?? "",
    language: editing?.language ?? loaderData.pageLanguage,
    wording: editing?.wording ?? {},
    reversed: editing?.reversed ?? false,
  };
  const formKey = `${values.id}-${actionData ? "sent" : "new"}`;
  return (
    <>
      <PageHeader
        title={t("own.heading")}
        description={t("own.intro", { max: loaderData.maxExtra })}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">
            {values.id ? t("own.editHeading") : t("own.newHeading")}
          </h2>
          {values.id && editing?.asked ? (
            <p className="muted mb-2 text-sm">{t("own.editNote")}</p>
          ) : null}
          <Form method="post" className="space-y-3" key={formKey}>
            <input type="hidden" name="intent" value="save" />
            {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
            <SelectField
              label={t("own.language")}
              hint={t("own.languageHint")}
              name="language"
              defaultValue={values.language}
              errors={errors.language}
            >
              {languages.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGES[code].name}
                </option>
              ))}
            </SelectField>
            {languages.map((code) => (
              <Field
                key={code}
                label={t("own.statement", { language: code })}
                name={`wording.${code}`}
                lang={code}
                dir={LANGUAGES[code].dir}
                maxLength={STATEMENT_LIMIT}
                defaultValue={values.wording[code as Language] ?? ""}
                errors={errors[`wording.${code}`]}
              />
            ))}
            <CheckboxField
              id="own-reversed"
              name="reversed"
              defaultChecked={values.reversed}
              label={t("own.reversed")}
              hint={t("own.reversedHint")}
            />
            <div className="flex flex-wrap items-center gap-2">
              <Button type="submit" disabled={busy}>
                {values.id ? t("own.save") : t("own.add")}
              </Button>
              {values.id ? (
                <Link to="/admin/team-health" className="link text-sm">
                  {t("own.cancel")}
                </Link>
              ) : null}
            </div>
          </Form>
        </Card>
        <div className="space-y-6">
          <ItemList
            heading={t("own.offered", { count: loaderData.offered.length, max: loaderData.max })}
            empty={t("own.noneOffered")}
            items={loaderData.offered}
            busy={busy}
          />
          {loaderData.retired.length ? (
            <ItemList
              heading={t("own.retired")}
              empty=""
              items={loaderData.retired}
              busy={busy}
              retired
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

type Listed = Route.ComponentProps["loaderData"]["offered"][number];

function ItemList({
  heading,
  empty,
  items,
  busy,
  retired = false,
}: {
  heading: string;
  empty: string;
  items: readonly Listed[];
  busy: boolean;
  retired?: boolean;
}) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const id = retired ? "retired-heading" : "offered-heading";
  return (
    <Card>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {heading}
      </h2>
      {items.length ? (
        <ul aria-labelledby={id} className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="border-t border-slate-200 pt-2 dark:border-slate-700">
              <p>
                <ItemText item={item.key} own={{ [item.key]: item.shown }} />
              </p>
              <p className="muted text-xs">
                {t("own.written", {
                  languages: f.list(
                    languages
                      .filter((code) => item.wording[code])
                      .map((language) => t("own.languageName", { language })),
                  ),
                })}
                {item.reversed ? ` · ${t("results.reversed")}` : ""}
                {item.asked ? ` · ${t("own.asked")}` : ""}
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <Link to={`/admin/team-health?edit=${item.id}`} className="link text-sm">
                  {t("own.edit")}
                </Link>
                <Form method="post">
                  <input type="hidden" name="id" value={item.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value={retired ? "restore" : "retire"}
                    variant="secondary"
                    disabled={busy}
                  >
                    {retired ? t("own.restore") : t("own.retire")}
                  </Button>
                </Form>
                {item.canDelete ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={item.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="delete"
                      variant="secondary"
                      disabled={busy}
                    >
                      {t("own.delete")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">{empty}</p>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
