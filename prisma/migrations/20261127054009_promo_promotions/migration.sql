-- CreateTable
CREATE TABLE "PromotionSettings" (
    "scope" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'calibration',
    "selfNomination" BOOLEAN NOT NULL DEFAULT true,
    "sponsorNomination" BOOLEAN NOT NULL DEFAULT true,
    "minMembers" INTEGER NOT NULL DEFAULT 3,
    "membersAtOrAbove" BOOLEAN NOT NULL DEFAULT true,
    "minOutsideMembers" INTEGER NOT NULL DEFAULT 1,
    "redactedFirstRead" BOOLEAN NOT NULL DEFAULT false,
    "waitWindowsAfterNotYet" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PromotionWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "nominationsOpenOn" DATETIME NOT NULL,
    "nominationsCloseOn" DATETIME NOT NULL,
    "packetsDueOn" DATETIME NOT NULL,
    "votesDueOn" DATETIME NOT NULL,
    "meetingStartsAt" DATETIME,
    "meetingEndsAt" DATETIME,
    "effectiveOn" DATETIME NOT NULL,
    "minMembers" INTEGER NOT NULL,
    "membersAtOrAbove" BOOLEAN NOT NULL,
    "minOutsideMembers" INTEGER NOT NULL,
    "redactedFirstRead" BOOLEAN NOT NULL,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "auditOpenedAt" DATETIME,
    "auditOpenedById" TEXT,
    "createdById" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PromotionCommitteeMember" (
    "windowId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("windowId", "personId"),
    CONSTRAINT "PromotionCommitteeMember_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionEligible" (
    "windowId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "trackId" TEXT,
    "levelId" TEXT,
    "teamId" TEXT,
    "managerId" TEXT,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "levelSince" DATETIME,

    PRIMARY KEY ("windowId", "personId"),
    CONSTRAINT "PromotionEligible_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionNomination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "windowId" TEXT NOT NULL,
    "nomineeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nominatedById" TEXT NOT NULL,
    "trackId" TEXT,
    "levelId" TEXT,
    "managerId" TEXT,
    "targetTrackId" TEXT NOT NULL,
    "targetLevelId" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "managerAddition" TEXT NOT NULL DEFAULT '',
    "managerAddedAt" DATETIME,
    "calibrationEntryId" TEXT,
    "candidateNumber" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'nominated',
    "withdrawnAt" DATETIME,
    "withdrawnById" TEXT,
    "withdrawnReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PromotionNomination_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionPacket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "amendsId" TEXT,
    "ladderVersionId" TEXT NOT NULL,
    "targetTrackId" TEXT NOT NULL,
    "targetLevelId" TEXT NOT NULL,
    "amendmentReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PromotionPacket_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PromotionPacket_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "PromotionPacket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionCase" (
    "packetId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "nomineeCase" TEXT NOT NULL DEFAULT '',
    "managerCase" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("packetId", "competencyId"),
    CONSTRAINT "PromotionCase_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "redacted" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PromotionBallot_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionVote" (
    "ballotId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("ballotId", "competencyId"),
    CONSTRAINT "PromotionVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "PromotionBallot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionDecision" (
    "nominationId" TEXT NOT NULL PRIMARY KEY,
    "outcome" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "releasedAt" DATETIME,
    "releasedById" TEXT,
    "appliedAt" DATETIME,
    "nextWindowId" TEXT,
    "readAt" DATETIME,
    CONSTRAINT "PromotionDecision_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionDissent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromotionDissent_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "windowId" TEXT NOT NULL,
    "nominationId" TEXT,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "change" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromotionEvent_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PromotionEvent_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionAuditView" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "windowId" TEXT,
    "viewerId" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromotionAuditView_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PromotionWindow_ladderId_nominationsOpenOn_idx" ON "PromotionWindow"("ladderId", "nominationsOpenOn");

-- CreateIndex
CREATE INDEX "PromotionWindow_state_idx" ON "PromotionWindow"("state");

-- CreateIndex
CREATE INDEX "PromotionCommitteeMember_personId_idx" ON "PromotionCommitteeMember"("personId");

-- CreateIndex
CREATE INDEX "PromotionEligible_personId_idx" ON "PromotionEligible"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionNomination_calibrationEntryId_key" ON "PromotionNomination"("calibrationEntryId");

-- CreateIndex
CREATE INDEX "PromotionNomination_nomineeId_createdAt_idx" ON "PromotionNomination"("nomineeId", "createdAt");

-- CreateIndex
CREATE INDEX "PromotionNomination_nominatedById_idx" ON "PromotionNomination"("nominatedById");

-- CreateIndex
CREATE INDEX "PromotionNomination_managerId_idx" ON "PromotionNomination"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionNomination_windowId_nomineeId_key" ON "PromotionNomination"("windowId", "nomineeId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionNomination_windowId_candidateNumber_key" ON "PromotionNomination"("windowId", "candidateNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionPacket_amendsId_key" ON "PromotionPacket"("amendsId");

-- CreateIndex
CREATE INDEX "PromotionPacket_nominationId_createdAt_idx" ON "PromotionPacket"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "PromotionBallot_memberId_idx" ON "PromotionBallot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionBallot_nominationId_memberId_key" ON "PromotionBallot"("nominationId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionDissent_nominationId_memberId_key" ON "PromotionDissent"("nominationId", "memberId");

-- CreateIndex
CREATE INDEX "PromotionEvent_windowId_createdAt_idx" ON "PromotionEvent"("windowId", "createdAt");

-- CreateIndex
CREATE INDEX "PromotionEvent_nominationId_createdAt_idx" ON "PromotionEvent"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "PromotionEvent_createdAt_idx" ON "PromotionEvent"("createdAt");

-- CreateIndex
CREATE INDEX "PromotionAuditView_windowId_openedAt_idx" ON "PromotionAuditView"("windowId", "openedAt");

-- CreateIndex
CREATE INDEX "PromotionAuditView_viewerId_idx" ON "PromotionAuditView"("viewerId");

-- A window's events are append-only, and a submitted packet and its cases never change (a
-- correction is an amendment): the database itself refuses, whatever writes
-- (docs/decisions/084-promotions.md). A later migration that rebuilds these tables must create
-- these triggers again; test/integration/promotions checks they hold.
CREATE TRIGGER "PromotionEvent_no_update" BEFORE UPDATE ON "PromotionEvent"
BEGIN
  SELECT RAISE(ABORT, 'promotion events are append-only');
END;

CREATE TRIGGER "PromotionEvent_no_delete" BEFORE DELETE ON "PromotionEvent"
BEGIN
  SELECT RAISE(ABORT, 'promotion events are append-only');
END;

CREATE TRIGGER "PromotionPacket_submitted_no_update" BEFORE UPDATE ON "PromotionPacket"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;

CREATE TRIGGER "PromotionPacket_submitted_no_delete" BEFORE DELETE ON "PromotionPacket"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;

CREATE TRIGGER "PromotionCase_submitted_no_insert" BEFORE INSERT ON "PromotionCase"
WHEN (SELECT "submittedAt" FROM "PromotionPacket" WHERE "id" = NEW."packetId") IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;

CREATE TRIGGER "PromotionCase_submitted_no_update" BEFORE UPDATE ON "PromotionCase"
WHEN (SELECT "submittedAt" FROM "PromotionPacket" WHERE "id" = OLD."packetId") IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;

CREATE TRIGGER "PromotionCase_submitted_no_delete" BEFORE DELETE ON "PromotionCase"
WHEN (SELECT "submittedAt" FROM "PromotionPacket" WHERE "id" = OLD."packetId") IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;
