-- CreateTable
CREATE TABLE "FeedbackSettings" (
    "cycleId" TEXT NOT NULL,
    "peer" BOOLEAN NOT NULL DEFAULT false,
    "upward" BOOLEAN NOT NULL DEFAULT false,
    "minPeers" INTEGER NOT NULL,
    "maxPeers" INTEGER NOT NULL,
    "nominator" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "competencies" TEXT NOT NULL,
    "answerKind" TEXT NOT NULL,
    "namesShown" TEXT NOT NULL,
    "reviewCap" INTEGER NOT NULL,
    "secret" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackSettings_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "nominatedById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'nominated',
    "declineReason" TEXT,
    "withdrawnReason" TEXT,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackAnswer" (
    "requestId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER,
    "example" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FeedbackAnswer_pkey" PRIMARY KEY ("requestId","competencyId")
);

-- CreateIndex
CREATE INDEX "FeedbackRequest_cycleId_reviewerId_channel_state_idx" ON "FeedbackRequest"("cycleId", "reviewerId", "channel", "state");

-- CreateIndex
CREATE INDEX "FeedbackRequest_subjectId_cycleId_state_idx" ON "FeedbackRequest"("subjectId", "cycleId", "state");

-- CreateIndex
CREATE INDEX "FeedbackRequest_reviewerId_state_idx" ON "FeedbackRequest"("reviewerId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackRequest_cycleId_channel_subjectId_reviewerId_key" ON "FeedbackRequest"("cycleId", "channel", "subjectId", "reviewerId");

-- AddForeignKey
ALTER TABLE "FeedbackSettings" ADD CONSTRAINT "FeedbackSettings_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackAnswer" ADD CONSTRAINT "FeedbackAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
