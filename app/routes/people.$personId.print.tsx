import type { Route } from "./+types/people.$personId.print";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { ReadinessBar } from "~/components/growth/gap-analysis";
import { assessmentLine } from "~/components/growth/profile-assessments";
import { AgreementBadge, ComparisonSummary, OutsideLevelNote } from "~/components/growth/profile-comparison";
import { formatDate, profileDescription, ProfileNav } from "~/components/growth/profile-nav";
import { requireUser } from "~/modules/identity/permissions.server";
import type { ComparedSide } from "~/modules/growth/comparison";
import { printPage, type EvidenceView } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Review of ${loaderData?.person.name ?? "a person"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError("There is no person with that id.");
  return printPage(viewer, params.personId);
});

// Page margins and repeated table headers for print; the shared print CSS hides navigation.
const printCss = `@page { margin: 16mm 14mm; } @media print { thead { display: table-header-group; } }`;

function Side({ side, evidence }: { side: ComparedSide | null; evidence: readonly EvidenceView[] }) {
  if (!side) return <span className="text-slate-500 dark:text-slate-400">–</span>;
  return (
    <div className="space-y-1">
      <p>{side.rating === null ? "Not rated" : `${side.rating} ${side.label ?? ""}`}</p>
      {side.notes ? <p className="whitespace-pre-line text-slate-700 dark:text-slate-300 print:text-black">{side.notes}</p> : null}
      {evidence.length ? (
        <ul className="list-disc pl-4 text-xs">
          {evidence.map((item) => (
            <li key={item.id}>
              {item.occurredOn ? `${formatDate(item.occurredOn)}: ` : ""}
              {item.text}
              {item.url ? (
                <>
                  {" "}
                  <a href={item.url} className="underline">
                    link
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : side.rating !== null ? (
        <p className="text-xs italic">No evidence</p>
      ) : null}
    </div>
  );
}

export default function PrintReview({ loaderData }: Route.ComponentProps) {
  const { person, cycleName, self, manager, rows, counts, sideBySide, plan, gap, printedAt } = loaderData;
  return (
    <article className="mx-auto max-w-4xl text-sm print:max-w-none">
      <style>{printCss}</style>
      <ProfileNav personId={person.id} personName={person.name} />
      <div className="no-print mb-4 flex justify-end">
        <PrintButton />
      </div>
      <header className="mb-6 border-b border-slate-300 pb-4">
        <h1 className="text-2xl font-semibold">Review of {person.name}</h1>
        <p className="text-slate-600 dark:text-slate-300 print:text-black">{profileDescription(person)}</p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400 print:text-black">
          {cycleName ? `${cycleName} · ` : ""}Printed {formatDate(printedAt)}. Confidential: for {person.name}, their managers and admins.
        </p>
      </header>

      {!self && !manager ? (
        <p>There is no submitted assessment of {person.name} that you can see yet.</p>
      ) : (
        <section aria-labelledby="print-assessments" className="mb-8">
          <h2 id="print-assessments" className="mb-2 text-lg font-semibold">
            {self && manager ? "Self-assessment and manager review" : self ? "Self-assessment" : "Manager review"}
          </h2>
          {self && manager && !sideBySide ? <p className="mb-2">These two are from different cycles, so they are not compared.</p> : null}
          <dl className="mb-4 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
            {self ? (
              <div className="break-inside-avoid">
                <dt className="font-semibold">Self-assessment</dt>
                <dd>{assessmentLine(self)}</dd>
                {self.summary ? <dd className="mt-1 whitespace-pre-line">{self.summary}</dd> : null}
              </div>
            ) : null}
            {manager ? (
              <div className="break-inside-avoid">
                <dt className="font-semibold">Manager review</dt>
                <dd>{assessmentLine(manager)}</dd>
                {manager.summary ? <dd className="mt-1 whitespace-pre-line">{manager.summary}</dd> : null}
              </div>
            ) : null}
          </dl>
          {sideBySide ? (
            <div className="mb-3">
              <ComparisonSummary counts={counts} />
            </div>
          ) : null}
          <table className="w-full border-collapse text-left align-top">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="w-1/5 py-1.5 pr-2">
                  Competency
                </th>
                {self ? (
                  <th scope="col" className="py-1.5 pr-2">
                    Self-assessment
                  </th>
                ) : null}
                {manager ? (
                  <th scope="col" className="py-1.5 pr-2">
                    Manager review
                  </th>
                ) : null}
                {sideBySide ? (
                  <th scope="col" className="w-32 py-1.5">
                    Agreement
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.competencyId} className="break-inside-avoid border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-2 font-medium">
                    {row.name}
                    <OutsideLevelNote outsideLevel={row.outsideLevel} />
                  </th>
                  {self ? (
                    <td className="py-2 pr-2">
                      <Side side={row.self} evidence={row.selfEvidence} />
                    </td>
                  ) : null}
                  {manager ? (
                    <td className="py-2 pr-2">
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
        </section>
      )}

      {gap ? (
        <section aria-labelledby="print-gap" className="mb-8 print:break-before-page">
          <h2 id="print-gap" className="mb-1 text-lg font-semibold">
            Gap to {gap.target.title} ({gap.target.trackName})
          </h2>
          <p className="mb-3">
            From the {gap.source === "manager" ? "manager review" : "self-assessment"}: {gap.summary.met} met, {gap.summary.partly} partly met, {gap.summary.notMet}{" "}
            not met and {gap.summary.notAssessed} not assessed, of {plural(gap.summary.total, "# expectation")}.{" "}
            {plural(gap.summary.noEvidence, "# rated competency has")} no evidence.
          </p>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-1.5 pr-2">
                  Competency
                </th>
                <th scope="col" className="py-1.5">
                  Readiness
                </th>
              </tr>
            </thead>
            <tbody>
              {gap.competencies.map((competency) => (
                <tr key={competency.competencyId} className="break-inside-avoid border-b border-slate-200">
                  <th scope="row" className="py-1.5 pr-2 font-medium">
                    {competency.name}
                    {competency.noEvidence ? <span className="ml-1 text-xs font-normal italic">(no evidence)</span> : null}
                  </th>
                  <td className="py-1.5">
                    <ReadinessBar competency={competency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {plan ? (
        <section aria-labelledby="print-plan" className="break-inside-avoid">
          <h2 id="print-plan" className="mb-1 text-lg font-semibold">
            Growth plan
          </h2>
          <p>
            Towards {plan.targetTitle}
            {plan.trackName ? ` (${plan.trackName})` : ""}, focusing on {plan.focus.map((focus) => focus.name).join(", ") || "nothing yet"}. Updated{" "}
            {formatDate(plan.updatedAt)}.
          </p>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
