-- AlterTable
ALTER TABLE "MentorshipParticipant" ADD COLUMN     "note" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "MentorshipRequest" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'requested',
    "declineNote" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MentorshipRequest_programmeId_mentorId_state_idx" ON "MentorshipRequest"("programmeId", "mentorId", "state");

-- CreateIndex
CREATE INDEX "MentorshipRequest_menteeId_state_idx" ON "MentorshipRequest"("menteeId", "state");

-- CreateIndex
CREATE INDEX "MentorshipRequest_mentorId_state_idx" ON "MentorshipRequest"("mentorId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipRequest_programmeId_menteeId_mentorId_key" ON "MentorshipRequest"("programmeId", "menteeId", "mentorId");

-- AddForeignKey
ALTER TABLE "MentorshipRequest" ADD CONSTRAINT "MentorshipRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipRequest" ADD CONSTRAINT "MentorshipRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipRequest" ADD CONSTRAINT "MentorshipRequest_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
