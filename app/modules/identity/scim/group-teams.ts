import { z } from "zod";
import { messageText } from "~/i18n/messages";
import { forbiddenCharacter } from "~/utils/name-text";

/**
 * Which groups an identity provider pushes over SCIM become Rungs teams, as an admin chose on
 * the SCIM page. A person is in one team, so a group that is a team moves its members into it
 * (from their team before); other groups are kept for the provider only. Pure: the rule, the
 * team a group's name gives, and the admin's form. Decision 059 says why.
 */
export type GroupsAsTeams = { kind: "all" } | { kind: "prefix"; prefix: string } | { kind: "none" };

/** As stored (ScimSettings); no row, or anything unknown, is "none": a group moves nobody until an admin says so. */
export function groupsAsTeamsFrom(
  stored: { groupsAsTeams: string; teamPrefix: string | null } | null,
): GroupsAsTeams {
  if (stored?.groupsAsTeams === "all") return { kind: "all" };
  if (stored?.groupsAsTeams === "prefix" && stored.teamPrefix)
    return { kind: "prefix", prefix: stored.teamPrefix };
  return { kind: "none" };
}

/**
 * The name of the team a group with this name is, or null when it is no team. With a prefix,
 * only names starting with it (in any case) count, and the team is named without it: the
 * prefix is the provider's way of marking groups for Rungs ("Rungs Payments" is the team
 * Payments), not part of the team's name.
 */
export function teamNameFor(rule: GroupsAsTeams, displayName: string): string | null {
  if (rule.kind === "none") return null;
  if (rule.kind === "all") return displayName;
  if (!displayName.toLowerCase().startsWith(rule.prefix.toLowerCase())) return null;
  const name = displayName.slice(rule.prefix.length).trim();
  return name || null;
}

/** The SCIM page's form for the rule. Browser and server. */
export const GroupsAsTeamsSchema = z
  .object({
    groupsAsTeams: z.enum(["none", "prefix", "all"], { error: "admin:scim.errors.chooseGroups" }),
    teamPrefix: z
      .string()
      .superRefine((prefix, context) => {
        const found = forbiddenCharacter(prefix);
        if (found)
          context.addIssue({
            code: "custom",
            message: messageText({
              key: `admin:scim.errors.prefixCharacter.${found.kind}`,
              values: { code: found.code },
            }),
          });
      })
      .max(50, "admin:scim.errors.prefixTooLong")
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.groupsAsTeams === "prefix" && !value.teamPrefix?.trim())
      context.addIssue({
        code: "custom",
        path: ["teamPrefix"],
        message: "admin:scim.errors.prefixRequired",
      });
  })
  .transform((value): GroupsAsTeams =>
    value.groupsAsTeams === "prefix"
      ? { kind: "prefix", prefix: value.teamPrefix!.trimStart() }
      : { kind: value.groupsAsTeams },
  );
