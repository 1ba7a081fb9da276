import { applyMigrations } from "../app/db/migrate.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { seedDemo } from "../prisma/seed/demo.ts";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organisation.ts";

await applyMigrations(getEnv().sessionDatabaseUrl);
const { people } = await seedDemo();
console.log(`Demo organisation ready: ${people} people, password ${DEMO_PASSWORD}.`);
process.exit(0);
