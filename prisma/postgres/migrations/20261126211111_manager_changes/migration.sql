-- CreateTable
CREATE TABLE "ManagerChange" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "fromManagerId" TEXT,
    "toManagerId" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManagerChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ManagerChange_personId_changedAt_idx" ON "ManagerChange"("personId", "changedAt");

-- CreateIndex
CREATE INDEX "ManagerChange_toManagerId_idx" ON "ManagerChange"("toManagerId");

-- CreateIndex
CREATE INDEX "ManagerChange_fromManagerId_idx" ON "ManagerChange"("fromManagerId");

-- AddForeignKey
ALTER TABLE "ManagerChange" ADD CONSTRAINT "ManagerChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
