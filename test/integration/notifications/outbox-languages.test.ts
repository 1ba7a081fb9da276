// The email outbox's reasons in the admin's language, through the real request handler with the
// root's middleware: the kind of failure is a message, the mail server's own answer is quoted
// beneath it as it was said (decision 124).
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { MAX_ATTEMPTS } from "~/modules/notifications/delivery";
import * as outboxRoute from "~/routes/admin.email";
import { appBuild, getAs, serveForFile } from "../../utils/app-server";
import { createAdmin } from "../../utils/factories";

const app = serveForFile(
  appBuild({ "routes/outbox": { path: "admin/email", module: outboxRoute } }),
);

async function message(status: string, attempts: number, lastError: string) {
  const id = randomUUID();
  await db.outboxMessage.create({
    data: {
      id,
      key: `outbox-languages:${id}`,
      kind: "digest",
      toAddress: `${id}@example.com`,
      subject: `Subject ${id}`,
      textBody: "",
      htmlBody: "",
      status,
      attempts,
      lastError,
      nextAttemptAt: new Date("2026-11-24T08:01:00Z"),
      createdAt: new Date("2026-11-24T08:00:00Z"),
    },
  });
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

async function outboxAs(language: string, status: string) {
  const admin = await createAdmin({ language });
  const { status: code, body } = await getAs(app.server, admin.id, `/admin/email?status=${status}`);
  expect(code).toBe(200);
  return text(body);
}

describe("the email outbox's reasons in the admin's language", () => {
  test("a German admin reads why each message failed in German, the server's answer quoted as it was said", async () => {
    await message("failed", 1, "550 5.1.1 No such mailbox here");
    await message("failed", MAX_ATTEMPTS, "ESOCKET: connect ECONNREFUSED 127.0.0.1:25");
    // A row kept from before the reasons were read: its English wrapper is not shown.
    await message("failed", MAX_ATTEMPTS, "Gave up after 8 attempts. Last answer: 451 4.3.0 Busy");
    const page = await outboxAs("de", "failed");
    expect(page).toContain(
      "Der Mailserver hat die Nachricht abgelehnt. Antwort: „550 5.1.1 No such mailbox here“",
    );
    expect(page).toContain(
      `Nach ${MAX_ATTEMPTS} Versuchen nicht zugestellt: Es folgen keine weiteren Versuche. Antwort: „ESOCKET: connect ECONNREFUSED 127.0.0.1:25“`,
    );
    expect(page).toContain("Antwort: „451 4.3.0 Busy“");
    expect(page).not.toContain("Gave up");
  });

  test("an Arabic admin reads a waiting message's reason and next try in Arabic", async () => {
    await message("queued", 1, "421 4.3.2 Try again later");
    await message("queued", 2, "ESOCKET: connect ECONNREFUSED 127.0.0.1:25");
    const page = await outboxAs("ar", "queued");
    expect(page).toContain("طلب خادم البريد إعادة المحاولة لاحقًا. (المحاولة التالية");
    expect(page).toContain("تعذّر الوصول إلى خادم البريد. (المحاولة التالية");
    // The answer is Latin text in an Arabic sentence: isolated, so its punctuation stays with it.
    expect(page).toContain("الرد: «\u2068421 4.3.2 Try again later\u2069»");
  });
});
