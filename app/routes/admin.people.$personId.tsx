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
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { PersonSchema } from "~/modules/people/person-form";
import { deactivationPreview, getPerson, listTeamOptions, personExists, setPersonActive, signOutEverywhere, updatePerson } from "~/modules/people/service.server";
import { createSignInLink, signInLinkPath, SIGN_IN_LINK_DAYS } from "~/modules/identity/sign-in-links/sign-in-link.server";
import { placeChoiceOf } from "~/modules/people/track-level";
import { getTrackLevelCheck, getTrackOptions } from "~/modules/people/track-levels.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { formatDateTime } from "~/modules/time-zones";
import { withDomainErrors } from "~/utils/http.server";
import { useTimeZone } from "~/utils/time-zone";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.person.name ?? "Person"} · People · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  if (!params.personId) throw new NotFoundError("There is no person with that id.");
  const [person, teams, tracks] = await Promise.all([getPerson(params.personId), listTeamOptions(), getTrackOptions()]);
  const ends = person.deactivatedAt === null ? await deactivationPreview(person.id) : {};
  return { person, teams, tracks, isSelf: viewer.id === person.id, linkDays: SIGN_IN_LINK_DAYS, ends };
});

const intents = ["update", "deactivate", "reactivate", "sign-out-everywhere", "create-sign-in-link"] as const;
type Intent = (typeof intents)[number];

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const personId = params.personId;
  if (!personId || !(await personExists(personId))) throw new NotFoundError("There is no person with that id.");
  const formData = await request.formData();
  const intent = formData.get("intent") as Intent | null;
  if (!intent || !intents.includes(intent)) throw new InvalidError("Unknown action.");

  switch (intent) {
    case "update": {
      const submission = parseWithZod(formData, { schema: PersonSchema });
      if (submission.status !== "success") {
        return data({ intent, result: submission.reply(), message: null }, { status: 400 });
      }
      const result = await updatePerson(viewer.id, personId, submission.value, await getTrackLevelCheck());
      if (!result.ok) {
        return data({ intent, result: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), message: null }, { status: 400 });
      }
      return { intent, result: submission.reply(), message: "Saved." };
    }
    case "deactivate":
    case "reactivate": {
      const result = await setPersonActive(viewer.id, personId, intent === "reactivate");
      if (!result.ok) return data({ intent, error: result.message }, { status: 400 });
      return { intent, message: intent === "deactivate" ? "Deactivated. Their sessions have ended." : "Reactivated. They can sign in again." };
    }
    case "sign-out-everywhere": {
      const ended = await signOutEverywhere(viewer.id, personId);
      return { intent, message: `Ended ${plural(ended, "# session")}.` };
    }
    case "create-sign-in-link": {
      const result = await createSignInLink(viewer.id, personId);
      if (!result.ok) return data({ intent, error: result.message }, { status: 400 });
      const url = new URL(signInLinkPath(result.token), request.url).toString();
      return { intent, link: url, expiresAt: result.expiresAt.toISOString() };
    }
  }
});

export default function EditPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { person, teams, tracks, isSelf, linkDays, ends } = loaderData;
  const timeZone = useTimeZone();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
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
  const link = actionData && "link" in actionData && actionData.link && actionData.expiresAt ? { url: actionData.link, expiresAt: actionData.expiresAt } : null;
  const deactivated = person.deactivatedAt !== null;

  return (
    <>
      <BackLink to="/admin/people">People</BackLink>
      <PageHeader title={person.name} description={`${person.email}${deactivated ? " · Deactivated" : ""}`} />

      {deactivated ? (
        <Alert tone="warning" title="This person is deactivated">
          <p>
            Since {formatDateTime(person.deactivatedAt!, timeZone)} they cannot sign in. Their reviews, scores and history are kept.
            {person._count.reports
              ? ` ${plural(person._count.reports, "# active person still reports")} to them: choose a new manager for each.`
              : ""}
          </p>
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {message ? <Alert tone="success">{message}</Alert> : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-4 text-lg font-semibold">Details</h2>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="update" />
            <PersonFields fields={fields} teams={teams} tracks={tracks} currentManager={person.manager} levelMovedAt={person.levelMovedAt} />
            <FormErrors form={form} />
            <Button type="submit" disabled={busyIntent === "update"}>
              {busyIntent === "update" ? "Saving…" : "Save changes"}
            </Button>
          </Form>
        </Card>

        <div className="space-y-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Signing in</h2>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {person.password ? `Password last set ${formatDateTime(person.password.updatedAt, timeZone)}.` : "No password yet."}{" "}
              {plural(person._count.sessions, "# active session")}.
            </p>
            {link ? (
              <div className="mt-4">
                <CopyField
                  label="Sign-in link"
                  value={link.url}
                  hint={`Send this to ${person.name}. It works once, until ${formatDateTime(link.expiresAt, timeZone)}. It is not shown again.`}
                />
              </div>
            ) : null}
            <div className="mt-4 flex flex-wrap gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="create-sign-in-link" />
                <Button type="submit" variant="secondary" disabled={deactivated || busyIntent === "create-sign-in-link"}>
                  Create sign-in link
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="sign-out-everywhere" />
                <Button type="submit" variant="secondary" disabled={busyIntent === "sign-out-everywhere"}>
                  Sign out everywhere
                </Button>
              </Form>
            </div>
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              A sign-in link lets {person.name} choose a new password; it lasts {linkDays} days and replaces any earlier unused link.
            </p>
          </Card>

          <Card>
            <h2 className="mb-2 text-lg font-semibold">Reports</h2>
            {person.reports.length ? (
              <>
                <ul className="space-y-1 text-sm">
                  {person.reports.map((report) => (
                    <li key={report.id}>
                      <Link to={`/admin/people/${report.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                        {report.name}
                      </Link>
                    </li>
                  ))}
                </ul>
                {person._count.reports > person.reports.length ? (
                  <p className="mt-2 text-sm">
                    <Link to={`/admin/people?manager=${person.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                      See all {person._count.reports} reports
                    </Link>
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">Nobody reports to {person.name}.</p>
            )}
          </Card>

          <Card>
            <h2 className="mb-2 text-lg font-semibold">Status</h2>
            {deactivated ? (
              <Form method="post">
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Reactivating lets them sign in again with a password or a new sign-in link.</p>
                <input type="hidden" name="intent" value="reactivate" />
                <Button type="submit" variant="secondary" disabled={busyIntent === "reactivate"}>
                  Reactivate
                </Button>
              </Form>
            ) : (
              <Form method="post">
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                  Deactivating signs them out everywhere, stops them signing in and ends their work in progress. Their history is kept, and you can reactivate them later.
                </p>
                <input type="hidden" name="intent" value="deactivate" />
                <ConfirmSubmit
                  label="Deactivate"
                  title={`Deactivate ${person.name}?`}
                  tickLabel={`I understand: ${person.name} is signed out and what is listed here ends`}
                  variant="danger"
                  disabled={isSelf || busyIntent === "deactivate"}
                >
                  <DeactivationEnds name={person.name} ends={ends} />
                </ConfirmSubmit>
                {isSelf ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">You cannot deactivate yourself.</p> : null}
              </Form>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

/** The words for each figure a deactivation's workflows report (app/modules/workflows.server.ts). */
const ENDS_WORDS: Record<string, (count: number) => string> = {
  conversationSeriesEnded: (count) => `${plural(count, "# one-to-one or skip-level series ends")} for good`,
  conversationMeetingsWithdrawn: (count) => `${plural(count, "# meeting still to come is")} cancelled in both people's calendars`,
  feedbackRequestsWithdrawn: (count) => `${plural(count, "# feedback request by or about them is")} withdrawn`,
};

function DeactivationEnds({ name, ends }: { name: string; ends: Record<string, number> }) {
  const listed = Object.entries(ends).flatMap(([figure, count]) => (ENDS_WORDS[figure] ? [ENDS_WORDS[figure](count)] : []));
  return (
    <>
      <p>{name} is signed out everywhere and can no longer sign in.</p>
      {listed.length ? (
        <ul className="mt-2 list-disc pl-5">
          {listed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">They have no series, meetings or feedback requests in progress.</p>
      )}
      <p className="mt-2">Reactivating them later does not bring these back. Their history is kept.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
