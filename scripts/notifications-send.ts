import { applyMigrations } from "../app/db/migrate.server.ts";
import { EnvError, getEnv } from "../app/utils/env.server.ts";

/**
 * `npm run notifications:send`: one pass of the email outbox now (for cron, or with
 * NOTIFY_SCHEDULE=off): queue what each person is owed, then deliver. Safe beside app
 * servers' own passes: each message is sent once.
 */
let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
await applyMigrations(env.sessionDatabaseUrl);
// The to-do list the pass reads gathers what the workflows register.
await import("../app/modules/workflows.server.ts");
const { runNotificationPass } = await import("../app/modules/notifications/outbox.server.ts");
const { smtpTransport } = await import("../app/modules/notifications/mailer.server.ts");
const result = await runNotificationPass(smtpTransport());
if (!result) {
  console.log(
    "Email is off: set SMTP_URL and MAIL_FROM to send reminders. Nothing was queued or sent.",
  );
} else {
  console.log(
    `Email pass: ${result.planned} people planned, ${result.queued} queued, ${result.sent} sent, ${result.retried} to try again later, ${result.failed} failed.`,
  );
}
process.exit(0);
