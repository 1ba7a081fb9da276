import { db, Prisma } from "~/db/client.server";
import { writeRows } from "~/db/reads.server";

/** Writes the person's to-do count as counted now: one statement on either database. */
export async function keepTodoCount(userId: string, open: number, now: Date): Promise<void> {
  await writeRows(db, Prisma.sql`
    INSERT INTO "TodoCount" ("userId", open, "countedAt") VALUES (${userId}, ${open}, ${now})
    ON CONFLICT ("userId") DO UPDATE SET open = excluded.open, "countedAt" = excluded."countedAt"`);
}

/** Drops the person's kept count, so the next page counts again (after a change they made). */
export async function forgetTodoCount(userId: string): Promise<void> {
  await writeRows(db, Prisma.sql`DELETE FROM "TodoCount" WHERE "userId" = ${userId}`);
}
