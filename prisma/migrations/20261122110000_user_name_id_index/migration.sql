-- Lists ordered by name, then id (cycle progress, people) read people in index order and
-- stop after one page, instead of sorting everyone.
-- DropIndex
DROP INDEX "User_name_idx";

-- CreateIndex
CREATE INDEX "User_name_id_idx" ON "User"("name", "id");
