-- CreateTable
CREATE TABLE "FeedbackFocus" (
    "cycleId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "chosenById" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("cycleId", "subjectId"),
    CONSTRAINT "FeedbackFocus_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackFocus_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackFocus_chosenById_fkey" FOREIGN KEY ("chosenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FeedbackFocus_subjectId_idx" ON "FeedbackFocus"("subjectId");
