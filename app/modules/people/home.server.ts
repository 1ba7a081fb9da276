import { ladderForLevel } from "~/modules/ladders/registry.server";
import { db } from "~/db/client.server";

type MeRow = { name: string; track: string | null; level: string | null; teamName: string | null; managerName: string | null };
type ReportRow = { id: string; name: string; track: string | null; level: string | null; reports: unknown };

/**
 * What the home page shows a person: their place in the organisation and their reports.
 * Flat statements: Prisma's `_count` of reports would aggregate the whole User table on
 * every visit, where a count per report is an index lookup.
 */
export async function homeSummary(personId: string, isAdmin: boolean) {
  const [[meRow], reportRows, organisation] = await Promise.all([
    db.$queryRaw<MeRow[]>`
      SELECT u.name, u.track, u.level, t.name AS "teamName", m.name AS "managerName"
      FROM "User" u
      LEFT JOIN "Team" t ON t.id = u."teamId"
      LEFT JOIN "User" m ON m.id = u."managerId"
      WHERE u.id = ${personId}`,
    db.$queryRaw<ReportRow[]>`
      SELECT r.id, r.name, r.track, r.level, (SELECT COUNT(*) FROM "User" x WHERE x."managerId" = r.id) AS reports
      FROM "User" r
      WHERE r."managerId" = ${personId} AND r."deactivatedAt" IS NULL
      ORDER BY r.name`,
    isAdmin
      ? Promise.all([db.user.count({ where: { deactivatedAt: null } }), db.team.count()]).then(([people, teams]) => ({ people, teams }))
      : Promise.resolve(null),
  ]);
  if (!meRow) throw new Error(`No person ${personId}`);
  const me = {
    name: meRow.name,
    track: meRow.track,
    level: meRow.level,
    team: meRow.teamName === null ? null : { name: meRow.teamName },
    manager: meRow.managerName === null ? null : { name: meRow.managerName },
  };
  // COUNT(*) comes back as a bigint.
  const reports = reportRows.map(({ reports: count, ...report }) => ({ ...report, _count: { reports: Number(count) } }));
  const served = await ladderForLevel(me.level);
  const track = served?.ladder.tracks.find((t) => t.id === me.track);
  const level = track?.levels.find((l) => l.id === me.level);
  const place = served && track && level ? { ladderId: served.ladder.meta.id, trackName: track.name, levelId: level.id, levelTitle: level.title } : null;
  return { me, place, reports, organisation };
}
