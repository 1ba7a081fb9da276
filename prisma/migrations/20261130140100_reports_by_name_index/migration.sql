-- The home page names a manager's first direct reports by name: read in this order and stopped
-- after them, where a VP's hundreds of reports were read and sorted (or, as PostgreSQL planned it
-- for a statement's first runs, every person in the organisation walked by name).
-- CreateIndex
CREATE INDEX "User_managerId_name_id_idx" ON "User"("managerId", "name", "id");
