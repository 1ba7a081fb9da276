-- The access audit's version reads the newest change to a key result with every page: from the end
-- of this index, not every key result (some 220,000 in a quarter of a company of 200,000 people).
-- CreateIndex
CREATE INDEX "KeyResult_updatedAt_idx" ON "KeyResult"("updatedAt");
