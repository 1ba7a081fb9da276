-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sharesAllEvidence" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ConversationSeries" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "anchorAt" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 30,
    "createdById" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationMeeting" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "movedFrom" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'upcoming',
    "heldAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationPoint" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'added',
    "sourceKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "carried" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ConversationPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNoteShare" (
    "noteId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "sharedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNoteShare_pkey" PRIMARY KEY ("noteId","personId")
);

-- CreateTable
CREATE TABLE "ConversationAction" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ConversationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareerEvidence" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "meetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareerEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationPulse" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "respondentId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationPulse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationSeries_managerId_endedAt_idx" ON "ConversationSeries"("managerId", "endedAt");

-- CreateIndex
CREATE INDEX "ConversationSeries_reportId_endedAt_idx" ON "ConversationSeries"("reportId", "endedAt");

-- CreateIndex
CREATE INDEX "ConversationMeeting_seriesId_startsAt_idx" ON "ConversationMeeting"("seriesId", "startsAt");

-- CreateIndex
CREATE INDEX "ConversationMeeting_status_startsAt_idx" ON "ConversationMeeting"("status", "startsAt");

-- CreateIndex
CREATE INDEX "ConversationPoint_meetingId_idx" ON "ConversationPoint"("meetingId");

-- CreateIndex
CREATE INDEX "ConversationPoint_seriesId_sourceKey_idx" ON "ConversationPoint"("seriesId", "sourceKey");

-- CreateIndex
CREATE INDEX "ConversationPoint_authorId_idx" ON "ConversationPoint"("authorId");

-- CreateIndex
CREATE INDEX "ConversationNote_meetingId_idx" ON "ConversationNote"("meetingId");

-- CreateIndex
CREATE INDEX "ConversationNote_authorId_idx" ON "ConversationNote"("authorId");

-- CreateIndex
CREATE INDEX "ConversationNoteShare_personId_idx" ON "ConversationNoteShare"("personId");

-- CreateIndex
CREATE INDEX "ConversationAction_seriesId_status_idx" ON "ConversationAction"("seriesId", "status");

-- CreateIndex
CREATE INDEX "ConversationAction_ownerId_status_idx" ON "ConversationAction"("ownerId", "status");

-- CreateIndex
CREATE INDEX "CareerEvidence_personId_occurredOn_idx" ON "CareerEvidence"("personId", "occurredOn");

-- CreateIndex
CREATE INDEX "ConversationPulse_managerId_answeredAt_idx" ON "ConversationPulse"("managerId", "answeredAt");

-- CreateIndex
CREATE INDEX "ConversationPulse_respondentId_answeredAt_idx" ON "ConversationPulse"("respondentId", "answeredAt");

-- AddForeignKey
ALTER TABLE "ConversationSeries" ADD CONSTRAINT "ConversationSeries_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationSeries" ADD CONSTRAINT "ConversationSeries_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationMeeting" ADD CONSTRAINT "ConversationMeeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPoint" ADD CONSTRAINT "ConversationPoint_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPoint" ADD CONSTRAINT "ConversationPoint_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPoint" ADD CONSTRAINT "ConversationPoint_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNoteShare" ADD CONSTRAINT "ConversationNoteShare_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "ConversationNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNoteShare" ADD CONSTRAINT "ConversationNoteShare_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAction" ADD CONSTRAINT "ConversationAction_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAction" ADD CONSTRAINT "ConversationAction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAction" ADD CONSTRAINT "ConversationAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareerEvidence" ADD CONSTRAINT "CareerEvidence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPulse" ADD CONSTRAINT "ConversationPulse_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPulse" ADD CONSTRAINT "ConversationPulse_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
