-- CreateTable
CREATE TABLE "HiringPanelSettings" (
    "id" TEXT NOT NULL DEFAULT 'panels',
    "dimensions" TEXT NOT NULL DEFAULT '["team"]',
    "maxInterviewsPerWeek" INTEGER,
    "requireQualification" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HiringPanelSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewerTraining" (
    "personId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewerTraining_pkey" PRIMARY KEY ("personId","competencyId")
);

-- CreateTable
CREATE TABLE "InterviewerTrainingStep" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "fromStep" TEXT,
    "toStep" TEXT NOT NULL,
    "byId" TEXT,
    "seatId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewerTrainingStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HiringTraineeSeat" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "practiceNotes" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT,
    "outcomeById" TEXT,
    "outcomeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HiringTraineeSeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterviewerTraining_competencyId_step_idx" ON "InterviewerTraining"("competencyId", "step");

-- CreateIndex
CREATE INDEX "InterviewerTrainingStep_personId_at_idx" ON "InterviewerTrainingStep"("personId", "at");

-- CreateIndex
CREATE INDEX "HiringTraineeSeat_traineeId_idx" ON "HiringTraineeSeat"("traineeId");

-- CreateIndex
CREATE UNIQUE INDEX "HiringTraineeSeat_interviewId_traineeId_key" ON "HiringTraineeSeat"("interviewId", "traineeId");

-- AddForeignKey
ALTER TABLE "HiringPanelSettings" ADD CONSTRAINT "HiringPanelSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerTraining" ADD CONSTRAINT "InterviewerTraining_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerTrainingStep" ADD CONSTRAINT "InterviewerTrainingStep_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerTrainingStep" ADD CONSTRAINT "InterviewerTrainingStep_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringTraineeSeat" ADD CONSTRAINT "HiringTraineeSeat_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "HiringInterview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringTraineeSeat" ADD CONSTRAINT "HiringTraineeSeat_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringTraineeSeat" ADD CONSTRAINT "HiringTraineeSeat_outcomeById_fkey" FOREIGN KEY ("outcomeById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
