import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { verifyPassword } from "~/modules/identity/passwords/password.server";
import { getSignedIn } from "~/modules/identity/sessions/session.server";
import { hashSignInToken } from "~/modules/identity/sign-in-links/sign-in-link.server";
import {
  announceSetupLinkIfNobody,
  makeAdminFromCommand,
} from "~/modules/identity/setup/first-admin.server";
import * as setPasswordRoute from "~/routes/set-password.$token";
import * as setupRoute from "~/routes/setup.$token";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";

const password = "correct horse battery staple";
const run = promisify(execFile);

/** Starts as the server does on an empty database, and returns the setup link's token it logged. */
async function loggedSetupToken(now = new Date()): Promise<string | null> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await announceSetupLinkIfNobody("https://rungs.example.com", now);
  const printed = log.mock.calls.map((call) => call.join(" ")).join("\n");
  log.mockRestore();
  return /https:\/\/rungs\.example\.com\/setup\/([A-Za-z0-9_-]+)/.exec(printed)?.[1] ?? null;
}

function load(token: string) {
  return setupRoute.loader(routeArgs(new Request(`http://localhost/setup/${token}`), { token }));
}

function submit(token: string, fields: Record<string, string>) {
  const request = new Request(`http://localhost/setup/${token}`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  return setupRoute.action(routeArgs(request, { token }));
}

const first = { name: "Ada Admin", email: "Ada@Example.com", password, confirm: password };

beforeEach(async () => {
  await db.user.deleteMany();
  await db.setupToken.deleteMany();
});

describe("the setup link on an empty database", () => {
  test("is logged once per start, stored only as a hash, valid 24 hours", async () => {
    const now = new Date();
    const token = await loggedSetupToken(now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await db.setupToken.findMany();
    expect(stored!.tokenHash).toBe(hashSignInToken(token!));
    expect(stored!.expiresAt.getTime() - now.getTime()).toBe(24 * 60 * 60 * 1000);
    expect(await load(token!)).toBeNull();
  });

  test("nothing is logged once someone is in the database", async () => {
    await createPerson();
    expect(await loggedSetupToken()).toBeNull();
    expect(await db.setupToken.count()).toBe(0);
  });

  test("the first person becomes the first admin, signed in; then no setup link works", async () => {
    const token = (await loggedSetupToken())!;
    const other = (await loggedSetupToken())!;

    const bad = await submit(token, {
      ...first,
      email: "not-an-email",
      confirm: "something else entirely",
    });
    expect(statusOf(bad)).toBe(400);
    const errors = bodyOf<{ error: Record<string, string[]> }>(bad).error;
    expect(errors.email).toEqual(["people:form.errors.emailInvalid"]);
    expect(errors.confirm).toEqual(["people:passwordFields.errors.mismatch"]);
    expect(await db.user.count()).toBe(0);

    const response = (await submit(token, first)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/people");
    const admin = await db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { password: true },
    });
    expect(admin).toMatchObject({
      name: "Ada Admin",
      isAdmin: true,
      deactivatedAt: null,
      track: null,
    });
    expect(await verifyPassword(admin.password!.hash, password)).toBe(true);
    const signedIn = await getSignedIn(
      new Request("http://localhost/", {
        headers: { Cookie: response.headers.get("Set-Cookie")!.split(";")[0]! },
      }),
    );
    expect(signedIn?.viewer).toMatchObject({ id: admin.id, isAdmin: true });
    expect(
      await db.auditEvent.findMany({
        where: { subjectId: admin.id },
        select: { action: true, actorId: true },
      }),
    ).toEqual([{ action: "setup.first_admin", actorId: admin.id }]);

    for (const used of [token, other]) {
      expect(statusOf(await thrown(() => load(used)))).toBe(404);
      expect(
        statusOf(await thrown(() => submit(used, { ...first, email: "eve@example.com" }))),
      ).toBe(404);
    }
    expect(await db.user.count()).toBe(1);
  });

  test("an admin made with npm run admin meanwhile ends the setup link", async () => {
    const token = (await loggedSetupToken())!;
    expect(
      await makeAdminFromCommand({ name: "Shell Admin", email: "shell@example.com" }),
    ).toMatchObject({ ok: true, created: true });
    expect(statusOf(await thrown(() => load(token)))).toBe(404);
    expect(statusOf(await thrown(() => submit(token, first)))).toBe(404);
    expect(await db.user.count()).toBe(1);
  });

  test("an expired or made-up link is refused with 404 and writes nothing", async () => {
    const token = (await loggedSetupToken(new Date(Date.now() - 25 * 60 * 60 * 1000)))!;
    expect(statusOf(await thrown(() => load(token)))).toBe(404);
    expect(statusOf(await thrown(() => submit(token, first)))).toBe(404);
    expect(statusOf(await thrown(() => load("x".repeat(43))))).toBe(404);
    expect(await db.user.count()).toBe(0);
  });

  test("someone imported before any admin can take the link with their email; a deactivated one cannot", async () => {
    const token = (await loggedSetupToken())!;
    await createPerson({
      name: "Gone Person",
      email: "gone@example.com",
      deactivatedAt: new Date(),
    });
    const imported = await createPerson({
      name: "Ima Ported",
      email: "ima@example.com",
      track: "ic",
      level: "ic2",
    });

    const refused = await submit(token, { ...first, email: "gone@example.com" });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: Record<string, string[]> }>(refused).error.email).toEqual([
      "Gone Person (gone@example.com) is deactivated in Rungs. Use another email address.",
    ]);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(0);

    expect(statusOf(await submit(token, { ...first, email: "ima@example.com" }))).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({
      name: "Ima Ported",
      isAdmin: true,
      track: "ic",
    });
  });
});

describe("two submissions at the same moment", () => {
  const taken =
    "Rungs has its first admin now: this setup link was used, so it no longer works. If that was you, sign in with the email and password you chose; if not, ask that admin for access.";
  const bob = { ...first, name: "Bob Admin", email: "bob@example.com" };

  /** Both submissions run at once; exactly one makes the first admin and the other is told why it did not. */
  async function race(submissions: (() => Promise<unknown>)[]) {
    // Counted before either starts: a submission begun first could commit before this count.
    const events = await db.auditEvent.count({ where: { action: "setup.first_admin" } });
    const answers = await Promise.allSettled(submissions.map((start) => start()));
    const won = answers.flatMap((answer) =>
      answer.status === "fulfilled" ? [answer.value as Response] : [],
    );
    const lost = answers.flatMap((answer) =>
      answer.status === "rejected" ? [answer.reason as unknown] : [],
    );
    expect(won.map((response) => response.status)).toEqual([302]);
    expect(
      lost.map((error) => [statusOf(error), bodyOf<{ message: string }>(error).message]),
    ).toEqual([[404, taken]]);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
    expect(await db.user.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "setup.first_admin" } })).toBe(events + 1);
  }

  test("the same link, twice: one first admin", async () => {
    const token = (await loggedSetupToken())!;
    await race([() => submit(token, first), () => submit(token, bob)]);
  });

  test("two links from two starts, each once: one first admin", async () => {
    const one = (await loggedSetupToken())!;
    const two = (await loggedSetupToken())!;
    await race([() => submit(one, first), () => submit(two, bob)]);
    // Reloading the page afterwards says the same.
    expect(bodyOf<{ message: string }>(await thrown(() => load(two))).message).toBe(taken);
  });
});

describe("npm run admin", () => {
  async function admin(...args: string[]) {
    try {
      const { stdout } = await run("./node_modules/.bin/tsx", ["scripts/admin.ts", ...args], {
        env: { ...process.env, PUBLIC_URL: "https://rungs.example.com" },
      });
      return { code: 0, stdout, stderr: "" };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  test("adds an admin and prints a one-time sign-in link that sets a password and signs in", async () => {
    const result = await admin("--email", "Root@Example.com", "--name", "Root Admin");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Root Admin <root@example.com> is added as an admin.");
    const token = /https:\/\/rungs\.example\.com\/set-password\/([A-Za-z0-9_-]{43})/.exec(
      result.stdout,
    )![1]!;
    const person = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    expect(person.isAdmin).toBe(true);
    expect(
      await db.auditEvent.findMany({ where: { subjectId: person.id }, select: { action: true } }),
    ).toEqual([{ action: "setup.admin_by_command" }]);

    expect(
      await setPasswordRoute.loader(
        routeArgs(new Request(`http://localhost/set-password/${token}`), { token }),
      ),
    ).toEqual({ name: "Root Admin", email: "root@example.com" });
    const request = new Request(`http://localhost/set-password/${token}`, {
      method: "POST",
      body: new URLSearchParams({ password, confirm: password }),
    });
    const response = (await setPasswordRoute.action(routeArgs(request, { token }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/^rungs_session=/);
  });

  test("makes someone already in Rungs an admin, keeping their name; refuses a deactivated person and bad arguments", async () => {
    const existing = await createPerson({ name: "Kept Name", email: "kept@example.com" });
    const promoted = await admin("--email", "kept@example.com", "--name", "Other Name");
    expect(promoted.code).toBe(0);
    expect(promoted.stdout).toContain("is now an admin");
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: "Kept Name",
      isAdmin: true,
    });

    await createPerson({
      name: "Gone Person",
      email: "gone@example.com",
      deactivatedAt: new Date(),
    });
    const deactivated = await admin("--email", "gone@example.com", "--name", "Gone Person");
    expect(deactivated.code).toBe(1);
    expect(deactivated.stderr).toContain("Gone Person (gone@example.com) is deactivated.");

    const bad = await admin("--email", "not-an-email");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--email: Enter a valid email address.");
    expect(bad.stderr).toContain("--name: Enter a name.");
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });
});
