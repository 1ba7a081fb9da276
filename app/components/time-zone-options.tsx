import { useTranslation } from "~/i18n/use-translation";
import { timeZoneLabel } from "~/modules/time-zones";

/** A time-zone picker's options: the organisation's (an empty value) first, then every zone by name, once. */
export function TimeZoneOptions({
  zones,
  organisation,
}: {
  zones: readonly string[];
  organisation: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("timeZone.organisation", { zone: organisation })}</option>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {timeZoneLabel(zone)}
        </option>
      ))}
    </>
  );
}
