import { Form, Link, data, useNavigation } from "react-router";
import type { Route } from "./+types/admin.ladders";
import { Button } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { formatsFor } from "~/i18n/format";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import type { AnyNamespaceT, PageLanguage } from "~/i18n/languages";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { formatLadderErrorSaying, type LadderError } from "~/modules/ladders";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import type { PeopleStillOnLadder } from "~/modules/ladders/people-on-ladders";
import { ladderState, reloadLaddersAs } from "~/modules/ladders/registry.server";
import { ladderStatus, restoreLadder, retireLadder } from "~/modules/ladders/retired.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("admin:ladders.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [state, ladders] = await Promise.all([ladderState(), ladderStatus()]);
  const t = translatorOf(context);
  // The files, lines and paths stay as written; what is wrong is said in the admin's language.
  const line = (error: LadderError) =>
    formatLadderErrorSaying(error, wordsOf(t, error.say ?? error.message));
  return {
    ...ladders,
    problems: state.problems.map(({ errors, ...problem }) => ({
      ...problem,
      count: errors.length,
      lines: errors.map(line),
    })),
    warnings: state.warnings.map(({ folder, warnings }) => ({ folder, lines: warnings.map(line) })),
  };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await formOf(request);
  const t = translatorOf(context);
  const intent = formData.get("intent") ?? "reload";
  if (intent === "retire" || intent === "restore") {
    const ladderId = formData.get("ladderId");
    if (typeof ladderId !== "string" || !ladderId)
      throw new NotFoundError({ key: "admin:ladders.errors.noSuchLadder" });
    const result =
      intent === "retire"
        ? await retireLadder(viewer.id, ladderId)
        : await restoreLadder(viewer.id, ladderId);
    if (result.ok) return { message: wordsOf(t, result.message) };
    return data(
      {
        error:
          "stillOn" in result
            ? stillOnWords(t, languageOf(context), result.stillOn)
            : wordsOf(t, result.message),
      },
      { status: 400 },
    );
  }
  if (intent !== "reload") throw new InvalidError({ key: "admin:ladders.errors.unknownAction" });
  const state = await reloadLaddersAs(viewer.id);
  const failing = state.problems.length;
  return {
    message: failing
      ? t("admin:ladders.reloadedWithErrors", { served: state.served.length, failing })
      : t("admin:ladders.reloaded", { served: state.served.length }),
  };
});

/** The refusal to retire a ladder people are on, the first few named as a list in the admin's language. */
function stillOnWords(
  t: AnyNamespaceT,
  language: PageLanguage,
  { ladder, count, named, others }: PeopleStillOnLadder,
): string {
  const people = formatsFor(language, "UTC").list(
    others > 0 ? [...named, t("admin:ladders.outcome.others", { count: others })] : named,
  );
  return t("admin:ladders.outcome.peopleStillOn", { count, ladder, people });
}

export default function LadderStatus({ loaderData, actionData }: Route.ComponentProps) {
  const { served, retired, removed, problems, warnings } = loaderData;
  const done = actionData;
  const navigation = useNavigation();
  const sending = useSubmitting();
  const pending = sending ? navigation.formData : undefined;
  const reloading = pending?.get("intent") === "reload";
  const { t } = useTranslation("admin");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={t("ladders.heading")}
        description={t("ladders.description")}
        actions={
          <Form method="post">
            <Button type="submit" name="intent" value="reload" disabled={reloading}>
              {reloading ? t("ladders.reloading") : t("ladders.reload")}
            </Button>
          </Form>
        }
      />
      {done && "message" in done ? <Alert tone="success">{done.message}</Alert> : null}
      {done && "error" in done ? <Alert tone="error">{done.error}</Alert> : null}
      {problems.length === 0 ? <Alert tone="success">{t("ladders.allLoaded")}</Alert> : null}
      {problems.map((problem) => (
        <Alert
          key={problem.folder}
          tone="error"
          title={t("ladders.problemTitle", { folder: problem.folder, count: problem.count })}
        >
          <p className="mb-2">
            {!problem.keptPrevious
              ? t("ladders.notServed")
              : problem.storedAt
                ? t("ladders.servingStored", { when: f.dateTime(problem.storedAt) })
                : t("ladders.servingLastGood")}
          </p>
          <ul className="space-y-1 font-mono text-xs">
            {problem.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ))}
      {warnings.map((entry) => (
        <Alert
          key={entry.folder}
          tone="warning"
          title={t("ladders.warningTitle", { folder: entry.folder, count: entry.lines.length })}
        >
          <p className="mb-2">{t("ladders.warningsBody")}</p>
          <ul className="space-y-1 font-mono text-xs">
            {entry.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ))}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("ladders.served")}</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          {t("ladders.servedIntro")}
        </p>
        <ul className="space-y-2 text-sm">
          {served.map((ladder) => (
            <li key={ladder.folder} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>
                <Link
                  to={`/ladders/${ladder.id}`}
                  className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                >
                  {ladder.name}
                </Link>{" "}
                {t("ladders.servedLine", {
                  version: ladder.version,
                  folder: ladder.folder,
                  hash: ladder.hash.slice(0, 12),
                  count: ladder.activePeople,
                })}
              </span>
              <LadderButton intent="retire" ladder={ladder} pending={pending} />
            </li>
          ))}
        </ul>
      </Card>
      {retired.length ? (
        <Card className="mt-6">
          <h2 className="mb-3 text-lg font-semibold">{t("ladders.retired")}</h2>
          <ul className="space-y-2 text-sm">
            {retired.map((ladder) => (
              <li key={ladder.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span>
                  {ladder.served ? (
                    <Link
                      to={`/ladders/${ladder.id}`}
                      className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                    >
                      {ladder.name}
                    </Link>
                  ) : (
                    ladder.name
                  )}{" "}
                  {ladder.retiredBy
                    ? t("ladders.retiredOnBy", {
                        when: f.dateTime(ladder.retiredAt),
                        by: ladder.retiredBy,
                        folder: ladder.served ? "kept" : "gone",
                      })
                    : t("ladders.retiredOn", {
                        when: f.dateTime(ladder.retiredAt),
                        folder: ladder.served ? "kept" : "gone",
                      })}
                </span>
                <LadderButton intent="restore" ladder={ladder} pending={pending} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {removed.length ? (
        <Card className="mt-6">
          <h2 className="mb-1 text-lg font-semibold">{t("ladders.removed")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {t("ladders.removedIntro")}
          </p>
          <ul className="space-y-2 text-sm">
            {removed.map((ladder) => (
              <li key={ladder.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span>
                  {ladder.name} (<code>{ladder.id}</code>)
                </span>
                <LadderButton intent="retire" ladder={ladder} pending={pending} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function LadderButton({
  intent,
  ladder,
  pending,
}: {
  intent: "retire" | "restore";
  ladder: { id: string; name: string };
  pending: FormData | undefined;
}) {
  const busy = pending?.get("intent") === intent && pending.get("ladderId") === ladder.id;
  const { t } = useTranslation("admin");
  return (
    <Form method="post">
      <input type="hidden" name="ladderId" value={ladder.id} />
      <Button
        type="submit"
        variant="secondary"
        name="intent"
        value={intent}
        disabled={busy}
        aria-label={
          intent === "retire"
            ? t("ladders.retireLabel", { name: ladder.name })
            : t("ladders.restoreLabel", { name: ladder.name })
        }
      >
        {intent === "retire"
          ? busy
            ? t("ladders.retiring")
            : t("ladders.retire")
          : busy
            ? t("ladders.restoring")
            : t("ladders.restore")}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
