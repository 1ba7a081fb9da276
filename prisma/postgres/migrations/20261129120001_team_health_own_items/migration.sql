-- The organisation's own team health items (docs/decisions/123), and the wording each check-in
-- asked them in.
ALTER TABLE "TeamHealthCheckIn" ADD COLUMN "ownItems" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "TeamHealthItem" (
    "id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "reversed" BOOLEAN NOT NULL DEFAULT false,
    "askedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamHealthItem_pkey" PRIMARY KEY ("id")
);
