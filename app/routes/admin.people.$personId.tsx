import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, useNavigation } from "react-router";
import type { Route } from "./+types/admin.people.$personId";
import { PersonFields } from "~/components/people/person-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { CopyField } from "~/components/ui/copy-field";
import { FormErrors } from "~/components/ui/field";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { PersonSchema, wordedFieldErrors } from "~/modules/people/person-form";
import {
  deactivationPreview,
  getPerson,
  listTeamOptions,
  personExists,
  setPersonActive,
  signOutEverywhere,
  updatePerson,
} from "~/modules/people/service.server";
import {
  createSignInLink,
  signInLinkPath,
  SIGN_IN_LINK_DAYS,
} from "~/modules/identity/sign-in-links/sign-in-link.server";
import { placeChoiceOf } from "~/modules/people/track-level";
import { getTrackLevelCheck, getTrackOptions } from "~/modules/people/track-levels.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("people:edit.title", { name: loaderData.person.name })
        : t("people:edit.titleUnknown"),
    },
  ];
};

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  if (!params.personId) throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  const [person, teams, tracks] = await Promise.all([
    getPerson(params.personId),
    listTeamOptions(),
    getTrackOptions(languageOf(context)),
  ]);
  const ends = person.deactivatedAt === null ? await deactivationPreview(person.id) : {};
  return {
    person,
    teams,
    tracks,
    isSelf: viewer.id === person.id,
    linkDays: SIGN_IN_LINK_DAYS,
    ends,
  };
});

const intents = [
  "update",
  "deactivate",
  "reactivate",
  "sign-out-everywhere",
  "create-sign-in-link",
] as const;
type Intent = (typeof intents)[number];

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const personId = params.personId;
  if (!personId || !(await personExists(personId)))
    throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  const formData = await formOf(request);
  const intent = formData.get("intent") as Intent | null;
  if (!intent || !intents.includes(intent))
    throw new InvalidError({ key: "people:edit.errors.unknownAction" });
  const t = translatorOf(context);

  switch (intent) {
    case "update": {
      const submission = parseWithZod(formData, { schema: PersonSchema });
      if (submission.status !== "success") {
        return data({ intent, result: submission.reply(), message: null }, { status: 400 });
      }
      const result = await updatePerson(
        viewer.id,
        personId,
        submission.value,
        await getTrackLevelCheck(),
      );
      if (!result.ok) {
        return data(
          {
            intent,
            result: submission.reply({
              fieldErrors: wordedFieldErrors(t, result.fieldErrors),
              formErrors: result.formErrors,
            }),
            message: null,
          },
          { status: 400 },
        );
      }
      return { intent, result: submission.reply(), message: t("people:edit.saved") };
    }
    case "deactivate":
    case "reactivate": {
      const result = await setPersonActive(viewer.id, personId, intent === "reactivate");
      if (!result.ok) return data({ intent, error: wordsOf(t, result.message) }, { status: 400 });
      return {
        intent,
        message:
          intent === "deactivate" ? t("people:edit.deactivated") : t("people:edit.reactivated"),
      };
    }
    case "sign-out-everywhere": {
      const ended = await signOutEverywhere(viewer.id, personId);
      return { intent, message: t("people:edit.sessionsEnded", { count: ended }) };
    }
    case "create-sign-in-link": {
      const result = await createSignInLink(viewer.id, personId);
      if (!result.ok) return data({ intent, error: wordsOf(t, result.message) }, { status: 400 });
      const url = new URL(signInLinkPath(result.token), request.url).toString();
      return { intent, link: url, expiresAt: result.expiresAt.toISOString() };
    }
  }
});

export default function EditPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { person, teams, tracks, isSelf, linkDays, ends } = loaderData;
  const { t } = useTranslation("people");
  const { t: exportsT } = useTranslation("exports");
  const f = useFormats();
  const navigation = useNavigation();
  const sending = useSubmitting();
  const busyIntent = sending ? navigation.formData?.get("intent") : null;
  const updateResult = actionData?.intent === "update" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: `person-${person.id}`,
    lastResult: updateResult,
    constraint: getZodConstraint(PersonSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      name: person.name,
      email: person.email,
      teamId: person.teamId ?? "",
      managerEmail: person.manager?.email ?? "",
      ...placeChoiceOf(tracks, person),
      levelSince: person.levelSince ?? "",
      isAdmin: person.isAdmin,
      isHiringAdmin: person.isHiringAdmin,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonSchema }),
  });
  const message = actionData && "message" in actionData ? actionData.message : null;
  const error = actionData && "error" in actionData ? actionData.error : null;
  const link =
    actionData && "link" in actionData && actionData.link && actionData.expiresAt
      ? { url: actionData.link, expiresAt: actionData.expiresAt }
      : null;
  const deactivated = person.deactivatedAt !== null;

  return (
    <>
      <BackLink to="/admin/people">{t("edit.back")}</BackLink>
      <PageHeader
        title={person.name}
        description={
          deactivated ? t("edit.emailDeactivated", { email: person.email }) : person.email
        }
        actions={
          <Link
            to={`/admin/people/${person.id}/export`}
            className="text-sm text-brand-600 hover:underline dark:text-brand-100"
          >
            {exportsT("admin.link")}
          </Link>
        }
      />

      {deactivated ? (
        <Alert tone="warning" title={t("edit.deactivatedTitle")}>
          <p>
            {t("edit.deactivatedSince", { when: f.dateTime(person.deactivatedAt!) })}
            {person._count.reports
              ? ` ${t("edit.reportsLeft", { count: person._count.reports })}`
              : ""}
          </p>
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {message ? <Alert tone="success">{message}</Alert> : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-4 text-lg font-semibold">{t("edit.details")}</h2>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="update" />
            <PersonFields
              fields={fields}
              teams={teams}
              tracks={tracks}
              currentManager={person.manager}
              levelMovedAt={person.levelMovedAt}
            />
            <FormErrors form={form} />
            <Button type="submit" disabled={busyIntent === "update"}>
              {busyIntent === "update" ? t("edit.saving") : t("edit.save")}
            </Button>
          </Form>
        </Card>

        <div className="space-y-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("edit.signingIn")}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {person.password
                ? t("edit.passwordSet", { when: f.dateTime(person.password.updatedAt) })
                : t("edit.noPassword")}{" "}
              {t("edit.activeSessions", { count: person._count.sessions })}
            </p>
            {link ? (
              <div className="mt-4">
                <CopyField
                  label={t("edit.signInLink")}
                  value={link.url}
                  hint={t("edit.signInLinkHint", {
                    name: person.name,
                    when: f.dateTime(link.expiresAt),
                  })}
                />
              </div>
            ) : null}
            <div className="mt-4 flex flex-wrap gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="create-sign-in-link" />
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={deactivated || busyIntent === "create-sign-in-link"}
                >
                  {t("edit.createSignInLink")}
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="sign-out-everywhere" />
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={busyIntent === "sign-out-everywhere"}
                >
                  {t("edit.signOutEverywhere")}
                </Button>
              </Form>
            </div>
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              {t("edit.signInLinkNote", { name: person.name, days: linkDays })}
            </p>
          </Card>

          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("edit.reports")}</h2>
            {person.reports.length ? (
              <>
                <ul className="space-y-1 text-sm">
                  {person.reports.map((report) => (
                    <li key={report.id}>
                      <Link
                        to={`/admin/people/${report.id}`}
                        className="text-brand-600 hover:underline dark:text-brand-100"
                      >
                        {report.name}
                      </Link>
                    </li>
                  ))}
                </ul>
                {person._count.reports > person.reports.length ? (
                  <p className="mt-2 text-sm">
                    <Link
                      to={`/admin/people?manager=${person.id}`}
                      className="text-brand-600 hover:underline dark:text-brand-100"
                    >
                      {t("edit.seeAllReports", { count: person._count.reports })}
                    </Link>
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {t("edit.noReports", { name: person.name })}
              </p>
            )}
          </Card>

          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("edit.status")}</h2>
            {deactivated ? (
              <Form method="post">
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                  {t("edit.reactivateNote")}
                </p>
                <input type="hidden" name="intent" value="reactivate" />
                <Button type="submit" variant="secondary" disabled={busyIntent === "reactivate"}>
                  {t("edit.reactivate")}
                </Button>
              </Form>
            ) : (
              <Form method="post">
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                  {t("edit.deactivateNote")}
                </p>
                <input type="hidden" name="intent" value="deactivate" />
                <ConfirmSubmit
                  label={t("edit.deactivate")}
                  title={t("edit.deactivateTitle", { name: person.name })}
                  tickLabel={t("edit.deactivateTick", { name: person.name })}
                  variant="danger"
                  disabled={isSelf || busyIntent === "deactivate"}
                >
                  <DeactivationEnds name={person.name} ends={ends} />
                </ConfirmSubmit>
                {isSelf ? (
                  <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                    {t("edit.notYourself")}
                  </p>
                ) : null}
              </Form>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

/** The message for each figure a deactivation's workflows report (app/modules/workflows.server.ts). */
const ENDS_KEYS = {
  conversationSeriesEnded: "edit.ends.conversationSeriesEnded",
  conversationMeetingsWithdrawn: "edit.ends.conversationMeetingsWithdrawn",
  feedbackRequestsWithdrawn: "edit.ends.feedbackRequestsWithdrawn",
  apiTokensRevoked: "edit.ends.apiTokensRevoked",
} as const;

function DeactivationEnds({ name, ends }: { name: string; ends: Record<string, number> }) {
  const { t } = useTranslation("people");
  const listed = Object.entries(ends).flatMap(([figure, count]) =>
    figure in ENDS_KEYS ? [t(ENDS_KEYS[figure as keyof typeof ENDS_KEYS], { count })] : [],
  );
  return (
    <>
      <p>{t("edit.ends.signedOut", { name })}</p>
      {listed.length ? (
        <ul className="mt-2 list-disc ps-5">
          {listed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t("edit.ends.nothing")}</p>
      )}
      <p className="mt-2">{t("edit.ends.notBack")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
