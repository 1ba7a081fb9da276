import type { Prisma } from "~/db/client.server";
import { redactedChange, type PersonalDataDeclaration } from "~/platform/personal-data";
import { committeeSlot } from "./calendar";
import { upcomingCommitteeMeetings } from "./committee.server";
import { unlessNotFound } from "~/modules/errors";
import { dayOrNull } from "~/platform/export-document";
import { answerPage } from "./decisions.server";
import { myNominations } from "./nominations.server";
import { nominationPage } from "./packets.server";

/** A decision's rationale per criterion (`{ competency: { mark, rationale } }`) with the words blanked and the marks kept. */
function blankRationales(rationale: unknown): unknown {
  if (!rationale || typeof rationale !== "object") return rationale;
  return Object.fromEntries(
    Object.entries(rationale as Record<string, unknown>).map(([competency, criterion]) => [
      competency,
      criterion && typeof criterion === "object" ? { ...criterion, rationale: "" } : criterion,
    ]),
  );
}

/** An event's change with its words blanked: additions, summaries, dissents and rationales. */
function redactedEventChange(change: string): string {
  const parsed = JSON.parse(redactedChange(change, ["managerAddition", "summary", "dissent"]));
  if (Array.isArray(parsed.rationale)) parsed.rationale = parsed.rationale.map(blankRationales);
  return JSON.stringify(parsed);
}

async function redactEvents(
  tx: Prisma.TransactionClient,
  where: Prisma.PromotionEventWhereInput,
  now: Date,
) {
  const events = await tx.promotionEvent.findMany({
    where: { ...where, redactedAt: null },
    select: { id: true, change: true, reason: true },
  });
  for (const event of events)
    await tx.promotionEvent.update({
      where: { id: event.id },
      data: {
        change: redactedEventChange(event.change),
        reason: event.reason === null ? null : "",
        redactedAt: now,
      },
    });
}

/**
 * A packet's words blanked. A submitted packet changes only this way, once (its redactedAt), and
 * then its cases may be blanked (the database's triggers hold both).
 */
async function redactPackets(
  tx: Prisma.TransactionClient,
  where: Prisma.PromotionPacketWhereInput,
  cases: Prisma.PromotionCaseUpdateManyMutationInput,
  now: Date,
) {
  await tx.promotionPacket.updateMany({
    where: { ...where, redactedAt: null, amendmentReason: { not: null } },
    data: { redactedAt: now, amendmentReason: "" },
  });
  await tx.promotionPacket.updateMany({
    where: { ...where, redactedAt: null },
    data: { redactedAt: now },
  });
  await tx.promotionCase.updateMany({ where: { packet: where }, data: cases });
}

/**
 * Promotions: who was nominated, decided and promoted stays for the promotion audit; every word
 * about the person (their statement, their packet's case, their manager's addition, the
 * committee's notes, rationale, summary and dissent, the history's copies of them) goes, and what
 * they wrote about others follows the leavers rule.
 */
export const promotionsPersonalData: PersonalDataDeclaration = {
  holds: {
    PromotionNomination:
      "about them: the statement, their manager's addition and a withdrawal's reason are emptied; nominations they wrote or added to, under the leavers rule",
    PromotionPacket:
      "their packets: the amendment's reason is emptied, a submitted one once (redactedAt)",
    PromotionCase:
      "their packets' cases and evidence are emptied; a manager's case they wrote, under the leavers rule",
    PromotionBallot: "a member's ballot: kept, no words",
    PromotionVote:
      "notes about them are emptied; notes they wrote as a member, under the leavers rule",
    PromotionDecision:
      "about them: the summary and every criterion's rationale are emptied; the marks and outcome stay",
    PromotionDissent: "about them: emptied; one they wrote, under the leavers rule",
    PromotionEvent:
      "the append-only history: the copies of those words are blanked once (redactedAt); kinds, dates and levels stay",
    PromotionCommitteeMember: "who sat on a committee: kept, under the erased name",
    PromotionEligible:
      "who could be nominated in a window, with their group then: kept for the audit",
    PromotionAuditView: "who read an audit and when: kept",
  },
  holdsNothing: {
    PromotionSettings: "the organisation's choice of process",
    PromotionWindow: "a window's dates and state",
  },
  async erase({ tx, personId, now, othersTexts }) {
    const theirs = { nomineeId: personId };
    await tx.promotionNomination.updateMany({
      where: theirs,
      data: { statement: "", managerAddition: "" },
    });
    await tx.promotionNomination.updateMany({
      where: { ...theirs, withdrawnReason: { not: null } },
      data: { withdrawnReason: "" },
    });
    await redactPackets(
      tx,
      { nomination: theirs },
      { nomineeCase: "", managerCase: "", evidence: "[]" },
      now,
    );
    await tx.promotionVote.updateMany({
      where: { ballot: { nomination: theirs } },
      data: { note: "" },
    });
    await tx.promotionDissent.updateMany({ where: { nomination: theirs }, data: { text: "" } });
    const decisions = await tx.promotionDecision.findMany({
      where: { nomination: theirs },
      select: { nominationId: true, rationale: true },
    });
    for (const decision of decisions)
      await tx.promotionDecision.update({
        where: { nominationId: decision.nominationId },
        data: {
          summary: "",
          rationale: JSON.stringify(blankRationales(JSON.parse(decision.rationale))),
        },
      });
    await redactEvents(tx, { nomination: theirs }, now);

    if (othersTexts === "remove") {
      const others = { nomineeId: { not: personId } };
      await tx.promotionNomination.updateMany({
        where: { ...others, nominatedById: personId },
        data: { statement: "" },
      });
      await tx.promotionNomination.updateMany({
        where: { ...others, managerId: personId },
        data: { managerAddition: "" },
      });
      await redactPackets(
        tx,
        { nomination: { ...others, managerId: personId } },
        { managerCase: "" },
        now,
      );
      await tx.promotionVote.updateMany({
        where: { ballot: { memberId: personId } },
        data: { note: "" },
      });
      await tx.promotionDissent.updateMany({ where: { memberId: personId }, data: { text: "" } });
      await redactEvents(tx, { actorId: personId }, now);
    }
  },
  calendar: {
    events: { committee: "PromotionWindow" },
    entries: async (now) =>
      (await upcomingCommitteeMeetings(now)).flatMap(({ memberIds, ...meeting }) =>
        memberIds.map((personId) => ({ personId, slot: committeeSlot(meeting) })),
      ),
  },
  exports: {
    async promotions({ reader, now, language }) {
      // Their own nominations, as "Your nominations" lists them, each as its page shows it to them:
      // the statement, their manager's addition, the packet's cases and the answer (nothing before
      // release); and the nominations they made for someone else, with only their statement.
      const out = [];
      for (const nomination of (await myNominations(reader, language)).filter(
        (row) => row.own || row.byViewer,
      )) {
        const page = await unlessNotFound(() =>
          nominationPage(reader, nomination.id, now, language),
        );
        if (!page) continue;
        const common = {
          window: nomination.windowName,
          target: nomination.targetTitle,
          kind: nomination.kind,
          state: nomination.state,
          statement: page.nomination.statement,
        };
        if (!nomination.own) {
          out.push({
            ...common,
            nominee: nomination.nomineeName,
            managerAddition: null,
            packet: null,
            decision: null,
          });
          continue;
        }
        const answer = await unlessNotFound(() => answerPage(reader, nomination.id, language));
        const decision = answer?.decision ?? null;
        out.push({
          ...common,
          nominee: null,
          managerAddition: page.nomination.managerAddition || null,
          packet: page.packet
            ? {
                submittedAt: page.packet.submittedAt?.toISOString() ?? null,
                cases: page.packet.criteria.map((criterion) => ({
                  competencyId: criterion.competencyId,
                  competency: criterion.name,
                  nomineeCase: criterion.nomineeCase,
                  managerCase: criterion.managerCase,
                })),
              }
            : null,
          decision: decision
            ? {
                outcome: decision.outcome,
                summary: decision.summary,
                releasedAt: decision.releasedAt?.toISOString() ?? null,
                takesEffectOn: dayOrNull(decision.takesEffectOn),
                criteria: decision.criteria.map((criterion) => ({
                  name: criterion.name,
                  mark: criterion.mark,
                  rationale: criterion.rationale,
                })),
              }
            : null,
        });
      }
      return out;
    },
  },
};
