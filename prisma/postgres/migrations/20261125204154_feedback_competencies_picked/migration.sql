-- CreateTable
CREATE TABLE "FeedbackFocus" (
    "cycleId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "chosenById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackFocus_pkey" PRIMARY KEY ("cycleId","subjectId")
);

-- CreateIndex
CREATE INDEX "FeedbackFocus_subjectId_idx" ON "FeedbackFocus"("subjectId");

-- AddForeignKey
ALTER TABLE "FeedbackFocus" ADD CONSTRAINT "FeedbackFocus_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackFocus" ADD CONSTRAINT "FeedbackFocus_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackFocus" ADD CONSTRAINT "FeedbackFocus_chosenById_fkey" FOREIGN KEY ("chosenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
