import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.competencies.$competencyId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferenceLinks } from "~/components/ladders/reference-links";
import { CompetencyInTrack } from "~/components/ladders/competency-levels";
import { InheritedMark } from "~/components/ladders/expectations";
import { LadderText } from "~/components/ladders/source-texts";
import { PrintButton } from "~/components/ladders/print-button";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { hasInterviewAssignment } from "~/modules/hiring/access.server";
import { canSeeInterviewMaterial } from "~/modules/hiring/policy";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { competencyView } from "~/modules/ladders/views";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { QuestionGuide } from "~/components/ladders/question-guide";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("ladders:competency.title", { competency: loaderData.view.competency.name })
      : metaT(matches)("ladders:competency.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { ladder, marked } = await requireLadderIn(params.ladderId, languageOf(context));
  const view = competencyView(ladder, params.competencyId ?? "");
  if (!view) throw new NotFoundError({ key: "ladders:errors.noSuchCompetency" });
  // Interview material is for interviewers and hiring admins: candidates must not read the questions beforehand.
  const interviews =
    canSeeInterviewMaterial(viewer, false) ||
    canSeeInterviewMaterial(viewer, await hasInterviewAssignment(viewer.id));
  return marked({
    ladderId: ladder.meta.id,
    view: interviews ? view : { ...view, interview: null },
  });
});

export default function CompetencyPage({ loaderData }: Route.ComponentProps) {
  const { ladderId, view } = loaderData;
  const base = `/ladders/${ladderId}`;
  const { t } = useTranslation("ladders");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={<LadderText text={view.competency.name} />}
        description={<RichText text={view.competency.description} inline />}
        actions={<PrintButton />}
      />
      <p className="-mt-4 mb-6 text-sm text-slate-500 dark:text-slate-400">
        {t("competency.area", { area: view.competency.area })}
        {view.competency.inheritedFrom ? (
          <InheritedMark from={view.competency.inheritedFrom} />
        ) : null}
      </p>
      {view.competency.links.length ? (
        <div className="-mt-4 mb-6">
          <ReferenceLinks
            links={view.competency.links}
            heading={t("references.heading")}
            Heading="h2"
          />
        </div>
      ) : null}
      <div className="space-y-6">
        {view.tracks.map((track) => (
          <Card key={track.id}>
            <CompetencyInTrack
              track={track}
              levelLink={(level) => (
                <Link
                  to={`${base}/levels/${level.id}${level.applies ? `#${view.competency.id}` : ""}`}
                  className="hover:underline"
                >
                  {level.title}
                </Link>
              )}
            />
          </Card>
        ))}
        {view.interview ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">{t("competency.interview.heading")}</h2>
            <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">
              {t("competency.interview.intro")}
            </p>
            <ol className="space-y-5">
              {view.interview.questions.map((question) => (
                <li
                  key={question.text}
                  className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
                >
                  <RichText text={question.text} className="font-medium" />
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                    {question.levels.length
                      ? t("competency.interview.forLevels", {
                          levels: f.list(question.levels.map((level) => level.title)),
                        })
                      : t("competency.interview.everyLevel")}
                  </p>
                  <QuestionGuide
                    question={question}
                    Heading="h3"
                    headingClass="text-sm font-semibold"
                    className="mt-3 grid gap-4 text-sm md:grid-cols-2"
                  />
                </li>
              ))}
            </ol>
            <h3 className="mb-2 mt-6 font-semibold">{t("competency.interview.anchors")}</h3>
            <dl className="space-y-2 text-sm">
              {view.interview.anchors.map((anchor) => (
                <div key={anchor.value} className="grid gap-1 md:grid-cols-[10rem_1fr]">
                  <dt className="font-medium">
                    {t("competency.interview.anchor", { value: anchor.value, label: anchor.label })}
                  </dt>
                  <dd>
                    <RichText text={anchor.text} inline />
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
