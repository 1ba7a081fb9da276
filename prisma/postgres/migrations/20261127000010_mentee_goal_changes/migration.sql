-- CreateTable
CREATE TABLE "MenteeGoalChange" (
    "id" SERIAL NOT NULL,
    "programmeId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fromGoals" TEXT,
    "toGoals" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MenteeGoalChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MenteeGoalChange_personId_changedAt_idx" ON "MenteeGoalChange"("personId", "changedAt");

-- CreateIndex
CREATE INDEX "MenteeGoalChange_programmeId_idx" ON "MenteeGoalChange"("programmeId");

-- AddForeignKey
ALTER TABLE "MenteeGoalChange" ADD CONSTRAINT "MenteeGoalChange_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeGoalChange" ADD CONSTRAINT "MenteeGoalChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
