import type { ReactNode } from "react";
import type { ChangelogEntry, ScalePoint } from "~/modules/ladders";
import { RichText } from "~/components/ui/rich-text";
import { useLadderFormats } from "~/components/ladders/formats";
import { useTranslation } from "~/i18n/use-translation";
import { marks, Sentence } from "./sentence";

/**
 * Sections of a ladder's overview, each a card's heading and body (the page gives the card).
 * Free of the router, so the published ladder site (app/components/ladders/site) shows the same
 * ones: the page makes each link (`competencyLink`, `levelLink`).
 */

/** Where an imported ladder was made from, linked where its source is public; nothing for a ladder written here. */
export function LadderSourceNote({
  source,
}: {
  source: { name: string; url: string | null } | null;
}) {
  const { t } = useTranslation("ladders");
  if (source === null) return null;
  return (
    <p className="-mt-4 mb-6 text-sm text-slate-600 dark:text-slate-400">
      <Sentence
        words={t("overview.importedFrom", marks("source"))}
        elements={{
          source: source.url ? (
            <a
              href={source.url}
              rel="noopener"
              className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
            >
              {source.name}
            </a>
          ) : (
            source.name
          ),
        }}
      />
    </p>
  );
}

export function CompetenciesByArea({
  areas,
  competencyLink,
}: {
  areas: readonly {
    id: string;
    name: string;
    description: string;
    competencies: readonly { id: string; name: string; tracks: readonly string[] | null }[];
  }[];
  competencyLink: (competency: { id: string; name: string }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{t("overview.competenciesByArea")}</h2>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {areas.map((area) => (
          <div key={area.id}>
            <h3 className="font-semibold">{area.name}</h3>
            <RichText
              text={area.description}
              className="mb-2 text-sm text-slate-600 dark:text-slate-400"
            />
            <ul className="space-y-1 text-sm">
              {area.competencies.map((competency) => (
                <li key={competency.id}>
                  {competencyLink(competency)}{" "}
                  <span className="text-slate-600 dark:text-slate-400">
                    ·{" "}
                    {competency.tracks
                      ? competency.tracks.join(t("separator"))
                      : t("overview.allTracks")}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}

export function EquivalentLevels({
  tracks,
  equivalence,
  levelLink,
}: {
  tracks: readonly { id: string; name: string }[];
  /** One row per band, one cell per track: the level there, or null. */
  equivalence: readonly (readonly ({ id: string; title: string } | null)[])[];
  levelLink: (level: { id: string; title: string }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{t("overview.equivalentLevels")}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{t("overview.equivalentCaption")}</caption>
          <thead>
            <tr>
              {tracks.map((track) => (
                <th
                  key={track.id}
                  scope="col"
                  className="border-b border-slate-200 py-2 pe-3 font-semibold dark:border-slate-700"
                >
                  {track.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {equivalence.map((row, index) => (
              <tr key={index}>
                {row.map((level, column) => (
                  <td
                    key={column}
                    className="border-b border-slate-100 py-2 pe-3 dark:border-slate-800"
                  >
                    {level ? (
                      levelLink(level)
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">—</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RatingScale({ scale }: { scale: readonly ScalePoint[] }) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{t("overview.ratingScale")}</h2>
      <dl className="space-y-2 text-sm">
        {scale.map((point) => (
          <div key={point.value}>
            <dt className="font-semibold">
              {t("overview.scalePoint", { value: point.value, label: point.label })}
            </dt>
            <dd className="text-slate-600 dark:text-slate-300">
              <RichText text={point.meaning} inline />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function Changelog({ changelog }: { changelog: readonly ChangelogEntry[] }) {
  const { t } = useTranslation("ladders");
  const f = useLadderFormats();
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{t("overview.changelog")}</h2>
      {changelog.map((entry) => (
        <div key={entry.version} className="mb-3">
          <h3 className="font-medium">
            {entry.version}{" "}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              {t("overview.changelogDate", { date: f.day(entry.date) })}
            </span>
          </h3>
          <ul className="list-disc ps-5 text-sm">
            {entry.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
