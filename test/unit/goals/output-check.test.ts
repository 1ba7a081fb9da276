// The outcomes-not-outputs check: a key result that reads as a task or a count of effort is
// flagged, in each of the five languages; an outcome is not.
import { expect, test } from "vitest";
import { checkKeyResult } from "~/modules/goals/output-check";

test.each([
  "Ship the new checkout",
  "Launch the partner API",
  "Migrate billing to Postgres",
  "Complete the SSO integration",
  "Release v2 of the mobile app",
  "Implement rate limiting",
  "Die neue Suche ausliefern",
  "Migrieren der Abrechnung",
  "Livrer le nouveau tableau de bord",
  "Migrer la facturation",
  "Lanzar la nueva app",
  "Implementar el pago en un clic",
  "إطلاق التطبيق الجديد",
])("flags the output %s", (title) => {
  expect(checkKeyResult(title).flagged).toBe(true);
});

test("flags a count of effort: tickets, pull requests, lines", () => {
  expect(checkKeyResult("Close 40 tickets").countsEffort).toBe(true);
  expect(checkKeyResult("Merge 120 PRs").countsEffort).toBe(true);
  expect(checkKeyResult("Reviewed code", "lines").countsEffort).toBe(true);
  expect(checkKeyResult("Cerrar 30 tareas").flagged).toBe(true);
});

test.each([
  "Weekly active teams from 40 to 60",
  "Reduce p95 checkout latency to 300 ms",
  "Change failure rate below 10%",
  "Taux de conversion de 2 % à 3 %",
  "Wöchentlich aktive Teams von 40 auf 60",
])("leaves the outcome %s alone", (title) => {
  expect(checkKeyResult(title, "teams").flagged).toBe(false);
});

test("names the verbs it found, once each", () => {
  expect(checkKeyResult("Ship and ship again, then launch").verbs).toEqual(["ship", "launch"]);
});
