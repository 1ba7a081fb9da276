-- CreateTable
CREATE TABLE "ReviewCycle" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCycleParticipant" (
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ReviewCycleParticipant_pkey" PRIMARY KEY ("cycleId","userId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "cycleId" TEXT,
    "ladderVersionId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRating" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "nextLevelMarks" JSONB,

    CONSTRAINT "AssessmentRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingEvidence" (
    "id" TEXT NOT NULL,
    "ratingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "occurredOn" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrowthPlan" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "targetLevelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrowthPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrowthFocus" (
    "planId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "GrowthFocus_pkey" PRIMARY KEY ("planId","competencyId")
);

-- CreateIndex
CREATE INDEX "ReviewCycle_createdAt_idx" ON "ReviewCycle"("createdAt");

-- CreateIndex
CREATE INDEX "ReviewCycleParticipant_userId_idx" ON "ReviewCycleParticipant"("userId");

-- CreateIndex
CREATE INDEX "Assessment_subjectId_kind_status_idx" ON "Assessment"("subjectId", "kind", "status");

-- CreateIndex
CREATE INDEX "Assessment_cycleId_kind_status_idx" ON "Assessment"("cycleId", "kind", "status");

-- CreateIndex
CREATE INDEX "Assessment_authorId_idx" ON "Assessment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentRating_assessmentId_competencyId_key" ON "AssessmentRating"("assessmentId", "competencyId");

-- CreateIndex
CREATE INDEX "RatingEvidence_ratingId_idx" ON "RatingEvidence"("ratingId");

-- CreateIndex
CREATE UNIQUE INDEX "GrowthPlan_personId_key" ON "GrowthPlan"("personId");

-- CreateIndex
CREATE INDEX "GrowthFocus_competencyId_idx" ON "GrowthFocus"("competencyId");

-- AddForeignKey
ALTER TABLE "ReviewCycle" ADD CONSTRAINT "ReviewCycle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCycleParticipant" ADD CONSTRAINT "ReviewCycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCycleParticipant" ADD CONSTRAINT "ReviewCycleParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRating" ADD CONSTRAINT "AssessmentRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEvidence" ADD CONSTRAINT "RatingEvidence_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "AssessmentRating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthPlan" ADD CONSTRAINT "GrowthPlan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthPlan" ADD CONSTRAINT "GrowthPlan_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthFocus" ADD CONSTRAINT "GrowthFocus_planId_fkey" FOREIGN KEY ("planId") REFERENCES "GrowthPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
