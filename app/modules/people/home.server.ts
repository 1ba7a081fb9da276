import { ladderForLevel } from "~/modules/ladders/registry.server";
import { db } from "~/utils/db.server";

/** What the home page shows a person: their place in the organisation and their reports. */
export async function homeSummary(personId: string, isAdmin: boolean) {
  const [me, reports, organisation] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: personId },
      select: { name: true, track: true, level: true, team: { select: { name: true } }, manager: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { managerId: personId, deactivatedAt: null },
      select: { id: true, name: true, track: true, level: true, _count: { select: { reports: true } } },
      orderBy: { name: "asc" },
    }),
    isAdmin
      ? Promise.all([db.user.count({ where: { deactivatedAt: null } }), db.team.count()]).then(([people, teams]) => ({ people, teams }))
      : Promise.resolve(null),
  ]);
  const served = await ladderForLevel(me.level);
  const track = served?.ladder.tracks.find((t) => t.id === me.track);
  const level = track?.levels.find((l) => l.id === me.level);
  const place = served && track && level ? { ladderId: served.ladder.meta.id, trackName: track.name, levelId: level.id, levelTitle: level.title } : null;
  return { me, place, reports, organisation };
}
