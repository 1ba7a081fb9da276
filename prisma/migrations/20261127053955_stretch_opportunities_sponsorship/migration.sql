-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ladderId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "minLevel" TEXT,
    "maxLevel" TEXT,
    "hoursPerWeek" INTEGER NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "posterId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "criteriaIds" TEXT,
    "reason" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Opportunity_posterId_fkey" FOREIGN KEY ("posterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpportunityInterest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "opportunityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "managerId" TEXT,
    "outcome" TEXT,
    "managerSeenAt" DATETIME,
    "outcomeSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OpportunityInterest_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpportunityInterest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpportunityInterest_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpportunityView" (
    "opportunityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "viewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("opportunityId", "personId"),
    CONSTRAINT "OpportunityView_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpportunityView_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpportunityEvidence" (
    "evidenceId" TEXT NOT NULL PRIMARY KEY,
    "opportunityId" TEXT NOT NULL,
    CONSTRAINT "OpportunityEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "CareerEvidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpportunityEvidence_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpportunityPoster" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpportunityPoster_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Sponsorship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sponsorId" TEXT NOT NULL,
    "sponseeId" TEXT NOT NULL,
    "advocacy" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "until" DATETIME NOT NULL,
    "seenAt" DATETIME,
    "declinedAt" DATETIME,
    "declineReason" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Sponsorship_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sponsorship_sponseeId_fkey" FOREIGN KEY ("sponseeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SponsorshipSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'org',
    "cap" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" DATETIME NOT NULL
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
