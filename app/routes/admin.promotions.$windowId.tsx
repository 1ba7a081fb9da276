import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.promotions.$windowId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WindowForm } from "~/components/promotions/window-form";
import { SubmitButton } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { requireRole } from "~/modules/identity/permissions.server";
import { getLevel } from "~/modules/ladders/lookups";
import { offeredLadders } from "~/modules/ladders/retired.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { WindowSchema } from "~/modules/promotions/forms";
import {
  canOpenWindow,
  ladderVersionLocked,
  votesStartRefusal,
  windowCloseRefusal,
} from "~/modules/promotions/policy";
import { modeOfLadder } from "~/modules/promotions/settings.server";
import {
  closeWindow,
  openWindow,
  startVotes,
  updateWindow,
  windowForAdmin,
} from "~/modules/promotions/windows.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { revalidateAfterConflict, revisionField } from "~/utils/revision";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  { title: metaT(matches)("promotions:window.title", { name: loaderData?.window.name ?? "" }) },
];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const { window, eligible, nominations, events, closeFacts, votesFacts, auditOpened } =
    await windowForAdmin(viewer, params.windowId ?? "");
  const [ladders, ladder, mode] = await Promise.all([
    offeredLadders(),
    requireLadderOfVersion(window.ladderVersionId),
    modeOfLadder(window.ladderId),
  ]);
  return {
    window: {
      id: window.id,
      name: window.name,
      state: window.state,
      revision: window.revision,
      ladderName: ladder.meta.name,
      ladderVersion: ladder.meta.version,
      locked: ladderVersionLocked(window),
      minMembers: window.minMembers,
      membersAtOrAbove: window.membersAtOrAbove,
      minOutsideMembers: window.minOutsideMembers,
      redactedFirstRead: window.redactedFirstRead,
    },
    canOpen: canOpenWindow(viewer, window, mode),
    votesStep: window.state === "open" ? { refusal: votesStartRefusal(viewer, votesFacts) } : null,
    auditStep: {
      opened: auditOpened,
      closeRefusal: window.state === "meeting" ? windowCloseRefusal(viewer, closeFacts) : null,
    },
    values: {
      name: window.name,
      ladderId: window.ladderId,
      nominationsOpenOn: dateToDay(window.nominationsOpenOn),
      nominationsCloseOn: dateToDay(window.nominationsCloseOn),
      packetsDueOn: dateToDay(window.packetsDueOn),
      votesDueOn: dateToDay(window.votesDueOn),
      effectiveOn: dateToDay(window.effectiveOn),
    },
    ladders: ladders.map((served) => ({
      id: served.ladder.meta.id,
      name: served.ladder.meta.name,
    })),
    eligible,
    nominations: nominations.map((row) => ({
      ...row,
      targetTitle: getLevel(ladder, row.targetLevelId)?.title ?? row.targetLevelId,
    })),
    events,
  };
});

export { revalidateAfterConflict as shouldRevalidate };

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireRole(request, "admin");
  const windowId = params.windowId ?? "";
  if (form.get("intent") === "open") {
    await openWindow(viewer, windowId);
    return redirect(`/admin/promotions/${windowId}`);
  }
  if (form.get("intent") === "votes") {
    await startVotes(viewer, windowId);
    return redirect(`/admin/promotions/${windowId}`);
  }
  if (form.get("intent") === "close") {
    await closeWindow(viewer, windowId);
    return redirect(`/admin/promotions/${windowId}`);
  }
  const submission = parseWithZod(form, { schema: WindowSchema });
  if (submission.status !== "success")
    return data({ intent: "edit", reply: submission.reply(), error: null }, { status: 400 });
  await updateWindow(viewer, windowId, submission.value, revisionField(form));
  return redirect(`/admin/promotions/${windowId}?saved=1`);
});

export default function PromotionWindow({ loaderData, actionData }: Route.ComponentProps) {
  const { window, canOpen, votesStep, auditStep, values, ladders, eligible, nominations, events } =
    loaderData;
  const { t } = useTranslation("promotions");
  const f = useFormats();
  return (
    <>
      <BackLink to="/admin/promotions">{t("admin.heading")}</BackLink>
      <PageHeader
        title={window.name}
        description={t("window.description", {
          ladder: window.ladderName,
          version: window.ladderVersion,
          state: t(`state.${window.state}`),
        })}
      />
      {actionData?.error ? <Alert tone="error">{String(actionData.error)}</Alert> : null}
      <Card className="mb-6">
        <p className="text-sm">
          {window.locked
            ? t("window.locked", { version: window.ladderVersion })
            : t("window.notLocked")}
        </p>
        <p className="muted mt-1 text-sm">
          {t("window.rules", { minMembers: window.minMembers, outside: window.minOutsideMembers })}{" "}
          {t(window.membersAtOrAbove ? "window.aboveOn" : "window.aboveOff")}{" "}
          {t(window.redactedFirstRead ? "window.redactedOn" : "window.redactedOff")}
        </p>
        {window.locked ? (
          <p className="muted mt-1 text-sm">{t("window.eligible", { count: eligible })}</p>
        ) : null}
        {canOpen ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="open" />
            <SubmitButton busyLabel={t("window.opening")}>{t("window.open")}</SubmitButton>
          </Form>
        ) : null}
      </Card>
      {votesStep ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("window.votesStep.heading")}</h2>
          <p className="text-sm">
            {t("window.votesStep.description")}{" "}
            <Link
              to={`/promotions/windows/${window.id}/committee`}
              className="text-brand-600 hover:underline dark:text-brand-100"
            >
              {t("window.votesStep.committeeLink")}
            </Link>
          </p>
          {votesStep.refusal ? (
            <p className="muted mt-2 text-sm">{wordsOf(t, votesStep.refusal)}</p>
          ) : (
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="votes" />
              <SubmitButton busyLabel={t("window.votesStep.starting")}>
                {t("window.votesStep.start")}
              </SubmitButton>
            </Form>
          )}
        </Card>
      ) : null}
      {window.locked ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("window.auditStep.heading")}</h2>
          <p className="text-sm">
            {auditStep.opened
              ? t("window.auditStep.opened", {
                  who: auditStep.opened.chairName,
                  at: f.dateTime(auditStep.opened.at),
                })
              : t("window.auditStep.waiting")}{" "}
            <Link
              to={`/promotions/windows/${window.id}/audit`}
              className="text-brand-600 hover:underline dark:text-brand-100"
            >
              {t("window.auditStep.link")}
            </Link>
          </p>
          {window.state === "meeting" ? (
            auditStep.closeRefusal ? (
              <p className="muted mt-2 text-sm">{wordsOf(t, auditStep.closeRefusal)}</p>
            ) : (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="close" />
                <SubmitButton busyLabel={t("window.closing")}>{t("window.close")}</SubmitButton>
              </Form>
            )
          ) : null}
        </Card>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">{t("window.nominations")}</h2>
      {nominations.length ? (
        <DataTable
          caption={t("window.nominations")}
          headings={[
            t("window.number"),
            t("window.nominee"),
            t("window.kind"),
            t("window.target"),
            t("window.packet"),
            t("admin.state"),
          ]}
        >
          {nominations.map((row) => (
            <tr key={row.id}>
              <td className={`${tdClass} tabular-nums`}>{row.number}</td>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/promotions/nominations/${row.id}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {row.nomineeName}
                </Link>
              </th>
              <td className={tdClass}>{t(`kind.${row.kind}`)}</td>
              <td className={tdClass}>{row.targetTitle}</td>
              <td className={tdClass}>
                {row.packetSubmitted ? t("window.packetIn") : t("window.packetDraft")}
              </td>
              <td className={tdClass}>{t(`nominationState.${row.state}`)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm">{t("window.noNominations")}</p>
        </Card>
      )}
      {window.state !== "closed" ? (
        <Card className="mt-6 max-w-3xl">
          <h2 className="mb-3 text-lg font-semibold">{t("window.edit")}</h2>
          <WindowForm
            id="edit-window"
            intent="edit"
            lastResult={actionData && "reply" in actionData ? actionData.reply : undefined}
            defaultValue={values}
            ladders={ladders}
            ladderLocked={window.locked}
            revision={window.revision}
            submitLabel={t("window.save")}
          />
        </Card>
      ) : null}
      <h2 className="mb-3 mt-8 text-lg font-semibold">{t("window.history")}</h2>
      <ul className="space-y-1 text-sm">
        {events.map((event) => (
          <li key={event.id}>
            {t("window.event", {
              at: f.dateTime(event.at),
              who: event.actorName ?? "—",
              kind: t(`eventKind.${event.kind}`),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
