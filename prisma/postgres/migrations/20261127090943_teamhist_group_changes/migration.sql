-- CreateTable
CREATE TABLE "GroupChange" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attribute" TEXT,
    "fromValue" TEXT,
    "toValue" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GroupChange_personId_changedAt_idx" ON "GroupChange"("personId", "changedAt");

-- AddForeignKey
ALTER TABLE "GroupChange" ADD CONSTRAINT "GroupChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
