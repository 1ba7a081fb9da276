import type { Route } from "./+types/people.$personId.print";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { ReadinessBar } from "~/components/growth/gap-analysis";
import { useAssessmentWords } from "~/components/growth/profile-assessments";
import {
  AgreementBadge,
  ComparisonSummary,
  OutsideLevelNote,
} from "~/components/growth/profile-comparison";
import { PlanItemName } from "~/components/growth/plan-item-name";
import { ProfileNav, useProfileDescription } from "~/components/growth/profile-nav";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, SourceTextsProvider } from "~/components/ladders/source-texts";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import type { ComparedSide } from "~/modules/growth/comparison";
import { printPage, type EvidenceView } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("growth:print.title", { name: loaderData.person.name })
      : metaT(matches)("growth:print.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError({ key: "growth:errors.noPerson" });
  return printPage(viewer, params.personId, languageOf(context));
});

// Page margins and repeated table headers for print; the shared print CSS hides navigation.
const printCss = `@page { margin: 16mm 14mm; } @media print { thead { display: table-header-group; } }`;

function Side({
  side,
  evidence,
}: {
  side: ComparedSide | null;
  evidence: readonly EvidenceView[];
}) {
  const { t } = useTranslation("growth");
  const f = useFormats();
  if (!side) return <span className="text-slate-500 dark:text-slate-400">–</span>;
  return (
    <div className="space-y-1">
      <p>
        {side.rating === null
          ? t("print.notRated")
          : `${f.number(side.rating)} ${side.label ?? ""}`}
      </p>
      {side.notes ? (
        <p className="whitespace-pre-line text-slate-700 dark:text-slate-300 print:text-black">
          {side.notes}
        </p>
      ) : null}
      {evidence.length ? (
        <ul className="list-disc ps-4 text-xs">
          {evidence.map((item) => (
            <li key={item.id}>
              {item.occurredOn ? t("print.evidenceOn", { when: f.day(item.occurredOn) }) : ""}
              {item.text}
              {item.url ? (
                <>
                  {" "}
                  <a href={item.url} className="underline">
                    {t("print.link")}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : side.rating !== null ? (
        <p className="text-xs italic">{t("print.noEvidence")}</p>
      ) : null}
    </div>
  );
}

export default function PrintReview({ loaderData }: Route.ComponentProps) {
  const { person, cycleName, self, manager, rows, counts, sideBySide, plan, gap, printedAt } =
    loaderData;
  const { t } = useTranslation("growth");
  const f = useFormats();
  const profileDescription = useProfileDescription();
  const { assessmentLine } = useAssessmentWords();
  return (
    <article className="mx-auto max-w-4xl text-sm print:max-w-none">
      <style>{printCss}</style>
      <ProfileNav personId={person.id} personName={person.name} />
      <div className="no-print mb-4 flex justify-end">
        <PrintButton />
      </div>
      <header className="mb-6 border-b border-slate-300 pb-4">
        <h1 className="text-2xl font-semibold">{t("print.heading", { name: person.name })}</h1>
        <p className="text-slate-600 dark:text-slate-300 print:text-black">
          {profileDescription(person)}
        </p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400 print:text-black">
          {cycleName ? `${cycleName} · ` : ""}
          {t("print.printed", { when: f.day(printedAt), name: person.name })}
        </p>
      </header>

      {/* The plan first, as what it is (a level and up to three competencies, each with its
          readiness): it was one sentence after five pages. */}
      {plan ? (
        <SourceTextsProvider texts={plan}>
          <section aria-labelledby="print-plan" className="mb-8 break-inside-avoid">
            <h2 id="print-plan" className="mb-1 text-lg font-semibold">
              {t("print.plan.heading")}
            </h2>
            <p>
              <Sentence
                words={t(plan.trackName ? "print.plan.targetOnTrack" : "print.plan.target", {
                  ...marks("level", "track"),
                  when: f.day(plan.updatedAt),
                })}
                elements={{
                  level: (
                    <PlanItemName item={{ name: plan.targetTitle, earlier: plan.targetEarlier }} />
                  ),
                  track: plan.trackName ? <LadderText text={plan.trackName} /> : null,
                }}
              />
            </p>
            {plan.focus.length ? (
              <>
                <h3 className="mt-2 font-semibold">{t("print.plan.focus")}</h3>
                <ul className="mt-1 space-y-1">
                  {plan.focus.map((focus) => {
                    const competency = gap?.competencies.find(
                      (candidate) => candidate.competencyId === focus.competencyId,
                    );
                    return (
                      <li key={focus.competencyId}>
                        <span className="font-medium">
                          <PlanItemName item={focus} />
                        </span>
                        {competency ? <ReadinessBar competency={competency} /> : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <p className="mt-1">{t("print.plan.noFocus")}</p>
            )}
          </section>
        </SourceTextsProvider>
      ) : null}

      {!self && !manager ? (
        <p>{t("print.none", { name: person.name })}</p>
      ) : (
        <section aria-labelledby="print-assessments" className="mb-8">
          <h2 id="print-assessments" className="mb-2 text-lg font-semibold">
            {self && manager
              ? t("print.both")
              : self
                ? t("profile.kind.self")
                : t("profile.kind.manager")}
          </h2>
          {self && manager && !sideBySide ? (
            <p className="mb-2">{t("print.differentCycles")}</p>
          ) : null}
          <dl className="mb-4 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
            {self ? (
              <div className="break-inside-avoid">
                <dt className="font-semibold">{t("profile.kind.self")}</dt>
                <dd>{assessmentLine(self)}</dd>
                {self.summary ? <dd className="mt-1 whitespace-pre-line">{self.summary}</dd> : null}
              </div>
            ) : null}
            {manager ? (
              <div className="break-inside-avoid">
                <dt className="font-semibold">{t("profile.kind.manager")}</dt>
                <dd>{assessmentLine(manager)}</dd>
                {manager.summary ? (
                  <dd className="mt-1 whitespace-pre-line">{manager.summary}</dd>
                ) : null}
              </div>
            ) : null}
          </dl>
          {sideBySide ? (
            <div className="mb-3">
              <ComparisonSummary counts={counts} />
            </div>
          ) : null}
          {/* A phone scrolls the comparison sideways rather than the page. */}
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-start align-top">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="w-1/5 py-1.5 pe-2">
                    {t("print.competency")}
                  </th>
                  {self ? (
                    <th scope="col" className="py-1.5 pe-2">
                      {t("profile.kind.self")}
                    </th>
                  ) : null}
                  {manager ? (
                    <th scope="col" className="py-1.5 pe-2">
                      {t("profile.kind.manager")}
                    </th>
                  ) : null}
                  {sideBySide ? (
                    <th scope="col" className="w-32 py-1.5">
                      {t("print.agreement")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.competencyId}
                    className="break-inside-avoid border-b border-slate-200 align-top"
                  >
                    <th scope="row" className="py-2 pe-2 font-medium">
                      {row.name}
                      <OutsideLevelNote outsideLevel={row.outsideLevel} />
                    </th>
                    {self ? (
                      <td className="py-2 pe-2">
                        <Side side={row.self} evidence={row.selfEvidence} />
                      </td>
                    ) : null}
                    {manager ? (
                      <td className="py-2 pe-2">
                        <Side side={row.manager} evidence={row.managerEvidence} />
                      </td>
                    ) : null}
                    {sideBySide ? (
                      <td className="py-2">
                        <AgreementBadge row={row} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {gap ? (
        <SourceTextsProvider texts={gap}>
          <section aria-labelledby="print-gap" className="mb-8 print:break-before-page">
            <h2 id="print-gap" className="mb-1 text-lg font-semibold">
              <Sentence
                words={t("print.gapTo", marks("level", "track"))}
                elements={{
                  level: <LadderText text={gap.target.title} />,
                  track: <LadderText text={gap.target.trackName} />,
                }}
              />
            </h2>
            <p className="mb-3">
              {t("print.gapSummary", {
                source: gap.source === "manager" ? "manager" : "self",
                met: gap.summary.met,
                partly: gap.summary.partly,
                notMet: gap.summary.notMet,
                notAssessed: gap.summary.notAssessed,
                total: gap.summary.total,
              })}{" "}
              {t("print.noEvidenceCount", { count: gap.summary.noEvidence })}
            </p>
            <table className="w-full border-collapse text-start">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="py-1.5 pe-2">
                    {t("print.competency")}
                  </th>
                  <th scope="col" className="py-1.5">
                    {t("print.readiness")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {gap.competencies.map((competency) => (
                  <tr
                    key={competency.competencyId}
                    className="break-inside-avoid border-b border-slate-200"
                  >
                    <th scope="row" className="py-1.5 pe-2 font-medium">
                      <LadderText text={competency.name} />
                      {competency.noEvidence ? (
                        <span className="ms-1 text-xs font-normal italic">
                          {t("print.noEvidenceMark")}
                        </span>
                      ) : null}
                    </th>
                    <td className="py-1.5">
                      <ReadinessBar competency={competency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </SourceTextsProvider>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
