import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.promotions._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SettingsForm } from "~/components/promotions/settings-form";
import { WindowForm } from "~/components/promotions/window-form";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { requireRole } from "~/modules/identity/permissions.server";
import { offeredLadders } from "~/modules/ladders/retired.server";
import { SettingsSchema, WindowSchema } from "~/modules/promotions/forms";
import { ORGANISATION_SCOPE } from "~/modules/promotions/policy";
import {
  allSettings,
  clearLadderSettings,
  saveSettings,
  settingsFor,
} from "~/modules/promotions/settings.server";
import { createWindow, windowsForAdmin } from "~/modules/promotions/windows.server";
import * as clock from "~/platform/clock.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotions:admin.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const [rows, ladders, windows] = await Promise.all([
    allSettings(),
    offeredLadders(),
    windowsForAdmin(viewer),
  ]);
  const today = clock.now().getTime();
  const addDays = (days: number) => dateToDay(new Date(today + days * 24 * 60 * 60 * 1000));
  const ladderNames = new Map(
    ladders.map((served) => [served.ladder.meta.id, served.ladder.meta.name]),
  );
  return {
    organisation: settingsFor(
      ORGANISATION_SCOPE,
      rows.filter((row) => row.scope === ORGANISATION_SCOPE),
    ),
    ladders: ladders.map((served) => {
      const id = served.ladder.meta.id;
      return {
        id,
        name: served.ladder.meta.name,
        own: rows.some((row) => row.scope === id),
        settings: { ...settingsFor(id, rows), scope: id },
      };
    }),
    windows: windows.map((window) => ({
      id: window.id,
      name: window.name,
      ladderName: ladderNames.get(window.ladderId) ?? window.ladderId,
      state: window.state,
      nominationsOpenOn: window.nominationsOpenOn,
      nominationsCloseOn: window.nominationsCloseOn,
      nominations: window.nominations,
    })),
    defaults: {
      ladderId: ladders[0]?.ladder.meta.id ?? "",
      nominationsOpenOn: addDays(7),
      nominationsCloseOn: addDays(28),
      packetsDueOn: addDays(42),
      votesDueOn: addDays(56),
      effectiveOn: addDays(70),
    },
  };
});

export const action = withFormRefusals(
  async ({ request, context }: Route.ActionArgs, form) => {
    const viewer = await requireRole(request, "admin");
    const intent = String(form.get("intent") ?? "");
    if (intent === "settings") {
      const submission = parseWithZod(form, { schema: SettingsSchema });
      if (submission.status !== "success") {
        const first =
          Object.values(submission.error ?? {}).flat()[0] ?? "promotions:errors.checkSettings";
        return data(
          {
            intent,
            scope: String(form.get("scope") ?? ""),
            reply: undefined,
            error: wordsOf(translatorOf(context), first),
          },
          { status: 400 },
        );
      }
      await saveSettings(viewer, submission.value);
      return redirect("/admin/promotions?saved=1");
    }
    if (intent === "clear") {
      await clearLadderSettings(viewer, String(form.get("scope") ?? ""));
      return redirect("/admin/promotions?saved=1");
    }
    const submission = parseWithZod(form, { schema: WindowSchema });
    if (submission.status !== "success")
      return data(
        { intent: "window", scope: null, reply: submission.reply(), error: null },
        { status: 400 },
      );
    const windowId = await createWindow(viewer, submission.value);
    return redirect(`/admin/promotions/${windowId}`);
    // Refused by the service (a ladder whose promotions are decided in calibration), a new window's form comes back as filled in.
  },
  (form) => ({
    scope: String(form.get("scope") ?? ""),
    reply:
      form.get("intent") === "window" || !form.get("intent")
        ? parseWithZod(form, { schema: WindowSchema }).reply()
        : undefined,
  }),
);

export default function PromotionProcess({ loaderData, actionData }: Route.ComponentProps) {
  const { organisation, ladders, windows, defaults } = loaderData;
  const { t } = useTranslation("promotions");
  const f = useFormats();
  const errorFor = (scope: string) =>
    actionData?.intent === "settings" && actionData.error && actionData.scope === scope
      ? String(actionData.error)
      : null;
  const windowResult =
    actionData &&
    actionData.intent !== "settings" &&
    actionData.intent !== "clear" &&
    actionData.reply
      ? actionData.reply
      : undefined;
  return (
    <>
      <PageHeader
        title={t("admin.heading")}
        description={t("admin.description")}
        actions={
          <Link to="/promotions" className="text-sm text-brand-600 underline dark:text-brand-100">
            {t("admin.howItWorksLink")}
          </Link>
        }
      />
      <Card className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">{t("admin.organisation")}</h2>
        <p className="muted mb-3 text-sm">{t("admin.organisationHint")}</p>
        {/* Keyed by what is saved: a saved or cleared choice redraws the form, whose fields are
            uncontrolled (a refused one keeps what was typed). */}
        <SettingsForm
          key={JSON.stringify(organisation)}
          values={organisation}
          own
          error={errorFor(ORGANISATION_SCOPE)}
        />
      </Card>
      {ladders.map((ladder) => (
        <Card key={ladder.id} className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("admin.ladder", { name: ladder.name })}</h2>
          <p className="muted mb-3 text-sm">
            {ladder.own ? t("admin.ladderOwn") : t("admin.ladderInherits")}
          </p>
          <SettingsForm
            key={JSON.stringify([ladder.settings, ladder.own])}
            values={ladder.settings}
            own={ladder.own}
            error={errorFor(ladder.id)}
          />
        </Card>
      ))}
      <h2 className="mb-3 mt-8 text-lg font-semibold">{t("admin.windows")}</h2>
      {windows.length ? (
        <DataTable
          caption={t("admin.windows")}
          headings={[
            t("admin.window"),
            t("admin.ladderColumn"),
            t("admin.state"),
            t("admin.nominationDates"),
            t("admin.nominations"),
          ]}
        >
          {windows.map((window) => (
            <tr key={window.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/admin/promotions/${window.id}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {window.name}
                </Link>
              </th>
              <td className={tdClass}>{window.ladderName}</td>
              <td className={tdClass}>{t(`state.${window.state}`)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {t("dateRange", {
                  from: f.day(window.nominationsOpenOn),
                  to: f.day(window.nominationsCloseOn),
                })}
              </td>
              <td className={`${tdClass} tabular-nums`}>{window.nominations}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm">{t("admin.noWindows")}</p>
        </Card>
      )}
      <Card className="mt-6 max-w-3xl">
        <h2 className="mb-3 text-lg font-semibold">{t("admin.newWindow")}</h2>
        <WindowForm
          id="new-window"
          intent="window"
          lastResult={windowResult}
          defaultValue={defaults}
          ladders={ladders.map(({ id, name }) => ({ id, name }))}
          ladderLocked={false}
          submitLabel={t("admin.createWindow")}
        />
        {actionData?.intent === "window" && actionData.error ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
            {String(actionData.error)}
          </p>
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
