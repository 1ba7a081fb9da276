-- The organisation's own team health items (docs/decisions/123), and the wording each check-in
-- asked them in.
ALTER TABLE "TeamHealthCheckIn" ADD COLUMN "ownItems" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "TeamHealthItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "language" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "reversed" BOOLEAN NOT NULL DEFAULT false,
    "askedAt" DATETIME,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
