import { Link } from "react-router";
import { DataTable, tdClass } from "~/components/ui/data-table";
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
    <DataTable plain headings={["Assessment", "Cycle", "Level", "By", "Status"]}>
      {assessments.map((assessment) => (
        <tr key={assessment.id}>
          <td className={tdClass}>
            <Link to={`/assessments/${assessment.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
              {kindLabel(assessment.kind)}
            </Link>
          </td>
          <td className={tdClass}>{assessment.cycleName ?? "Outside a cycle"}</td>
          <td className={tdClass}>{assessment.levelTitle}</td>
          <td className={tdClass}>{assessment.authorName}</td>
          <td className={tdClass}>
            {assessment.status === "submitted" ? `Submitted ${formatDate(assessment.submittedAt)}` : `Draft, saved ${formatDate(assessment.updatedAt)}`}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
