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
  if (person.managerId) await rebuildReportingLine(db);
  return person;
}

export function createAdmin(overrides: PersonOverrides = {}) {
  return createPerson({ isAdmin: true, ...overrides });
}
