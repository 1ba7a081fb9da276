-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ladderId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "minLevel" TEXT,
    "maxLevel" TEXT,
    "hoursPerWeek" INTEGER NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "posterId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "criteriaIds" TEXT,
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityInterest" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "managerId" TEXT,
    "outcome" TEXT,
    "managerSeenAt" TIMESTAMP(3),
    "outcomeSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpportunityInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityView" (
    "opportunityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityView_pkey" PRIMARY KEY ("opportunityId","personId")
);

-- CreateTable
CREATE TABLE "OpportunityEvidence" (
    "evidenceId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,

    CONSTRAINT "OpportunityEvidence_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateTable
CREATE TABLE "OpportunityPoster" (
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityPoster_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Sponsorship" (
    "id" TEXT NOT NULL,
    "sponsorId" TEXT NOT NULL,
    "sponseeId" TEXT NOT NULL,
    "advocacy" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "until" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sponsorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SponsorshipSettings" (
    "id" TEXT NOT NULL DEFAULT 'org',
    "cap" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SponsorshipSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Opportunity_status_startsOn_idx" ON "Opportunity"("status", "startsOn");

-- CreateIndex
CREATE INDEX "Opportunity_posterId_idx" ON "Opportunity"("posterId");

-- CreateIndex
CREATE INDEX "OpportunityInterest_personId_idx" ON "OpportunityInterest"("personId");

-- CreateIndex
CREATE INDEX "OpportunityInterest_managerId_idx" ON "OpportunityInterest"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityInterest_opportunityId_personId_key" ON "OpportunityInterest"("opportunityId", "personId");

-- CreateIndex
CREATE INDEX "OpportunityView_personId_idx" ON "OpportunityView"("personId");

-- CreateIndex
CREATE INDEX "OpportunityEvidence_opportunityId_idx" ON "OpportunityEvidence"("opportunityId");

-- CreateIndex
CREATE INDEX "Sponsorship_sponsorId_idx" ON "Sponsorship"("sponsorId");

-- CreateIndex
CREATE INDEX "Sponsorship_sponseeId_idx" ON "Sponsorship"("sponseeId");

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_posterId_fkey" FOREIGN KEY ("posterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInterest" ADD CONSTRAINT "OpportunityInterest_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInterest" ADD CONSTRAINT "OpportunityInterest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInterest" ADD CONSTRAINT "OpportunityInterest_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityView" ADD CONSTRAINT "OpportunityView_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityView" ADD CONSTRAINT "OpportunityView_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityEvidence" ADD CONSTRAINT "OpportunityEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "CareerEvidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityEvidence" ADD CONSTRAINT "OpportunityEvidence_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityPoster" ADD CONSTRAINT "OpportunityPoster_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sponsorship" ADD CONSTRAINT "Sponsorship_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sponsorship" ADD CONSTRAINT "Sponsorship_sponseeId_fkey" FOREIGN KEY ("sponseeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
