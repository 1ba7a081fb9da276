import type { ReactNode } from "react";
import type { Expectation } from "~/modules/ladders";
import { useTranslation } from "~/i18n/use-translation";
import { ExpectationList } from "./expectations";

/**
 * A card's heading and body on a competency's page: one track, and what the competency asks at
 * each of its levels. Free of the router, so the published ladder site (app/modules/ladders/site)
 * shows the same: the page makes each level's link and gives the card.
 */
export function CompetencyInTrack({
  track,
  levelLink,
}: {
  track: {
    name: string;
    levels: readonly {
      id: string;
      title: string;
      applies: boolean;
      expectations: readonly Expectation[];
    }[];
  };
  /** A level where the competency does not apply has no section for it: link the level, not an anchor in it. */
  levelLink: (level: { id: string; title: string; applies: boolean }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-4 text-lg font-semibold">{track.name}</h2>
      <ol className="space-y-4">
        {track.levels.map((level) => (
          <li key={level.id}>
            <h3 className="font-medium">{levelLink(level)}</h3>
            {level.applies ? (
              <ExpectationList expectations={level.expectations} />
            ) : (
              <p className="text-sm italic text-slate-600 dark:text-slate-300">
                {t("expectations.notExpected")}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
