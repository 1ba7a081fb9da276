import type { Route } from "./+types/status";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("team:status.title") },
];

/**
 * The barest page: no loader of its own, one line inside the app's frame. It answers
 * whenever the server renders pages at all, and `npm run bench` measures the heavy pages
 * against it (the cost of any page through this server, before a page's own work).
 */
export default function Status() {
  const { t } = useTranslation("team");
  return <p>{t("status.up")}</p>;
}
