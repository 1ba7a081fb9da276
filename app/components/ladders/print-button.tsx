import { useTranslation } from "~/i18n/use-translation";

export function PrintButton() {
  const { t } = useTranslation("ladders");
  return (
    <button
      type="button"
      // Marked for the one script a page without the app's carries (app/utils/page-scripts.ts).
      data-print
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
    >
      {t("print.button")}
    </button>
  );
}
