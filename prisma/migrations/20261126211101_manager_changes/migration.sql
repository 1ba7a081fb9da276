-- CreateTable
CREATE TABLE "ManagerChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "fromManagerId" TEXT,
    "toManagerId" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ManagerChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ManagerChange_personId_changedAt_idx" ON "ManagerChange"("personId", "changedAt");

-- CreateIndex
CREATE INDEX "ManagerChange_toManagerId_idx" ON "ManagerChange"("toManagerId");

-- CreateIndex
CREATE INDEX "ManagerChange_fromManagerId_idx" ON "ManagerChange"("fromManagerId");
