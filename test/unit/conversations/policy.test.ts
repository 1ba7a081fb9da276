import { describe, expect, test } from "vitest";
import {
  canAnswerPulse,
  canEditNote,
  canReadEvidence,
  canReadNote,
  canRecordEvidence,
  canSeeMeetingDates,
  canSeePulseSummary,
  canSeeSeries,
  startSeriesRefusal,
  canWorkInSeries,
  passOnRefusal,
  pulseFloor,
  seriesHolds,
  type SeriesFacts,
} from "~/modules/conversations/policy";

const manager = { id: "manager", isAdmin: false };
const report = { id: "report", isAdmin: false };
const grandManager = { id: "grand", isAdmin: false };
const admin = { id: "admin", isAdmin: true };
const newManager = { id: "new-manager", isAdmin: false };
const series: SeriesFacts = {
  kind: "one-to-one",
  managerId: "manager",
  reportId: "report",
  current: true,
};

describe("which series hold", () => {
  test("a one-to-one while the report reports to its manager; a skip-level while the report's manager reports to it", () => {
    expect(
      seriesHolds("one-to-one", "manager", { managerId: "manager", skipManagerId: "grand" }),
    ).toBe(true);
    expect(
      seriesHolds("one-to-one", "manager", { managerId: "new-manager", skipManagerId: "grand" }),
    ).toBe(false);
    expect(
      seriesHolds("skip-level", "grand", { managerId: "manager", skipManagerId: "grand" }),
    ).toBe(true);
    expect(
      seriesHolds("skip-level", "manager", { managerId: "manager", skipManagerId: "grand" }),
    ).toBe(false);
    expect(seriesHolds("skip-level", "grand", { managerId: null, skipManagerId: null })).toBe(
      false,
    );
  });

  test("either of the two starts a series while the line holds; nobody else, admins included", () => {
    const line = { managerId: "manager", skipManagerId: "grand" };
    expect(startSeriesRefusal(manager, series, line)).toBeNull();
    expect(startSeriesRefusal(report, series, line)).toBeNull();
    expect(startSeriesRefusal(admin, series, line)).not.toBeNull();
    expect(startSeriesRefusal(grandManager, series, line)).not.toBeNull();
    expect(
      startSeriesRefusal(
        grandManager,
        { kind: "skip-level", managerId: "grand", reportId: "report" },
        line,
      ),
    ).toBeNull();
    expect(
      startSeriesRefusal(report, series, { managerId: "new-manager", skipManagerId: "grand" }),
    ).not.toBeNull();
  });

  test("a series refused within the asker's line says why; outside it, or to anyone not one of the two, as for nobody", () => {
    const line = { managerId: "manager", skipManagerId: "grand" };
    expect(startSeriesRefusal(manager, series, line)).toBeNull();
    expect(startSeriesRefusal(admin, series, line)).toBe("not-theirs");
    expect(startSeriesRefusal(grandManager, series, line)).toBe("not-theirs");
    expect(startSeriesRefusal(report, { ...series, managerId: "stranger" }, line)).toBe(
      "not-theirs",
    );
    expect(startSeriesRefusal(report, { ...series, kind: "skip-level" }, line)).toBe("wrong-kind");
    expect(startSeriesRefusal(grandManager, { ...series, managerId: "grand" }, line)).toBe(
      "wrong-kind",
    );
  });
});

describe("who reads what", () => {
  const shared = { authorId: "manager", visibility: "shared" as const, passedOnTo: [] };
  const privateToManager = { authorId: "manager", visibility: "private" as const, passedOnTo: [] };
  const privateToReport = { authorId: "report", visibility: "private" as const, passedOnTo: [] };

  test("shared notes: both people, nobody above them, not admins", () => {
    expect(
      [manager, report, grandManager, admin].map((viewer) => canReadNote(viewer, series, shared)),
    ).toEqual([true, true, false, false]);
  });

  test("private notes: their author only", () => {
    expect(
      [manager, report, grandManager, admin].map((viewer) =>
        canReadNote(viewer, series, privateToManager),
      ),
    ).toEqual([true, false, false, false]);
    expect(
      [manager, report, grandManager, admin].map((viewer) =>
        canReadNote(viewer, series, privateToReport),
      ),
    ).toEqual([false, true, false, false]);
  });

  test("that meetings happen and when: the two, the chain above the report and admins; anyone else not", () => {
    const chain = ["manager", "grand"];
    expect(
      [manager, report, grandManager, admin, newManager].map((viewer) =>
        canSeeMeetingDates(viewer, series, chain),
      ),
    ).toEqual([true, true, true, true, false]);
    // Seeing the dates is not seeing the series.
    expect([grandManager, admin].map((viewer) => canSeeSeries(viewer, series))).toEqual([
      false,
      false,
    ]);
  });

  test("after a move to another manager: the old series is the two's record, read-only; the new manager reads only what the report passed on", () => {
    const old = { ...series, current: false };
    expect(canSeeSeries(report, old)).toBe(true);
    expect(canSeeSeries(manager, old)).toBe(true);
    expect(canWorkInSeries(manager, old)).toBe(false);
    expect(canEditNote(manager, old, shared)).toBe(false);
    expect(canReadNote(newManager, old, shared)).toBe(false);
    expect(canReadNote(newManager, old, { ...shared, passedOnTo: ["new-manager"] })).toBe(true);
    // Passing on a private note does not open it to anyone: private stays with its author.
    expect(canReadNote(newManager, old, { ...privateToManager, passedOnTo: ["new-manager"] })).toBe(
      false,
    );
    expect(passOnRefusal(report, old, shared, "new-manager")).toBeNull();
    expect(passOnRefusal(manager, old, shared, "new-manager")).toBe("not-the-report");
    expect(passOnRefusal(report, old, privateToManager, "new-manager")).toBe("not-the-report");
    expect(
      passOnRefusal(
        report,
        old,
        { ...shared, authorId: "report", visibility: "private" },
        "new-manager",
      ),
    ).toBe("private");
    expect(passOnRefusal(report, { ...old, kind: "skip-level" }, shared, "new-manager")).toBe(
      "skip-level",
    );
    // Before a change of manager, that manager reads the shared notes already.
    expect(passOnRefusal(report, series, shared, "manager")).toBe("same-manager");
    expect(passOnRefusal(report, old, shared, null)).toBe("same-manager");
  });

  test("evidence: the person; their manager only for what they share, item by item or all; never admins or the chain above", () => {
    const person = { managerId: "manager", sharesAllEvidence: false };
    const item = { personId: "report", shared: false };
    expect(canReadEvidence(report, item, person)).toBe(true);
    expect(canReadEvidence(manager, item, person)).toBe(false);
    expect(canReadEvidence(manager, { ...item, shared: true }, person)).toBe(true);
    expect(canReadEvidence(manager, item, { ...person, sharesAllEvidence: true })).toBe(true);
    expect(canReadEvidence(admin, { ...item, shared: true }, person)).toBe(false);
    expect(
      canReadEvidence(
        grandManager,
        { ...item, shared: true },
        { ...person, sharesAllEvidence: true },
      ),
    ).toBe(false);
    expect(
      canReadEvidence(
        newManager,
        { ...item, shared: true },
        { managerId: "new-manager", sharesAllEvidence: false },
      ),
    ).toBe(true);
    expect([report, manager].map((viewer) => canRecordEvidence(viewer, "report"))).toEqual([
      true,
      false,
    ]);
  });

  test("the pulse: the report of a current one-to-one answers; its manager reads the average, at three reports or the organisation's floor", () => {
    expect(canAnswerPulse(report, series)).toBe(true);
    expect(canAnswerPulse(manager, series)).toBe(false);
    expect(canAnswerPulse(report, { ...series, kind: "skip-level" })).toBe(false);
    expect(canAnswerPulse(report, { ...series, current: false })).toBe(false);
    expect(
      [manager, grandManager, admin].map((viewer) => canSeePulseSummary(viewer, "manager")),
    ).toEqual([true, false, false]);
    expect([pulseFloor(1), pulseFloor(3), pulseFloor(4), pulseFloor(6)]).toEqual([3, 3, 4, 6]);
  });
});
