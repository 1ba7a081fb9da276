-- CreateTable
CREATE TABLE "RetiredLadder" (
    "ladderId" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredById" TEXT,

    CONSTRAINT "RetiredLadder_pkey" PRIMARY KEY ("ladderId")
);

-- CreateIndex
CREATE INDEX "RetiredLadder_retiredById_idx" ON "RetiredLadder"("retiredById");

-- AddForeignKey
ALTER TABLE "RetiredLadder" ADD CONSTRAINT "RetiredLadder_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
