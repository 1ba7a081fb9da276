import {
  fairnessReport,
  type Dimension,
  type FairnessPerson,
} from "~/modules/calibration/fairness";
import { disclosureCheck } from "~/modules/disclosure/check";
import { outcomeTableRelease } from "~/modules/disclosure/outcomes";
import { outcomeTableCells, sessionTable } from "~/modules/disclosure/reports";

/**
 * A session's fairness report as the server gives it when no other report covers its people: the
 * disclosure check over the session's own table (its rated people, each at `floor`).
 */
export function sessionFairness(
  people: readonly FairnessPerson[],
  dimensions: readonly Dimension[],
  floor: number,
) {
  const table = sessionTable("session");
  const rated = people.flatMap((person, index) =>
    person.finalRating === null
      ? []
      : [{ personId: `person-${index}`, sessionId: "session", groups: person.groups }],
  );
  const release = disclosureCheck(
    outcomeTableCells(
      table,
      "cycle",
      rated,
      dimensions.map((dimension) => dimension.id),
      true,
    ),
    () => floor,
  );
  return fairnessReport(people, dimensions, outcomeTableRelease(release, table));
}
