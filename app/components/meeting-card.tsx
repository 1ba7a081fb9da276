import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { ErrorList, Field } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { meetingSchema } from "~/modules/calibration/meeting";
import { localDateTimeValue } from "~/modules/time-zones";
import { useTimeZone } from "~/utils/time-zone";

/**
 * A meeting's time on the viewer's own clock, and for whoever may change it the form that sets,
 * moves or removes it (intents `meeting` and `meeting-remove`): a calibration session's, a
 * promotion committee's. The page says whose meeting it is and who is invited (`heading`,
 * `invitations`, worded by the page).
 */
export function MeetingCard({
  formId,
  heading,
  invitations,
  meeting,
  lastResult,
  busy,
  className,
}: {
  formId: string;
  heading: string;
  invitations: string;
  meeting: { startsAt: string | Date | null; minutes: number | null; canChange: boolean };
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
  className?: string;
}) {
  const { t } = useTranslation("common");
  const f = useFormats();
  const timeZone = useTimeZone();
  const schema = meetingSchema(timeZone);
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: {
      startsAt: meeting.startsAt ? localDateTimeValue(new Date(meeting.startsAt), timeZone) : "",
      minutes: String(meeting.minutes ?? 60),
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Card className={className}>
      <h2 className="mb-1 text-lg font-semibold">{heading}</h2>
      <p className="mb-3 text-sm">
        {meeting.startsAt
          ? t("meeting.when", {
              when: f.dateTime(meeting.startsAt, "full"),
              minutes: meeting.minutes ?? 0,
            })
          : t("meeting.none")}
        {meeting.canChange ? ` ${invitations}` : ""}
      </p>
      {meeting.canChange ? (
        <div className="flex flex-wrap items-end gap-3">
          <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="meeting" />
            <Field
              label={t("meeting.starts", { timeZone })}
              errors={fields.startsAt.errors}
              {...getInputProps(fields.startsAt, { type: "datetime-local" })}
            />
            <Field
              label={t("meeting.length")}
              errors={fields.minutes.errors}
              {...getInputProps(fields.minutes, { type: "number" })}
            />
            <ErrorList id={form.errorId} errors={form.errors} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {meeting.startsAt ? t("meeting.move") : t("meeting.set")}
            </Button>
          </Form>
          {meeting.startsAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="meeting-remove" />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("meeting.remove")}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
