import { useTranslation } from "~/i18n/use-translation";
import type { TokenReach } from "~/modules/api/policy";
import { SCOPE_LABELS, type ApiScope } from "~/modules/api/scopes";
import type { ScopeChoice, TokenTableWords } from "./tokens";

/** The words of the API token pages (the admins' and a person's own): the scopes offered and the list's. */
export function useApiTokenWords(): {
  scopeChoices: (scopes: readonly ApiScope[], reach: TokenReach) => ScopeChoice[];
  scopeNames: (scopes: readonly ApiScope[]) => string[];
  table: TokenTableWords;
} {
  const { t } = useTranslation("api");
  return {
    scopeChoices: (scopes, reach) =>
      scopes.map((scope) => ({
        value: scope,
        name: t(SCOPE_LABELS[scope].name),
        hint: t(reach === "person" ? SCOPE_LABELS[scope].ownHint : SCOPE_LABELS[scope].hint),
      })),
    scopeNames: (scopes) => scopes.map((scope) => t(SCOPE_LABELS[scope].name)),
    table: {
      caption: t("admin.tokens"),
      name: t("admin.name"),
      scopes: t("admin.scopes"),
      createdAt: t("admin.createdAt"),
      lastUsed: t("admin.lastUsed"),
      status: t("admin.status"),
      never: t("admin.never"),
      active: t("admin.active"),
      revoke: t("admin.revoke"),
      noTokens: t("admin.noTokens"),
      revokedAt: (when) => t("admin.revokedAt", { when }),
      revokeLabel: (name) => t("admin.revokeLabel", { name }),
      issuedBy: (name) => `${t("admin.issuedBy")} ${name}`,
    },
  };
}
