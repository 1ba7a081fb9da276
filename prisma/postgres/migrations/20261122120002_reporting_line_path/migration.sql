-- Everyone under a manager as one range of an index: each person's reporting line is
-- kept on their row (see User.linePath in schema.prisma).
-- AlterTable
ALTER TABLE "User" ADD COLUMN "linePath" TEXT NOT NULL DEFAULT '/';
ALTER TABLE "User" ADD COLUMN "lineDepth" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "User_linePath_deactivatedAt_lineDepth_id_idx" ON "User"("linePath", "deactivatedAt", "lineDepth", "id");

-- CreateIndex
CREATE INDEX "ReviewCycleParticipant_progress_idx" ON "ReviewCycleParticipant"("cycleId", "userId", "selfProgress", "managerProgress", "flagged");

-- Existing people: each one's reporting line, walked down from the top once. The people
-- module keeps it from now on (rebuildReportingLine).
WITH RECURSIVE line(id, path, depth) AS (
    SELECT id, '/'::text, 0 FROM "User" WHERE "managerId" IS NULL
    UNION ALL
    SELECT u.id, line.path || u."managerId" || '/', line.depth + 1 FROM "User" u JOIN line ON u."managerId" = line.id WHERE line.depth < 64
)
UPDATE "User" u SET "linePath" = line.path, "lineDepth" = line.depth FROM line WHERE line.id = u.id;
