// The single sign-on server's people, before it starts: Ada made an admin as `npm run admin`
// does on a fresh database, Uma (whose provider account is unverified) and Dora (deactivated).
import { applyMigrations } from "../../app/db/migrate.server.ts";
import { getEnv } from "../../app/utils/env.server.ts";

await applyMigrations(getEnv().DATABASE_URL);
const { db } = await import("../../app/db/client.server.ts");
const { makeAdminFromCommand } =
  await import("../../app/modules/identity/setup/first-admin.server.ts");
const made = await makeAdminFromCommand({
  name: "Ada Lovelace",
  email: "ada.lovelace@example.com",
});
if (!made.ok) throw new Error(made.message);
await db.user.create({ data: { name: "Uma Unverified", email: "uma.unverified@example.com" } });
await db.user.create({
  data: {
    name: "Dora Deactivated",
    email: "dora.deactivated@example.com",
    deactivatedAt: new Date(),
  },
});
process.exit(0);
