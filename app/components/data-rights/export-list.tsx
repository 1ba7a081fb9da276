import { useEffect } from "react";
import { useRevalidator } from "react-router";
import { buttonClass } from "~/components/ui/button";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { KEPT_DAYS } from "~/modules/data-rights/policy";

export type ExportListItem = {
  id: string;
  state: "queued" | "building" | "ready" | "downloaded" | "expired" | "failed";
  sectionsDone: number;
  sectionsTotal: number;
  archiveSize: number | null;
  requestedAt: Date | string;
  startedByAdmin: boolean;
};

/** While an export is being built, the page reads its progress again every few seconds. */
export function useRefreshWhile(building: boolean, everyMs = 3000) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [building, everyMs, revalidator]);
}

/**
 * A person's exports with where each stands. `downloadable` is true only on the person's own page:
 * an admin follows the progress of an export they started and never takes the archive.
 */
export function ExportList({
  exports,
  downloadable,
}: {
  exports: readonly ExportListItem[];
  downloadable: boolean;
}) {
  const { t } = useTranslation("exports");
  const f = useFormats();
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-live="polite">
      {exports.map((item) => {
        const building = item.state === "queued" || item.state === "building";
        return (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">{t(`page.states.${item.state}`)}</p>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {t("page.requested", { when: f.dateTime(item.requestedAt) })}
                {item.startedByAdmin ? ` · ${t("page.byAdmin")}` : null}
              </p>
              {building ? (
                <div className="mt-2 flex items-center gap-2">
                  <progress
                    className="w-48"
                    max={item.sectionsTotal || 1}
                    value={item.sectionsDone}
                    aria-label={t("page.progress", {
                      done: item.sectionsDone,
                      total: item.sectionsTotal,
                    })}
                  />
                  <span className="text-sm">
                    {t("page.progress", { done: item.sectionsDone, total: item.sectionsTotal })}
                  </span>
                </div>
              ) : null}
            </div>
            {downloadable && item.state === "ready" ? (
              <div className="text-end">
                <a
                  className={buttonClass("primary")}
                  href={`/settings/export/${item.id}/download`}
                  download
                >
                  {t("page.download")}
                  {item.archiveSize
                    ? ` (${t("page.size", { size: f.number(Math.max(1, Math.round(item.archiveSize / 1024))) })})`
                    : null}
                </a>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                  {t("page.downloadOnce", { days: KEPT_DAYS })}
                </p>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
