import { Card } from "~/components/ui/page";
import type { FeedbackRelease } from "~/modules/feedback/release";
import { plural } from "~/utils/plural";

type SelfAssessment = { id: string; ratings: Record<string, { rating: number | null; notes: string }> } | null;

const averageFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/**
 * What a reader is shown of a person's feedback (release.ts): every answer with its author for the
 * manager, beside the person's own self-assessment; anonymous answers, a summary or an aggregate
 * for everyone else. Nothing dated is shown.
 */
export function FeedbackReleaseView({ release, competencyName, selfAssessment }: { release: FeedbackRelease; competencyName: Record<string, string>; selfAssessment: SelfAssessment }) {
  const name = (id: string) => competencyName[id] ?? id;
  if (release.view === "none") return null;
  if (release.view === "named") {
    const answered = release.competencies.filter((competency) => competency.answers.length);
    if (!answered.length) return <p className="text-sm">No answers yet.</p>;
    return (
      <div className="space-y-4">
        {answered.map((competency) => {
          const self = selfAssessment?.ratings[competency.competencyId];
          return (
            <Card key={competency.competencyId}>
              <h3 className="font-semibold">{name(competency.competencyId)}</h3>
              {self ? (
                <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
                  Self-assessment: {self.rating ?? "not rated"}
                  {self.notes ? ` — ${self.notes}` : ""}
                </p>
              ) : null}
              <ul className="space-y-2">
                {competency.answers.map((answer) => (
                  <li key={answer.authorId} className="text-sm">
                    <span className="font-medium">{answer.authorName}</span>
                    {answer.rating !== null ? ` (${answer.rating})` : ""}: <span className="whitespace-pre-line">{answer.example}</span>
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </div>
    );
  }
  const { release: anonymous } = release;
  if (!anonymous.released) return <p className="text-sm">Too few answers to show yet: answers are shown in groups of at least {anonymous.floor} people's answers.</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        {anonymous.authors !== null ? `${plural(anonymous.authors, "# person")} answered. ` : ""}
        Answers are shown in groups of at least {anonymous.floor}: later answers appear once a whole group more is in.
      </p>
      {anonymous.competencies.map((competency) => (
        <Card key={competency.competencyId}>
          <h3 className="font-semibold">{name(competency.competencyId)}</h3>
          {!competency.shown ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">Not shown: too few answered it to keep them anonymous.</p>
          ) : (
            <>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {plural(competency.count ?? 0, "# answer")}
                {competency.averageRating !== null ? `, average rating ${averageFormat.format(competency.averageRating)}` : ""}
              </p>
              {competency.answers.length ? (
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {competency.answers.map((answer, index) => (
                    <li key={index} className="whitespace-pre-line">
                      {answer.example}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </Card>
      ))}
    </div>
  );
}
