-- CreateTable
CREATE TABLE "RetiredLadder" (
    "ladderId" TEXT NOT NULL PRIMARY KEY,
    "retiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredById" TEXT,
    CONSTRAINT "RetiredLadder_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RetiredLadder_retiredById_idx" ON "RetiredLadder"("retiredById");
