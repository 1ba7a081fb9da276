import { db } from "../../app/db/client.server.ts";
import { getLevel, previousLevel } from "../../app/modules/ladders/index.ts";
import { servedLadders } from "../../app/modules/ladders/registry.server.ts";
import { DEMO_LADDER_ID, demoOrganisation } from "./demo-organisation.ts";

const DAY = 86_400_000;

/** A stable number from 0 to 999 for a text, so every demo gets the same history. */
function spread(text: string): number {
  let value = 7;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) % 1_000_003;
  return value % 1000;
}

/**
 * A past for the demo organisation, so organisation insights have curves to draw: each person
 * joined between about half a year and four years ago, and everyone above the first level of
 * their track was promoted into it part of the way since (a level change, as calibration
 * records one). Only once: nothing is added while any demo person has a level change.
 */
export async function seedDemoLevelHistory(now = new Date()): Promise<void> {
  const ladder = (await servedLadders()).find(
    (entry) => entry.ladder.meta.id === DEMO_LADDER_ID,
  )?.ladder;
  if (!ladder) return;
  const people = await db.user.findMany({
    where: { email: { in: demoOrganisation().map((person) => person.email) } },
    select: { id: true, email: true, track: true, level: true },
  });
  if (
    !people.length ||
    (await db.levelChange.count({ where: { personId: { in: people.map((person) => person.id) } } }))
  )
    return;
  await db.$transaction(async (tx) => {
    for (const person of people) {
      const seed = spread(person.email);
      const daysHere = 180 + Math.round((seed / 1000) * 1260);
      const createdAt = new Date(now.getTime() - daysHere * DAY);
      await tx.user.update({ where: { id: person.id }, data: { createdAt } });
      const level = person.level ? getLevel(ladder, person.level) : undefined;
      const before = level ? previousLevel(ladder, level.id) : undefined;
      if (!level || !before) continue;
      // Promoted after 35% to 85% of their time here.
      const changedAt = new Date(
        createdAt.getTime() + Math.round(daysHere * (0.35 + ((seed * 7) % 500) / 1000)) * DAY,
      );
      await tx.levelChange.create({
        data: {
          personId: person.id,
          fromTrackId: before.trackId,
          fromLevelId: before.id,
          toTrackId: level.trackId,
          toLevelId: level.id,
          source: "promoted",
          changedAt,
        },
      });
    }
  });
}
