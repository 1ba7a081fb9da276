import { Link } from "react-router";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { AssessmentSummary } from "~/modules/growth/profile.server";

type Summary = Pick<
  AssessmentSummary,
  "kind" | "status" | "submittedAt" | "updatedAt" | "authorName" | "cycleName" | "levelTitle"
>;

/** How a person's pages speak of an assessment: its kind, and "Submitted 3 Mar 2026 by Sam Okafor · Spring · at Engineer II". */
export function useAssessmentWords() {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const kindLabel = (kind: "self" | "manager") => t(`profile.kind.${kind}`);
  const assessmentLine = (assessment: Summary) =>
    t(assessment.status === "submitted" ? "profile.line.submitted" : "profile.line.draft", {
      when: f.day(
        assessment.status === "submitted"
          ? (assessment.submittedAt ?? assessment.updatedAt)
          : assessment.updatedAt,
      ),
      author: assessment.authorName,
      cycle: assessment.cycleName ?? t("profile.outsideCycle"),
      level: assessment.levelTitle,
    });
  return { kindLabel, assessmentLine };
}

/** Every assessment of the person the viewer may read, newest first. */
export function ProfileAssessmentList({
  assessments,
}: {
  assessments: readonly AssessmentSummary[];
}) {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const { kindLabel } = useAssessmentWords();
  if (!assessments.length)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("profile.assessments.none")}</p>
    );
  return (
    <DataTable
      plain
      caption={t("overview.assessments")}
      headings={[
        t("profile.assessments.assessment"),
        t("profile.assessments.cycle"),
        t("profile.assessments.level"),
        t("profile.assessments.by"),
        t("profile.assessments.status"),
      ]}
    >
      {assessments.map((assessment) => (
        <tr key={assessment.id}>
          <td className={tdClass}>
            <Link
              to={`/assessments/${assessment.id}`}
              className="text-brand-600 hover:underline dark:text-brand-100"
            >
              {kindLabel(assessment.kind)}
            </Link>
          </td>
          <td className={tdClass}>{assessment.cycleName ?? t("profile.outsideCycle")}</td>
          <td className={tdClass}>{assessment.levelTitle}</td>
          <td className={tdClass}>{assessment.authorName}</td>
          <td className={tdClass}>
            {assessment.status === "submitted"
              ? t("profile.assessments.submitted", {
                  when: f.day(assessment.submittedAt ?? assessment.updatedAt),
                })
              : t("profile.assessments.draft", { when: f.day(assessment.updatedAt) })}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
