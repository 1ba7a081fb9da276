-- Reporting lines are compared in byte order ("linePath" COLLATE "C" in
-- app/modules/people/reporting-line.server.ts: everyone under a manager is one range of lines).
-- With the column in the database's own collation, its index could not answer that range, and
-- every team overview read all people. In byte order the index answers it (a manager of 48
-- people: 2.8 ms -> 0.8 ms for the team's counts). Prisma's schema has no word for a column's
-- collation, so it is set here; SQLite compares text in byte order already.
ALTER TABLE "User" ALTER COLUMN "linePath" SET DATA TYPE TEXT COLLATE "C";
