-- CreateTable
CREATE TABLE "MentorshipProgramme" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "matchingOn" TIMESTAMP(3) NOT NULL,
    "openTo" TEXT NOT NULL DEFAULT 'everyone',
    "teamIds" TEXT NOT NULL DEFAULT '[]',
    "maxMenteesPerMentor" INTEGER NOT NULL DEFAULT 2,
    "allowRepeatPairs" BOOLEAN NOT NULL DEFAULT false,
    "crossTeamOnly" BOOLEAN NOT NULL DEFAULT false,
    "maxTimeZoneHours" INTEGER,
    "weightGoals" DOUBLE PRECISION NOT NULL DEFAULT 3,
    "weightCrossTeam" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "weightLevel" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "objective" TEXT NOT NULL DEFAULT 'most-matched',
    "fairness" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipParticipant" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "utcOffsetMinutes" INTEGER NOT NULL,
    "capacity" INTEGER,
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "preferences" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipRun" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "fairness" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "unpaired" TEXT NOT NULL DEFAULT '[]',
    "rejectedPins" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipPair" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "runId" TEXT,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "source" TEXT NOT NULL,
    "fit" DOUBLE PRECISION NOT NULL,
    "factors" TEXT NOT NULL,
    "menteeAnswer" TEXT,
    "mentorAnswer" TEXT,
    "declinedById" TEXT,
    "declineReason" TEXT,
    "offeredAt" TIMESTAMP(3),
    "activeSince" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeNote" TEXT NOT NULL DEFAULT '',
    "outcomeById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipPairRule" (
    "programmeId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipPairRule_pkey" PRIMARY KEY ("programmeId","menteeId","mentorId")
);

-- CreateTable
CREATE TABLE "MentorshipCheckIn" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipPulse" (
    "pairId" TEXT NOT NULL,
    "respondentId" TEXT NOT NULL,
    "checkpoint" INTEGER NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "comfort" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipPulse_pkey" PRIMARY KEY ("pairId","respondentId","checkpoint")
);

-- CreateIndex
CREATE INDEX "MentorshipProgramme_createdAt_idx" ON "MentorshipProgramme"("createdAt");

-- CreateIndex
CREATE INDEX "MentorshipParticipant_userId_idx" ON "MentorshipParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipParticipant_programmeId_userId_role_key" ON "MentorshipParticipant"("programmeId", "userId", "role");

-- CreateIndex
CREATE INDEX "MentorshipRun_programmeId_createdAt_idx" ON "MentorshipRun"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "MentorshipPair_programmeId_status_idx" ON "MentorshipPair"("programmeId", "status");

-- CreateIndex
CREATE INDEX "MentorshipPair_menteeId_status_idx" ON "MentorshipPair"("menteeId", "status");

-- CreateIndex
CREATE INDEX "MentorshipPair_mentorId_status_idx" ON "MentorshipPair"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentorshipPairRule_menteeId_idx" ON "MentorshipPairRule"("menteeId");

-- CreateIndex
CREATE INDEX "MentorshipPairRule_mentorId_idx" ON "MentorshipPairRule"("mentorId");

-- CreateIndex
CREATE INDEX "MentorshipCheckIn_pairId_occurredOn_idx" ON "MentorshipCheckIn"("pairId", "occurredOn");

-- CreateIndex
CREATE INDEX "MentorshipCheckIn_authorId_idx" ON "MentorshipCheckIn"("authorId");

-- CreateIndex
CREATE INDEX "MentorshipPulse_respondentId_idx" ON "MentorshipPulse"("respondentId");

-- AddForeignKey
ALTER TABLE "MentorshipProgramme" ADD CONSTRAINT "MentorshipProgramme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipParticipant" ADD CONSTRAINT "MentorshipParticipant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipParticipant" ADD CONSTRAINT "MentorshipParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipRun" ADD CONSTRAINT "MentorshipRun_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPair" ADD CONSTRAINT "MentorshipPair_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPair" ADD CONSTRAINT "MentorshipPair_runId_fkey" FOREIGN KEY ("runId") REFERENCES "MentorshipRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPair" ADD CONSTRAINT "MentorshipPair_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPair" ADD CONSTRAINT "MentorshipPair_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPairRule" ADD CONSTRAINT "MentorshipPairRule_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPairRule" ADD CONSTRAINT "MentorshipPairRule_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPairRule" ADD CONSTRAINT "MentorshipPairRule_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipCheckIn" ADD CONSTRAINT "MentorshipCheckIn_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorshipPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipCheckIn" ADD CONSTRAINT "MentorshipCheckIn_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPulse" ADD CONSTRAINT "MentorshipPulse_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorshipPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipPulse" ADD CONSTRAINT "MentorshipPulse_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
