import type { Route } from "./+types/hiring.openings.$openingId.stages.$stageId.kit";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KitView } from "~/components/hiring/kit-view";
import { PrintButton } from "~/components/ladders/print-button";
import { metaT } from "~/i18n/meta";
import { requireUser } from "~/modules/identity/permissions.server";
import { stageKit } from "~/modules/hiring/openings.server";
import { withDomainErrors } from "~/utils/http.server";
import { BackLink } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Read, not edited: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:kitPage.title", { stage: loaderData.stage.name })
        : t("hiring:kitPage.fallbackTitle"),
    },
  ];
};

/** A stage's interview kit, printable: for the opening's hiring admins and whoever interviews in the stage. */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return stageKit(viewer, params.openingId ?? "", params.stageId ?? "", languageOf(context));
});

const printCss = `@page { margin: 14mm 12mm; }`;

export default function KitPage({ loaderData }: Route.ComponentProps) {
  const { opening, manages, stage, level, ladderName, kit } = loaderData;
  const { t } = useTranslation("hiring");
  return (
    <article className="mx-auto max-w-4xl print:max-w-none">
      <style>{printCss}</style>
      {manages ? (
        <BackLink to={`/hiring/openings/${opening.id}`}>{opening.title}</BackLink>
      ) : (
        <BackLink to="/hiring">{t("kitPage.back")}</BackLink>
      )}
      <div className="no-print mb-4 flex justify-end">
        <PrintButton />
      </div>
      <header className="mb-6 border-b border-slate-300 pb-4">
        <h1 className="text-2xl font-semibold">{t("kitPage.heading", { stage: stage.name })}</h1>
        <p className="text-slate-600 dark:text-slate-300 print:text-black">
          {t("kitPage.context", { opening: opening.title, level, ladder: ladderName })}
        </p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400 print:text-black">
          {t("kitPage.confidential")}
        </p>
      </header>
      <KitView kit={kit} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
