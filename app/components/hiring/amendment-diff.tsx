import type { AmendmentDiff } from "~/modules/hiring/scorecard";
import { RECOMMENDATION_LABELS } from "~/modules/hiring/scorecard";

const score = (value: number | null) => (value === null ? "not assessed" : String(value));

/** What an amendment changed: per competency the score and notes, then the recommendation and summary. */
export function AmendmentChanges({ diff, competencyName }: { diff: AmendmentDiff; competencyName: Readonly<Record<string, string>> }) {
  if (!diff.changed) return <p className="text-sm">Nothing changed.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {diff.entries.map((entry) => (
        <li key={entry.competencyId}>
          <span className="font-medium">{competencyName[entry.competencyId] ?? entry.competencyId}</span>
          {entry.score ? `: score ${score(entry.score.from)} → ${score(entry.score.to)}` : ""}
          {entry.notes ? (
            <>
              {entry.score ? "; " : ": "}notes changed from <q className="whitespace-pre-line">{entry.notes.from || "(none)"}</q> to <q className="whitespace-pre-line">{entry.notes.to || "(none)"}</q>
            </>
          ) : null}
        </li>
      ))}
      {diff.recommendation ? (
        <li>
          <span className="font-medium">Recommendation</span>: {RECOMMENDATION_LABELS[diff.recommendation.from]} → {RECOMMENDATION_LABELS[diff.recommendation.to]}
        </li>
      ) : null}
      {diff.summary ? (
        <li>
          <span className="font-medium">Summary</span> changed from <q className="whitespace-pre-line">{diff.summary.from || "(none)"}</q> to <q className="whitespace-pre-line">{diff.summary.to || "(none)"}</q>
        </li>
      ) : null}
    </ul>
  );
}
