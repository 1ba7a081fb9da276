import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { withoutNames } from "./comments";
import { teamHealthAnswersRetention } from "./retention.server";
import { checkInsAskedOf } from "./team-health.server";

/**
 * Team health (decision 099): who was asked is kept; what anyone answered was never theirs to
 * begin with (no person id, no time), so erasure has nothing of theirs to find there, and an
 * export never shows it. A comment that names the erased person loses the name before the name
 * itself is replaced (the word check works from today's names). An action's words are the owner's,
 * under the leavers rule.
 */
export const teamHealthPersonalData: PersonalDataDeclaration = {
  holds: {
    TeamHealthCheckIn: "who started it: kept, under the erased name",
    TeamHealthInvitation:
      "who was asked, and whether they answered (shown to nobody but them): kept, for the participation count",
    TeamHealthAction:
      "the action they own: kept under the erased name, its words emptied under the leavers rule",
    TeamHealthResponse:
      "anonymous answers and comments, holding no person id: kept; a comment's mention of the erased person's name is removed (all deleted under the retention rule for answers, the shown figures kept)",
  },
  holdsNothing: {
    TeamHealthTeam: "which team a check-in asked, its floor and the action it follows up",
    TeamHealthGroupStore:
      "a quarter's store of answers by track, level or imported attribute (decision 126): the group, its floor and how many answers; no person, no team",
    TeamHealthGroupAnswer:
      "an answer's seven values in one group's store (decision 126): no person, no team, no time, no link to the team's answer, so nothing to erase or export; deleted with the quarter's first answers the retention rule removes",
    TeamHealthItem:
      "the organisation's own items (decision 123): statements about the team, written by no one named and about no one",
  },
  async erase({ tx, personId, othersTexts }) {
    const person = await tx.user.findUnique({ where: { id: personId }, select: { name: true } });
    if (person) {
      const comments = await tx.teamHealthResponse.findMany({
        where: {
          comment: { not: null },
          checkInTeam: { invitations: { some: { personId } } },
        },
        select: { id: true, comment: true },
      });
      for (const row of comments) {
        const cleaned = withoutNames(row.comment!, [person.name]);
        if (cleaned !== row.comment)
          await tx.teamHealthResponse.update({ where: { id: row.id }, data: { comment: cleaned } });
      }
    }
    if (othersTexts === "remove")
      await tx.teamHealthAction.updateMany({ where: { ownerId: personId }, data: { text: "" } });
  },
  retention: { teamHealthAnswers: teamHealthAnswersRetention },
  exports: {
    /** Which check-ins they were asked in: the team and when. Never their answers, nor whether they answered. */
    async teamHealth({ reader }) {
      return (await checkInsAskedOf(reader.id)).map((row) => ({
        team: row.team,
        startedAt: row.startedAt.toISOString(),
        closesAt: row.closesAt.toISOString(),
      }));
    },
  },
};
