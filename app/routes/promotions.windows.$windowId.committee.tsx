import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/promotions.windows.$windowId.committee";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MeetingCard } from "~/components/meeting-card";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { meetingEnd, meetingSchema } from "~/modules/calibration/meeting";
import { InvalidError } from "~/modules/errors";
import { requireUser, requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import {
  committeePage,
  nameMember,
  removeMember,
  scheduleCommitteeMeeting,
} from "~/modules/promotions/committee.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";
import { postedText } from "~/utils/posted";

/**
 * Sent as HTML (decision 153): naming and removing members and setting the meeting redirect with
 * what they did in `?done=`; a refusal comes back as a document with what was typed.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("promotionsCommittee:committee.title", { window: loaderData.window.name })
      : metaT(matches)("promotionsCommittee:committee.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return committeePage(viewer, params.windowId ?? "", languageOf(context));
});

const COMMITTEE_DONE = ["meetingSet", "meetingRemoved", "named", "removed"] as const;
type CommitteeDone = (typeof COMMITTEE_DONE)[number];

export const action = withFormRefusals(
  async ({ request, params }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const windowId = params.windowId ?? "";
    const intent = form.get("intent");
    const done = (what: CommitteeDone) =>
      redirect(`/promotions/windows/${windowId}/committee?done=${what}`);
    if (intent === "meeting") {
      const { timeZone } = await requireUserAndTimeZone(request);
      const submission = parseWithZod(form, { schema: meetingSchema(timeZone) });
      if (submission.status !== "success")
        return data(
          { intent: "meeting" as const, meetingResult: submission.reply() },
          { status: 400 },
        );
      await scheduleCommitteeMeeting(viewer, windowId, {
        startsAt: submission.value.startsAt,
        endsAt: meetingEnd(submission.value),
      });
      return done("meetingSet");
    }
    if (intent === "meeting-remove") {
      await scheduleCommitteeMeeting(viewer, windowId, null);
      return done("meetingRemoved");
    }
    if (intent === "name") {
      await nameMember(viewer, windowId, {
        email: String(form.get("email") ?? ""),
        role: String(form.get("role") ?? "member"),
      });
      return done("named");
    }
    if (intent === "remove") {
      await removeMember(viewer, windowId, String(form.get("personId") ?? ""));
      return done("removed");
    }
    throw new InvalidError({ key: "promotionsCommittee:errors.unknownAction" });
  },
  // A refused name keeps what was typed: the page comes back as a new document.
  (form) => ({ typed: postedText(form, ["email", "role"]) }),
);

export default function CommitteePage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("promotionsCommittee");
  const { t: common } = useTranslation("common");
  const busy = useSubmitting();
  const error = actionData && "error" in actionData ? actionData.error : null;
  const meetingResult =
    actionData && "meetingResult" in actionData ? actionData.meetingResult : undefined;
  const message = useDoneMessage(
    Object.fromEntries(
      COMMITTEE_DONE.map((what) => [what, t(`committee.flash.${what}`)]),
    ) as Record<CommitteeDone, string>,
    actionData,
  );
  const typed = actionData && "typed" in actionData ? actionData.typed : {};
  const nameOf = (id: string) => page.members.find((member) => member.personId === id)?.name ?? "";
  return (
    <>
      <BackLink to={`/promotions/windows/${page.window.id}`}>{page.window.name}</BackLink>
      <PageHeader
        title={t("committee.heading", { window: page.window.name })}
        description={t("committee.rules", {
          min: page.window.rules.minMembers,
          outside: page.window.rules.minOutsideMembers,
          atOrAbove: page.window.rules.membersAtOrAbove ? "yes" : "no",
        })}
        actions={
          <Link to={`/promotions/windows/${page.window.id}/meeting`}>
            {t("committee.toMeeting")}
          </Link>
        }
      />
      {page.window.redactedFirstRead ? <Alert tone="info">{t("committee.redacted")}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {message ? <Alert tone="success">{message}</Alert> : null}
      <div className="space-y-6">
        <MeetingCard
          formId="committee-meeting"
          heading={t("committee.meeting.heading")}
          invitations={t("committee.meeting.invitations")}
          meeting={page.meeting}
          lastResult={meetingResult}
          busy={busy}
        />
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("committee.members")}</h2>
          {page.members.length ? (
            <ul className="space-y-2">
              {page.members.map((member) => (
                <li key={member.personId} className="flex items-center gap-3">
                  <span>{member.name}</span>
                  <span className="muted text-sm">
                    {t(member.role === "chair" ? "committee.role.chair" : "committee.role.member")}
                  </span>
                  {page.canEdit ? (
                    <Form method="post" className="ms-auto">
                      <input type="hidden" name="personId" value={member.personId} />
                      <Button
                        type="submit"
                        name="intent"
                        value="remove"
                        variant="secondary"
                        disabled={busy}
                      >
                        {t("committee.remove", { name: member.name })}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("committee.none")}</p>
          )}
          {page.canEdit ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
              <Field
                label={t("committee.email")}
                name="email"
                type="email"
                required
                defaultValue={typed.email}
              />
              <SelectField
                label={t("committee.roleLabel")}
                name="role"
                defaultValue={typed.role ?? "member"}
              >
                <option value="member">{t("committee.role.member")}</option>
                <option value="chair">{t("committee.role.chair")}</option>
              </SelectField>
              <Button type="submit" name="intent" value="name" disabled={busy}>
                {t("committee.name")}
              </Button>
            </Form>
          ) : null}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("committee.perNominee")}</h2>
          {page.nominations.length === 0 ? (
            <p className="muted">{t("committee.noNominees")}</p>
          ) : null}
          <ul className="space-y-4">
            {page.nominations.map((nomination) => (
              <li key={nomination.id}>
                <h3 className="font-semibold">
                  {t("committee.nominee", { name: nomination.nominee, target: nomination.target })}
                </h3>
                {nomination.problems.length ? (
                  <Alert tone="warning">
                    <ul>
                      {nomination.problems.map((problem) => (
                        <li key={problem.key}>{wordsOf(t, problem)}</li>
                      ))}
                    </ul>
                  </Alert>
                ) : (
                  <p className="text-sm">{t("committee.meetsRules")}</p>
                )}
                <ul className="text-sm">
                  {nomination.members.map((member) => (
                    <li key={member.personId}>
                      {common("list.labelled", { label: nameOf(member.personId) })}{" "}
                      {member.reason ? wordsOf(t, { key: member.reason }) : t("composition.votes")}
                      {member.outside ? ` · ${t("composition.outside")}` : ""}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
