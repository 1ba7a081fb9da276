import type { ReactNode } from "react";
import { Card } from "~/components/ui/page";
import { useTranslation } from "~/i18n/use-translation";

/** How a tool reaches the API, on both token pages: the base URL, the OpenAPI document, how to authenticate and the rate limit; each page adds its own lines. */
export function ApiConnectionCard({
  baseUrl,
  documentUrl,
  perMinute,
  rows,
  children,
}: {
  baseUrl: string;
  documentUrl: string;
  perMinute: number;
  rows?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation("api");
  return (
    <Card className="mb-6">
      <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="font-medium">{t("admin.baseUrl")}</dt>
        <dd>
          <code className="break-all">{baseUrl}</code>
        </dd>
        <dt className="font-medium">{t("admin.document")}</dt>
        <dd>
          <a className="break-all underline" href={documentUrl}>
            {documentUrl}
          </a>
        </dd>
        <dt className="font-medium">{t("admin.authentication")}</dt>
        <dd>{t("admin.authenticationHow")}</dd>
        <dt className="font-medium">{t("admin.rateLimit")}</dt>
        <dd>{t("admin.rateLimitHow", { count: perMinute })}</dd>
        {rows}
      </dl>
      {children}
    </Card>
  );
}
