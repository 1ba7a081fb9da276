import { useLocation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Where a live page sent as HTML says it has changed (decision 163). The page's one script
 * (plain-page.page.ts) follows `events` and puts the page's newest state in place; where someone
 * has begun changing a form, it leaves what they typed and says here that the page changed, with a
 * link to it. In the app, the page's own hook reloads its data instead and this stays empty.
 */
export function LiveNotice({ events }: { events: string }) {
  const { t } = useTranslation("common");
  const { pathname, search } = useLocation();
  return (
    <p
      role="status"
      data-live={events}
      data-changed={t("live.changed")}
      data-show={t("live.show")}
      data-href={pathname + search}
      className="mb-4 text-sm empty:hidden [&_a]:text-brand-600 [&_a]:underline dark:[&_a]:text-brand-100"
    />
  );
}
