import { randomBytes } from "node:crypto";
import type { Prisma } from "~/db/client.server";
import { db } from "~/db/client.server";

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
  return db.user.create({
    data: { name: overrides.name ?? `Person ${email.split("@")[0]}`, ...overrides, email },
  });
}

export function createAdmin(overrides: PersonOverrides = {}) {
  return createPerson({ isAdmin: true, ...overrides });
}
