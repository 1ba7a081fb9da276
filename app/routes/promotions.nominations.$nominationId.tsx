import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/promotions.nominations.$nominationId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, SourceTextsProvider } from "~/components/ladders/source-texts";
import { SubmitButton } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import type { EvidenceItem } from "~/modules/promotions/evidence";
import { AmendmentSchema, CaseSchema, ManagerAdditionSchema } from "~/modules/promotions/forms";
import { addToNomination, withdrawNomination } from "~/modules/promotions/nominations.server";
import {
  amendPacket,
  nominationPage,
  saveCase,
  submitPacket,
} from "~/modules/promotions/packets.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { postedText } from "~/utils/posted";
import { revalidateAfterConflict, revisionField } from "~/utils/revision";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: metaT(matches)("promotions:nomination.title", {
      name: loaderData?.nomination.nomineeName ?? "",
    }),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const asked = new URL(request.url).searchParams;
  const page = await nominationPage(
    viewer,
    params.nominationId ?? "",
    undefined,
    languageOf(context),
    asked.get("criterion"),
  );
  // The criterion just saved, named above the next one to write.
  const saved =
    page.packet?.criteria.find((criterion) => criterion.competencyId === asked.get("saved")) ??
    null;
  return { ...page, saved: saved && { competencyId: saved.competencyId, name: saved.name } };
});

export { revalidateAfterConflict as shouldRevalidate };

/** What a refused form sent, to show again: the texts typed and the evidence ticked. */
const typedOf = (form: FormData) => ({
  ...postedText(form, ["competencyId", "text", "addition", "reason"]),
  evidence: form.getAll("evidence").filter((value): value is string => typeof value === "string"),
});

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const nominationId = params.nominationId ?? "";
    const here = `/promotions/nominations/${nominationId}`;
    const intent = String(form.get("intent") ?? "");
    const refused = (issues: Record<string, string[] | null> | null | undefined) =>
      data(
        {
          intent,
          typed: typedOf(form),
          error: wordsOf(
            translatorOf(context),
            Object.values(issues ?? {}).flatMap((list) => list ?? [])[0] ??
              "promotions:errors.checkForm",
          ),
        },
        { status: 400 },
      );
    if (intent === "add") {
      const submission = parseWithZod(form, { schema: ManagerAdditionSchema });
      if (submission.status !== "success") return refused(submission.error);
      await addToNomination(viewer, nominationId, submission.value.addition);
      return redirect(here);
    }
    if (intent === "withdraw") {
      await withdrawNomination(
        viewer,
        nominationId,
        String(form.get("reason") ?? "")
          .trim()
          .slice(0, 1000),
      );
      return redirect(here);
    }
    if (intent === "amend") {
      const submission = parseWithZod(form, { schema: AmendmentSchema });
      if (submission.status !== "success") return refused(submission.error);
      await amendPacket(viewer, nominationId, submission.value.reason);
      return redirect(here);
    }
    const packetId = String(form.get("packetId") ?? "");
    if (intent === "submit") {
      await submitPacket(viewer, nominationId, packetId, revisionField(form));
      return redirect(here);
    }
    const submission = parseWithZod(form, { schema: CaseSchema });
    if (submission.status !== "success") return refused(submission.error);
    await saveCase(viewer, nominationId, packetId, submission.value);
    // On to the next criterion without the author's case, saying which one was saved.
    return redirect(`${here}?saved=${encodeURIComponent(submission.value.competencyId)}`);
  },
  (form) => ({ typed: typedOf(form) }),
);

export default function Nomination({ loaderData, actionData }: Route.ComponentProps) {
  const { nomination, window, role, can, packet, record, sponsorships, saved } = loaderData;
  const { t } = useTranslation("promotions");
  const f = useFormats();
  // A refused form's own fields come back as they were sent; every other form shows what is saved.
  const typedFor = (intent: string) =>
    actionData && actionData.intent === intent && "typed" in actionData ? actionData.typed : null;
  const typedCase = (competencyId: string) => {
    const typed = typedFor("case");
    return typed && typed.competencyId === competencyId ? typed : null;
  };
  return (
    <SourceTextsProvider texts={loaderData}>
      <BackLink to="/promotions">{t("process.heading")}</BackLink>
      <PageHeader
        title={
          <Sentence
            words={t("nomination.heading", { name: nomination.nomineeName, ...marks("target") })}
            elements={{ target: <LadderText text={nomination.targetTitle} /> }}
          />
        }
        description={t("nomination.description", {
          window: window.name,
          kind: t(`kind.${nomination.kind}`),
          by: nomination.nominatedByName,
          state: t(`nominationState.${nomination.state}`),
        })}
      />
      {actionData?.error ? <Alert tone="error">{String(actionData.error)}</Alert> : null}
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("nomination.statement")}</h2>
        <p className="whitespace-pre-line text-sm">{nomination.statement}</p>
        {nomination.managerAddition ? (
          <>
            <h3 className="mb-1 mt-4 text-sm font-semibold">{t("nomination.managerAddition")}</h3>
            <p className="whitespace-pre-line text-sm">{nomination.managerAddition}</p>
          </>
        ) : null}
        {can.add ? (
          <Form method="post" className="mt-4 space-y-2">
            <input type="hidden" name="intent" value="add" />
            <TextareaField
              name="addition"
              label={t("nomination.addLabel")}
              hint={t("nomination.addHint")}
              rows={4}
              defaultValue={typedFor("add")?.addition ?? nomination.managerAddition}
              required
              maxLength={4000}
            />
            <SubmitButton busyLabel={t("nomination.saving")}>{t("nomination.add")}</SubmitButton>
          </Form>
        ) : null}
        {can.withdraw ? (
          <Form method="post" className="mt-4 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="withdraw" />
            <TextareaField
              name="reason"
              label={t("nomination.withdrawReason")}
              defaultValue={typedFor("withdraw")?.reason}
              rows={2}
              className="min-w-64 flex-1"
              maxLength={1000}
            />
            <SubmitButton variant="secondary" busyLabel={t("nomination.saving")}>
              {t("nomination.withdraw")}
            </SubmitButton>
          </Form>
        ) : null}
      </Card>
      {sponsorships.length ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("nomination.sponsorship.heading")}</h2>
          <ul className="space-y-1 text-sm">
            {sponsorships.map((sponsorship) => (
              <li key={sponsorship.sponsorName + sponsorship.target}>
                {t("nomination.sponsorship.line", {
                  sponsor: sponsorship.sponsorName,
                  advocacy: sponsorship.advocacy,
                  target: sponsorship.target,
                  until: f.day(sponsorship.until),
                })}
                {sponsorship.nominator
                  ? ` ${t("nomination.sponsorship.nominator", { sponsor: sponsorship.sponsorName })}`
                  : ""}
              </li>
            ))}
          </ul>
          <p className="muted mt-2 text-xs">{t("nomination.sponsorship.who")}</p>
        </Card>
      ) : null}
      {record ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("record.heading")}</h2>
          <p className="text-sm">
            <Sentence
              words={t("record.atLevelSince", {
                day: f.day(record.atLevelSince),
                ...marks("level"),
              })}
              elements={{
                level: nomination.fromTitle ? <LadderText text={nomination.fromTitle} /> : "—",
              }}
            />
          </p>
          {record.outcomes.length ? (
            <ul className="mt-2 list-disc space-y-1 ps-5 text-sm">
              {record.outcomes.map((outcome) => (
                <li key={`${outcome.source}-${outcome.name}-${String(outcome.on)}`}>
                  {t("record.outcome", {
                    source: t(`record.source.${outcome.source}`),
                    name: outcome.name,
                    outcome: t(`record.outcomeKind.${outcome.outcome}`),
                    day: f.day(outcome.on),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted mt-1 text-sm">{t("record.noOutcomes")}</p>
          )}
        </Card>
      ) : null}
      {packet ? (
        <section aria-labelledby="packet-heading">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="packet-heading" className="text-lg font-semibold">
              {packet.submittedAt
                ? t("packet.submitted", { day: f.day(packet.submittedAt) })
                : t("packet.draft")}
            </h2>
            {can.write ? (
              <Form method="post">
                <input type="hidden" name="intent" value="submit" />
                <input type="hidden" name="packetId" value={packet.id} />
                <input type="hidden" name="revision" value={packet.revision} />
                <SubmitButton busyLabel={t("packet.submitting")}>{t("packet.submit")}</SubmitButton>
              </Form>
            ) : null}
          </div>
          <p className="muted mb-3 text-sm">
            {role ? t("packet.authorHint") : t("packet.readerHint")}
          </p>
          {packet.amendmentReason ? (
            <Alert tone="info">{t("packet.amends", { reason: packet.amendmentReason })}</Alert>
          ) : null}
          {saved ? (
            <Alert tone="success">
              <Sentence
                words={t("packet.saved", marks("criterion"))}
                elements={{ criterion: <LadderText text={saved.name} /> }}
              />
            </Alert>
          ) : null}
          {can.write ? (
            <p className="mb-3 text-sm font-medium">
              {t("packet.written", {
                count: packet.criteria.length,
                written: packet.criteria.filter((criterion) => criterion.ownCaseWritten).length,
              })}
            </p>
          ) : null}
          {packet.versionCount > 1 ? (
            <p className="muted mb-3 text-xs">
              {t("packet.versions", { count: packet.versionCount })}
            </p>
          ) : null}
          {(can.write ? packet.criteria : packet.criteria.filter((c) => !c.gap)).map(
            (criterion) => (
              <Card key={criterion.competencyId} className="mb-4">
                <div
                  id={`case-${criterion.competencyId}`}
                  className="flex flex-wrap items-baseline justify-between gap-2"
                >
                  <h3 className="text-base font-semibold">
                    <LadderText text={criterion.name} />
                  </h3>
                  {criterion.gap ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                      {t("packet.gap")}
                    </span>
                  ) : null}
                </div>
                <Expectations expectations={criterion.expectations} />
                {can.write && !criterion.open ? (
                  <>
                    <CaseAsRead criterion={criterion} />
                    <a
                      href={`?criterion=${encodeURIComponent(criterion.competencyId)}#case-${criterion.competencyId}`}
                      className="link mt-2 inline-block text-sm font-medium"
                    >
                      {criterion.ownCaseWritten ? t("packet.changeCase") : t("packet.writeCase")}
                    </a>
                  </>
                ) : can.write ? (
                  <Form
                    method="post"
                    // A refused save comes back to this criterion, with what was typed.
                    action={`/promotions/nominations/${nomination.id}?criterion=${encodeURIComponent(criterion.competencyId)}`}
                    className="mt-3 space-y-3"
                  >
                    <input type="hidden" name="intent" value="case" />
                    <input type="hidden" name="packetId" value={packet.id} />
                    <input type="hidden" name="revision" value={packet.revision} />
                    <input type="hidden" name="competencyId" value={criterion.competencyId} />
                    {role === "manager" && criterion.nomineeCase ? (
                      <Quote label={t("packet.nomineeCase")} text={criterion.nomineeCase} />
                    ) : null}
                    {role === "nominee" && criterion.managerCase ? (
                      <Quote label={t("packet.managerCase")} text={criterion.managerCase} />
                    ) : null}
                    <TextareaField
                      name="text"
                      label={
                        role === "manager" ? t("packet.yourCaseManager") : t("packet.yourCase")
                      }
                      rows={3}
                      maxLength={2000}
                      // After a save, the next criterion to write is where the reader lands.
                      autoFocus={saved !== null}
                      defaultValue={
                        typedCase(criterion.competencyId)?.text ??
                        (role === "manager" ? criterion.managerCase : criterion.nomineeCase)
                      }
                    />
                    <fieldset>
                      <legend className="field-label">{t("packet.evidence")}</legend>
                      {criterion.chosen.length + criterion.offered.length === 0 ? (
                        <p className="muted text-sm">{t("packet.nothingOnOffer")}</p>
                      ) : null}
                      <ul className="mt-1 space-y-1">
                        {[...criterion.chosen, ...criterion.offered].map((item) => (
                          <li key={item.ref} className="flex items-start gap-2 text-sm">
                            <input
                              type="checkbox"
                              name="evidence"
                              value={item.ref}
                              defaultChecked={(
                                typedCase(criterion.competencyId)?.evidence ??
                                criterion.chosen.map((kept) => kept.ref)
                              ).includes(item.ref)}
                              id={`${criterion.competencyId}-${item.ref}`}
                              className="checkbox mt-1"
                            />
                            <label htmlFor={`${criterion.competencyId}-${item.ref}`}>
                              <EvidenceText item={item} />
                            </label>
                          </li>
                        ))}
                      </ul>
                    </fieldset>
                    <SubmitButton variant="secondary" busyLabel={t("packet.saving")}>
                      {t("packet.saveCase")}
                    </SubmitButton>
                  </Form>
                ) : (
                  <CaseAsRead criterion={criterion} />
                )}
              </Card>
            ),
          )}
          {can.write ? null : <Gaps criteria={packet.criteria.filter((c) => c.gap)} />}
          {can.amend ? (
            <Card>
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="amend" />
                <TextareaField
                  name="reason"
                  label={t("packet.amendReason")}
                  hint={t("packet.amendHint")}
                  defaultValue={typedFor("amend")?.reason}
                  rows={2}
                  required
                  maxLength={4000}
                />
                <SubmitButton variant="secondary" busyLabel={t("packet.saving")}>
                  {t("packet.amend")}
                </SubmitButton>
              </Form>
            </Card>
          ) : null}
        </section>
      ) : null}
    </SourceTextsProvider>
  );
}

function Quote({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <p className="text-xs font-semibold">{label}</p>
      <p className="whitespace-pre-line text-sm">{text}</p>
    </div>
  );
}

function EvidenceText({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation("promotions");
  const f = useFormats();
  return (
    <span>
      <span className="font-medium">{t(`evidenceKind.${item.kind}`)}</span>
      {item.day ? <span className="muted"> · {f.day(item.day)}</span> : null}
      {item.rating !== null ? (
        <span className="muted"> · {t("packet.rating", { rating: item.rating })}</span>
      ) : null}
      {item.text ? <span className="block whitespace-pre-line">{item.text}</span> : null}
    </span>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

type Criterion = NonNullable<Route.ComponentProps["loaderData"]["packet"]>["criteria"][number];

/** What the level expects of a criterion: the ladder's words, at hand but closed. */
function Expectations({ expectations }: { expectations: readonly string[] }) {
  const { t } = useTranslation("promotions");
  return (
    <details className="mt-1">
      <summary className="muted cursor-pointer text-xs">
        {t("packet.expects", { count: expectations.length })}
      </summary>
      <ul className="muted mt-1 list-disc ps-5 text-xs">
        {expectations.map((expectation) => (
          <li key={expectation}>
            <LadderText text={expectation} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function CaseAsRead({ criterion }: { criterion: Criterion }) {
  const { t } = useTranslation("promotions");
  return (
    <div className="mt-3 space-y-2">
      {criterion.nomineeCase ? (
        <Quote label={t("packet.nomineeCase")} text={criterion.nomineeCase} />
      ) : null}
      {criterion.managerCase ? (
        <Quote label={t("packet.managerCase")} text={criterion.managerCase} />
      ) : null}
      {criterion.chosen.length ? (
        <ul className="list-disc space-y-1 ps-5 text-sm">
          {criterion.chosen.map((item) => (
            <li key={item.ref}>
              <EvidenceText item={item} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted text-sm">{t("packet.noEvidence")}</p>
      )}
    </div>
  );
}

/**
 * The criteria with no evidence, to a reader: one card naming them, each opened on request. A
 * packet with none chosen read as seventeen identical cards, 6,400 px on a phone.
 */
function Gaps({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation("promotions");
  if (!criteria.length) return null;
  return (
    <Card className="mb-4">
      <h3 className="text-base font-semibold">{t("packet.gaps", { count: criteria.length })}</h3>
      <p className="muted mb-2 text-sm">{t("packet.gapsHint")}</p>
      <ul className="space-y-1">
        {criteria.map((criterion) => (
          <li key={criterion.competencyId}>
            <details id={`case-${criterion.competencyId}`}>
              <summary className="cursor-pointer text-sm font-medium">
                <LadderText text={criterion.name} />
              </summary>
              <div className="ps-4">
                <Expectations expectations={criterion.expectations} />
                <CaseAsRead criterion={criterion} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
