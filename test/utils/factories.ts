import { randomBytes } from "node:crypto";
import type { Prisma } from "~/db/client.server";
import { db } from "~/db/client.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";

let counter = 0;

/** A unique, lower-case email (tests share a database per file). */
export function uniqueEmail(prefix = "person"): string {
  counter++;
  return `${prefix}.${counter}.${randomBytes(3).toString("hex")}@example.com`;
}

export type PersonOverrides = Partial<Prisma.UserUncheckedCreateInput>;

/** Creates a person in the test database; anything not given gets a harmless default. */
export async function createPerson(overrides: PersonOverrides = {}) {
  const email = overrides.email ?? uniqueEmail();
  const person = await db.user.create({
    data: { name: overrides.name ?? `Person ${email.split("@")[0]}`, ...overrides, email },
  });
  // Written directly, as the people module would: the kept reporting line follows.
  if (person.managerId) await rebuildInTurn();
  return person;
}

/**
 * Rebuilds of the reporting line, one at a time: tests create people side by side (Promise.all),
 * and two rebuilds at once update the same rows in different orders, which PostgreSQL ends as a
 * deadlock. A rebuild reads every row written before it, so the last one leaves every line right.
 */
let rebuilding: Promise<void> = Promise.resolve();
function rebuildInTurn(): Promise<void> {
  const next = rebuilding.then(() => rebuildReportingLine(db));
  rebuilding = next.catch(() => undefined);
  return next;
}

export type Person = Awaited<ReturnType<typeof createPerson>>;

export function createAdmin(overrides: PersonOverrides = {}) {
  return createPerson({ isAdmin: true, ...overrides });
}
