import { notesField, ratingField } from "~/modules/assessments/draft";
import { assessmentPage } from "~/modules/assessments/assessments.server";
import { unlessNotFound } from "~/modules/errors";
import { dayOrNull, isoOrNull, numberOrNull, textOf } from "~/platform/export-document";
import type { ExportReading, PersonalDataDeclaration } from "~/platform/personal-data";
import { growthPage, historyPage } from "./profile.server";

// The growth page gives the profile, the assessments' list and the plan: read once for the three.
const growthReads = new WeakMap<ExportReading, ReturnType<typeof growthPage>>();
function growthOf(reading: ExportReading) {
  let read = growthReads.get(reading);
  if (!read)
    growthReads.set(
      reading,
      (read = growthPage(reading.reader, reading.reader.id, reading.language)),
    );
  return read;
}

/**
 * Growth plans: focus competencies, no words. The person's growth page is also where their
 * profile, level history and assessments are listed, so the export reads those sections from it.
 */
export const growthPersonalData: PersonalDataDeclaration = {
  holds: {
    GrowthPlan: "their plan: kept, competencies only",
    GrowthFocus: "the competencies they chose: kept, no words",
  },
  exports: {
    async profile(reading) {
      const { reader } = reading;
      const [{ person }, history] = await Promise.all([
        growthOf(reading),
        historyPage(reader, reader.id, reading.language),
      ]);
      return {
        id: person.id,
        name: person.name,
        email: reader.email,
        team: person.teamName,
        manager: person.managerName,
        ladderId: person.ladderId,
        track: person.trackName ?? person.track,
        level: person.level,
        levelTitle: person.levelTitle,
        levelHistory: history.levelChanges.map((change) => ({
          on: change.on.slice(0, 10),
          from: change.from,
          to: change.to,
          session: change.sessionName,
        })),
      };
    },
    async assessments(reading) {
      const { assessments } = await growthOf(reading);
      const pages = [];
      for (const summary of assessments) {
        const page = await unlessNotFound(() =>
          assessmentPage(reading.reader, summary.id, reading.language),
        );
        if (!page) continue;
        const values = page.values;
        pages.push({
          id: page.assessment.id,
          kind: page.assessment.kind,
          status: page.assessment.status,
          author: page.assessment.author.name,
          cycle: page.assessment.cycle?.name ?? null,
          level: summary.levelTitle,
          summary: values ? textOf(values.summary) : page.assessment.summary,
          submittedAt: isoOrNull(page.assessment.submittedAt),
          ratings: page.competencies.map((competency) => {
            const rating = values
              ? numberOrNull(values[ratingField(competency.id)])
              : "rating" in competency
                ? competency.rating
                : null;
            return {
              competencyId: competency.id,
              competency: competency.name,
              rating,
              ratingLabel: "ratingLabel" in competency ? competency.ratingLabel : null,
              notes: values
                ? textOf(values[notesField(competency.id)])
                : "notes" in competency
                  ? competency.notes
                  : "",
              evidence: competency.evidence.map((item) => ({
                text: item.text,
                url: item.url,
                occurredOn: dayOrNull(item.occurredOn),
              })),
            };
          }),
        });
      }
      return pages;
    },
    async growthPlan(reading) {
      const { plan } = await growthOf(reading);
      return plan
        ? {
            targetLevel: plan.targetTitle,
            track: plan.trackName,
            focus: plan.focus.map((focus) => ({
              competencyId: focus.competencyId,
              competency: focus.name,
            })),
            updatedAt: plan.updatedAt.toISOString(),
          }
        : null;
    },
  },
};
