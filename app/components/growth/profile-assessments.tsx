import { Link } from "@remix-run/react";
import type { AssessmentSummary } from "~/modules/growth/profile.server";
import { formatDate } from "./profile-nav";

export function kindLabel(kind: "self" | "manager") {
  return kind === "self" ? "Self-assessment" : "Manager review";
}

/** "Submitted 3 Mar 2026 by Sam Okafor" or "Draft, last saved …" */
export function assessmentLine(assessment: Pick<AssessmentSummary, "status" | "submittedAt" | "updatedAt" | "authorName" | "cycleName" | "levelTitle">) {
  const when = assessment.status === "submitted" ? `Submitted ${formatDate(assessment.submittedAt)}` : `Draft, last saved ${formatDate(assessment.updatedAt)}`;
  return `${when} by ${assessment.authorName} · ${assessment.cycleName ?? "Outside a cycle"} · at ${assessment.levelTitle}`;
}

/** Every assessment of the person the viewer may read, newest first. */
export function ProfileAssessmentList({ assessments }: { assessments: readonly AssessmentSummary[] }) {
  if (!assessments.length) return <p className="text-sm text-slate-600 dark:text-slate-300">No assessments to show yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm dark:divide-slate-700">
        <thead>
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Assessment
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Cycle
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Level
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              By
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {assessments.map((assessment) => (
            <tr key={assessment.id}>
              <td className="px-3 py-2">
                <Link to={`/assessments/${assessment.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {kindLabel(assessment.kind)}
                </Link>
              </td>
              <td className="px-3 py-2">{assessment.cycleName ?? "Outside a cycle"}</td>
              <td className="px-3 py-2">{assessment.levelTitle}</td>
              <td className="px-3 py-2">{assessment.authorName}</td>
              <td className="px-3 py-2">
                {assessment.status === "submitted" ? `Submitted ${formatDate(assessment.submittedAt)}` : `Draft, saved ${formatDate(assessment.updatedAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
