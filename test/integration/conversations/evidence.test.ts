// Evidence between cycles and the one-to-one pulse against a real database.
import { describe, expect, test } from "vitest";
import {
  deleteEvidence,
  evidenceForSelfAssessment,
  evidenceOf,
  recordEvidence,
  setEvidenceShared,
  setShareAllEvidence,
} from "~/modules/conversations/evidence.server";
import { answerPulse, managerPulse } from "~/modules/conversations/pulse.server";
import { seriesPage } from "~/modules/conversations/agenda.server";
import { startSeries } from "~/modules/conversations/series.server";
import { db } from "~/db/client.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { createPerson } from "../../utils/factories";
import { refused } from "../../utils/responses";

const viewer = (person: { id: string; isAdmin?: boolean }) => ({
  id: person.id,
  isAdmin: person.isAdmin ?? false,
});
const at = (iso: string) => new Date(iso);

describe("evidence between cycles", () => {
  test("recorded against a competency of the person's ladder; their manager reads it only as shared, item by item or all; nobody else", async () => {
    const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const now = at("2026-03-20T10:00:00Z");
    const input = {
      competencyId: "testing",
      text: "Added contract tests to the billing service",
      url: "https://git.example.com/pr/42",
      occurredOn: at("2026-03-18T00:00:00Z"),
    };
    expect(
      await refused(() =>
        recordEvidence(viewer(engineer), { ...input, competencyId: "no-such-competency" }, now),
      ),
    ).toBe("invalid");
    expect(
      await refused(() =>
        recordEvidence(viewer(engineer), { ...input, occurredOn: at("2026-03-21T00:00:00Z") }, now),
      ),
    ).toBe("invalid");
    expect(
      await refused(() =>
        recordEvidence(viewer(engineer), { ...input, url: "javascript:alert(1)" }, now),
      ),
    ).toBe("invalid");
    const first = await recordEvidence(viewer(engineer), input, now);
    await recordEvidence(
      viewer(engineer),
      { ...input, competencyId: "system-design", text: "Wrote the queue design", url: null },
      now,
    );

    expect((await evidenceOf(viewer(engineer), engineer.id)).items).toHaveLength(2);
    expect((await evidenceOf(viewer(manager), engineer.id)).items).toEqual([]);
    for (const outsider of [boss, admin])
      expect(await refused(() => evidenceOf(viewer(outsider), engineer.id))).toBe("not-found");
    await setEvidenceShared(viewer(engineer), first, true);
    expect(
      (await evidenceOf(viewer(manager), engineer.id)).items.map((item) => item.competencyName),
    ).toEqual(["Testing and verification"]);
    expect(await refused(() => setEvidenceShared(viewer(manager), first, false))).toBe("not-found");
    // Reading a shared item is not changing it: the manager neither unshares nor deletes it.
    expect(await refused(() => deleteEvidence(viewer(manager), first))).toBe("not-found");
    expect(
      await db.careerEvidence.findUniqueOrThrow({ where: { id: first }, select: { shared: true } }),
    ).toEqual({ shared: true });
    await setShareAllEvidence(viewer(engineer), true);
    expect((await evidenceOf(viewer(manager), engineer.id)).items).toHaveLength(2);
    for (const outsider of [boss, admin])
      expect(await refused(() => evidenceOf(viewer(outsider), engineer.id))).toBe("not-found");

    // From a conversation: a meeting of the person's own series only.
    const seriesId = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meetingId = (await seriesPage(viewer(engineer), seriesId, now)).next!.id;
    const stranger = await createPerson({
      name: "Stan Stranger",
      track: "ic",
      level: "ic2",
      managerId: boss.id,
    });
    expect(
      await refused(() => recordEvidence(viewer(stranger), { ...input, meetingId }, now)),
    ).toBe("not-found");
    await recordEvidence(
      viewer(engineer),
      { ...input, text: "Agreed in our one-to-one: own the test plan", meetingId },
      now,
    );
    expect(
      (await evidenceOf(viewer(engineer), engineer.id)).items
        .filter((item) => item.fromConversation)
        .map((item) => item.text),
    ).toEqual(["Agreed in our one-to-one: own the test plan"]);

    // Offered beside each competency when the next self-assessment opens.
    const offered = await evidenceForSelfAssessment(engineer.id);
    expect([...offered.keys()].sort()).toEqual(["system-design", "testing"]);
    expect(offered.get("testing")?.map((item) => item.text)).toEqual([
      input.text,
      "Agreed in our one-to-one: own the test plan",
    ]);
  });

  test("names the item recorded last, though the list is in the order things happened, and only among what the reader may read", async () => {
    const manager = await createPerson({ name: "Mo Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Eli Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const now = at("2026-03-20T10:00:00Z");
    expect((await evidenceOf(viewer(engineer), engineer.id)).lastRecordedId).toBeNull();
    const recent = await recordEvidence(
      viewer(engineer),
      {
        competencyId: "testing",
        text: "Fixed the flaky checkout test",
        url: null,
        occurredOn: at("2026-03-19T00:00:00Z"),
      },
      now,
    );
    // Recorded an hour before the next one, so the order of recording is certain.
    await db.careerEvidence.update({
      where: { id: recent },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });
    const remembered = await recordEvidence(
      viewer(engineer),
      {
        competencyId: "testing",
        text: "Ran the load test before the sale",
        url: null,
        occurredOn: at("2026-02-02T00:00:00Z"),
      },
      now,
    );

    const own = await evidenceOf(viewer(engineer), engineer.id);
    expect(own.items.map((item) => item.id)).toEqual([recent, remembered]);
    expect(own.lastRecordedId).toBe(remembered);
    // The manager reads nothing unshared, not even which item is newest.
    expect((await evidenceOf(viewer(manager), engineer.id)).lastRecordedId).toBeNull();
    await setEvidenceShared(viewer(engineer), recent, true);
    expect((await evidenceOf(viewer(manager), engineer.id)).lastRecordedId).toBe(recent);
  });
});

describe("the one-to-one pulse", () => {
  test("each report answers about their manager; the manager reads an average only from three reports, or the organisation's floor", async () => {
    const manager = await createPerson({ name: "Pia Manager", track: "manager", level: "m1" });
    const reports = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        createPerson({ name: `Report ${n}`, track: "ic", level: "ic2", managerId: manager.id }),
      ),
    );
    const now = at("2026-03-20T10:00:00Z");
    const series: string[] = [];
    for (const report of reports)
      series.push(
        await startSeries(
          viewer(manager),
          {
            kind: "one-to-one",
            managerId: manager.id,
            reportId: report.id,
            cadence: "weekly",
            firstAt: at("2026-03-23T09:00:00Z"),
          },
          now,
        ),
      );
    expect(await refused(() => answerPulse(viewer(manager), series[0]!, 5, now))).toBe("not-found");
    expect(await refused(() => answerPulse(viewer(reports[0]!), series[0]!, 9, now))).toBe(
      "invalid",
    );
    await answerPulse(viewer(reports[0]!), series[0]!, 5, now);
    await answerPulse(viewer(reports[1]!), series[1]!, 3, now);
    await answerPulse(viewer(reports[2]!), series[2]!, 4, now);
    expect(await refused(() => managerPulse(viewer(reports[0]!), manager.id, now))).toBe(
      "not-found",
    );
    // The organisation's floor (four) is above three: three answers are not enough.
    expect(await managerPulse(viewer(manager), manager.id, now)).toEqual({ mean: null });
    await answerPulse(viewer(reports[3]!), series[3]!, 4, now);
    expect(await managerPulse(viewer(manager), manager.id, now)).toEqual({ mean: 4 });
    // The series page never shows anyone's answer to the manager.
    expect(JSON.stringify(await seriesPage(viewer(manager), series[0]!, now))).not.toContain(
      "pulse",
    );
    expect(await db.conversationPulse.count({ where: { managerId: manager.id } })).toBe(4);
  });

  test("the pulse is answered in a current one-to-one only: not in a skip-level, not once the series has ended", async () => {
    const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
    const manager = await createPerson({
      name: "Pia Manager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    const other = await createPerson({
      name: "Omar Manager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    const report = await createPerson({
      name: "Report",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const now = at("2026-03-20T10:00:00Z");
    const oneToOne = await startSeries(
      viewer(manager),
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: report.id,
        cadence: "weekly",
        firstAt: at("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const skipLevel = await startSeries(
      viewer(boss),
      {
        kind: "skip-level",
        managerId: boss.id,
        reportId: report.id,
        cadence: "quarterly",
        firstAt: at("2026-04-01T14:00:00Z"),
      },
      now,
    );
    expect(await refused(() => answerPulse(viewer(report), skipLevel, 4, now))).toBe("not-found");
    await db.user.update({ where: { id: report.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);
    expect(await refused(() => answerPulse(viewer(report), oneToOne, 4, now))).toBe("not-found");
    expect(await db.conversationPulse.count({ where: { respondentId: report.id } })).toBe(0);
  });
});
