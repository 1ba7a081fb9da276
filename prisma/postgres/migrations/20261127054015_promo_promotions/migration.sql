-- CreateTable
CREATE TABLE "PromotionSettings" (
    "scope" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'calibration',
    "selfNomination" BOOLEAN NOT NULL DEFAULT true,
    "sponsorNomination" BOOLEAN NOT NULL DEFAULT true,
    "minMembers" INTEGER NOT NULL DEFAULT 3,
    "membersAtOrAbove" BOOLEAN NOT NULL DEFAULT true,
    "minOutsideMembers" INTEGER NOT NULL DEFAULT 1,
    "redactedFirstRead" BOOLEAN NOT NULL DEFAULT false,
    "waitWindowsAfterNotYet" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionSettings_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "PromotionWindow" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "nominationsOpenOn" TIMESTAMP(3) NOT NULL,
    "nominationsCloseOn" TIMESTAMP(3) NOT NULL,
    "packetsDueOn" TIMESTAMP(3) NOT NULL,
    "votesDueOn" TIMESTAMP(3) NOT NULL,
    "meetingStartsAt" TIMESTAMP(3),
    "meetingEndsAt" TIMESTAMP(3),
    "effectiveOn" TIMESTAMP(3) NOT NULL,
    "minMembers" INTEGER NOT NULL,
    "membersAtOrAbove" BOOLEAN NOT NULL,
    "minOutsideMembers" INTEGER NOT NULL,
    "redactedFirstRead" BOOLEAN NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "auditOpenedAt" TIMESTAMP(3),
    "auditOpenedById" TEXT,
    "createdById" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionCommitteeMember" (
    "windowId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionCommitteeMember_pkey" PRIMARY KEY ("windowId","personId")
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
    "levelSince" TIMESTAMP(3),

    CONSTRAINT "PromotionEligible_pkey" PRIMARY KEY ("windowId","personId")
);

-- CreateTable
CREATE TABLE "PromotionNomination" (
    "id" TEXT NOT NULL,
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
    "managerAddedAt" TIMESTAMP(3),
    "calibrationEntryId" TEXT,
    "candidateNumber" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'nominated',
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,
    "withdrawnReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionNomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionPacket" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "amendsId" TEXT,
    "ladderVersionId" TEXT NOT NULL,
    "targetTrackId" TEXT NOT NULL,
    "targetLevelId" TEXT NOT NULL,
    "amendmentReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionPacket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionCase" (
    "packetId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "nomineeCase" TEXT NOT NULL DEFAULT '',
    "managerCase" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "PromotionCase_pkey" PRIMARY KEY ("packetId","competencyId")
);

-- CreateTable
CREATE TABLE "PromotionBallot" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "redacted" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionVote" (
    "ballotId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "PromotionVote_pkey" PRIMARY KEY ("ballotId","competencyId")
);

-- CreateTable
CREATE TABLE "PromotionDecision" (
    "nominationId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "releasedAt" TIMESTAMP(3),
    "releasedById" TEXT,
    "appliedAt" TIMESTAMP(3),
    "nextWindowId" TEXT,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "PromotionDecision_pkey" PRIMARY KEY ("nominationId")
);

-- CreateTable
CREATE TABLE "PromotionDissent" (
    "id" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionDissent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionEvent" (
    "id" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "nominationId" TEXT,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "change" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionAuditView" (
    "id" SERIAL NOT NULL,
    "windowId" TEXT,
    "viewerId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionAuditView_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PromotionCommitteeMember" ADD CONSTRAINT "PromotionCommitteeMember_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEligible" ADD CONSTRAINT "PromotionEligible_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionNomination" ADD CONSTRAINT "PromotionNomination_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "PromotionPacket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionCase" ADD CONSTRAINT "PromotionCase_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionBallot" ADD CONSTRAINT "PromotionBallot_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionVote" ADD CONSTRAINT "PromotionVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "PromotionBallot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDecision" ADD CONSTRAINT "PromotionDecision_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDissent" ADD CONSTRAINT "PromotionDissent_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "PromotionNomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionAuditView" ADD CONSTRAINT "PromotionAuditView_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "PromotionWindow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A window's events are append-only, and a submitted packet and its cases never change (a
-- correction is an amendment): the database itself refuses, whatever writes
-- (docs/decisions/084-promotions.md); test/integration/promotions checks it.
CREATE FUNCTION "promotion_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'promotion events are append-only';
END;
$$;

CREATE TRIGGER "PromotionEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "PromotionEvent"
FOR EACH ROW EXECUTE FUNCTION "promotion_event_append_only"();

CREATE TRIGGER "PromotionEvent_no_truncate" BEFORE TRUNCATE ON "PromotionEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "promotion_event_append_only"();

CREATE FUNCTION "promotion_packet_submitted_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a submitted promotion packet never changes';
END;
$$;

CREATE TRIGGER "PromotionPacket_submitted_no_update_or_delete" BEFORE UPDATE OR DELETE ON "PromotionPacket"
FOR EACH ROW WHEN (OLD."submittedAt" IS NOT NULL) EXECUTE FUNCTION "promotion_packet_submitted_is_final"();

CREATE FUNCTION "promotion_case_packet_submitted_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  submitted TIMESTAMP(3);
BEGIN
  SELECT "submittedAt" INTO submitted FROM "PromotionPacket"
    WHERE "id" = (CASE WHEN TG_OP = 'INSERT' THEN NEW."packetId" ELSE OLD."packetId" END);
  IF submitted IS NOT NULL THEN
    RAISE EXCEPTION 'a submitted promotion packet never changes';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PromotionCase_submitted_final" BEFORE INSERT OR UPDATE OR DELETE ON "PromotionCase"
FOR EACH ROW EXECUTE FUNCTION "promotion_case_packet_submitted_is_final"();
