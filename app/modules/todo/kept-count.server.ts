import { db } from "~/db/client.server";

/**
 * Writes the person's to-do count as counted now: one statement on either database (Prisma's
 * upsert on the one unique key becomes INSERT … ON CONFLICT DO UPDATE).
 */
export async function keepTodoCount(userId: string, open: number, now: Date): Promise<void> {
  await db.todoCount.upsert({
    where: { userId },
    create: { userId, open, countedAt: now },
    update: { open, countedAt: now },
    select: { userId: true },
  });
}

/** Drops the person's kept count, so the next page counts again (after a change they made). */
export async function forgetTodoCount(userId: string): Promise<void> {
  await db.todoCount.deleteMany({ where: { userId } });
}
