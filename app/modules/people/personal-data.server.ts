import type { PersonalDataDeclaration } from "~/platform/personal-data";

/**
 * People: the person's own row is what erasure changes last (retention/erasure.server.ts): their
 * name and email replaced; team, track, level, manager and attributes kept for the aggregates.
 */
export const peoplePersonalData: PersonalDataDeclaration = {
  holds: {
    User: "name, email and identity provider names replaced, last; the rest kept for the aggregates",
    LevelChange: "their moves between levels: kept for time in level",
    ManagerChange: "their moves between managers: kept for the reports",
    GroupChange: "their moves between teams and attributes: kept for the audits at each moment",
  },
  holdsNothing: { Team: "a team's name" },
  notExported:
    "the growth module's profile section shows their name, email, team, manager and level history",
};
