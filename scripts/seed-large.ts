import { parseArgs } from "node:util";
import { hashPassword } from "../app/modules/identity/passwords/password.server.ts";
import { importPeople } from "../app/modules/people/import.server.ts";
import { db } from "../app/db/client.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { applyMigrations } from "../app/db/migrate.server.ts";
import { toCsv } from "../prisma/seed/demo-organisation.ts";
import { largeOrganisation } from "../prisma/seed/large-organisation.ts";

const { values } = parseArgs({
  options: { people: { type: "string", default: "5000" }, seed: { type: "string", default: "1" } },
});
const size = Number(values.people);
if (!Number.isInteger(size) || size < 1 || size > 100_000) {
  console.error("--people must be a whole number from 1 to 100000");
  process.exit(1);
}

await applyMigrations(getEnv().sessionDatabaseUrl);
const people = largeOrganisation(size, Number(values.seed));
const started = performance.now();
const result = await importPeople(toCsv(people), { actorId: null, dryRun: false });
if (!result.ok) {
  console.error(result.errors.slice(0, 20));
  process.exit(1);
}
const hash = await hashPassword("bench-password-2026");
const users = await db.user.findMany({ where: { password: null }, select: { id: true } });
await db.password.createMany({ data: users.map((u) => ({ userId: u.id, hash })) });
await db.user.updateMany({
  where: { email: "person1@bench.example.com" },
  data: { isAdmin: true },
});
console.log(
  `Imported ${people.length} people in ${Math.round(performance.now() - started)} ms. Password for every bench account: bench-password-2026`,
);
process.exit(0);
