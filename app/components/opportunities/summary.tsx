import { Link } from "react-router";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, LadderTextList } from "~/components/ladders/source-texts";
import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/i18n/use-formats";
import type { OpportunityKind, OpportunityStatus } from "~/modules/opportunities/policy";

export type OpportunitySummaryData = {
  id: string;
  kind: OpportunityKind;
  title: string;
  posterName: string;
  competencies: { id: string; name: string }[];
  minLevel: string | null;
  maxLevel: string | null;
  hoursPerWeek: number;
  startsOn: Date;
  endsOn: Date;
  status: OpportunityStatus;
};

/** An opportunity's heading line and facts, linked to its page. */
export function OpportunitySummary({
  opportunity,
  linked = true,
}: {
  opportunity: OpportunitySummaryData;
  linked?: boolean;
}) {
  const { t } = useTranslation("opportunities");
  const f = useFormats();
  return (
    <div>
      <h3 className="font-semibold">
        {linked ? (
          <Link to={`/opportunities/${opportunity.id}`} className="underline">
            {opportunity.title}
          </Link>
        ) : (
          opportunity.title
        )}
      </h3>
      <p className="muted text-sm">
        {t("summary.facts", {
          kind: opportunity.kind,
          poster: opportunity.posterName,
          hours: opportunity.hoursPerWeek,
          from: f.day(opportunity.startsOn),
          to: f.day(opportunity.endsOn),
        })}
      </p>
      <p className="text-sm">
        <Sentence
          words={t("summary.competencies", marks("competencies"))}
          elements={{
            competencies: (
              <LadderTextList
                texts={opportunity.competencies.map((competency) => competency.name)}
                separator={t("separator")}
              />
            ),
          }}
        />
      </p>
      {opportunity.minLevel || opportunity.maxLevel ? (
        <p className="text-sm">
          <Sentence
            words={t("summary.levels", {
              ...marks("from", "to"),
              ends:
                opportunity.minLevel && opportunity.maxLevel
                  ? "both"
                  : opportunity.minLevel
                    ? "from"
                    : "upTo",
            })}
            elements={{
              from: opportunity.minLevel ? <LadderText text={opportunity.minLevel} /> : null,
              to: opportunity.maxLevel ? <LadderText text={opportunity.maxLevel} /> : null,
            }}
          />
        </p>
      ) : null}
    </div>
  );
}
