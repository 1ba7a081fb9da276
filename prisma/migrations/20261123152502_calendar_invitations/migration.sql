-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "calendar" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "calendarMethod" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NotificationPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "digest" TEXT NOT NULL DEFAULT 'weekly',
    "nudgeNew" BOOLEAN NOT NULL DEFAULT true,
    "nudgeDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "nudgeOverdue" BOOLEAN NOT NULL DEFAULT true,
    "nudgeScorecard" BOOLEAN NOT NULL DEFAULT true,
    "invitations" BOOLEAN NOT NULL DEFAULT true,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_NotificationPreference" ("digest", "nudgeDueSoon", "nudgeNew", "nudgeOverdue", "nudgeScorecard", "paused", "updatedAt", "userId") SELECT "digest", "nudgeDueSoon", "nudgeNew", "nudgeOverdue", "nudgeScorecard", "paused", "updatedAt", "userId" FROM "NotificationPreference";
DROP TABLE "NotificationPreference";
ALTER TABLE "new_NotificationPreference" RENAME TO "NotificationPreference";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
