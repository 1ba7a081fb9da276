-- CreateIndex
CREATE INDEX "HiringLoop_openingId_createdAt_id_idx" ON "HiringLoop"("openingId", "createdAt", "id");
