// The key that signs unsubscribe links is made once, on first use, even when several ask at once.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { signingKey } from "~/modules/notifications/signing-key.server";

test("servers asking for the signing key at once make one key and all sign with it", async () => {
  await db.notificationKey.deleteMany();
  const keys = await Promise.all([signingKey(), signingKey(), signingKey()]);
  const stored = await db.notificationKey.findMany({ select: { id: true, secret: true } });
  expect(stored).toEqual([{ id: 1, secret: keys[0] }]);
  expect(new Set(keys)).toEqual(new Set([keys[0]]));
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // Kept: asked again, it does not read the database.
  await db.notificationKey.update({ where: { id: 1 }, data: { secret: "changed" } });
  expect(await signingKey()).toBe(keys[0]);
});
