/*
  Warnings:

  - You are about to drop the column `scimExternalId` on the `Team` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "ScimGroup" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "externalId" TEXT,
    "teamId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ScimGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "ScimSettings" (
    "id" TEXT NOT NULL DEFAULT 'scim',
    "groupsAsTeams" TEXT NOT NULL,
    "teamPrefix" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScimGroup_externalId_key" ON "ScimGroup"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimGroup_teamId_key" ON "ScimGroup"("teamId");

-- CreateIndex
CREATE INDEX "ScimGroupMember_userId_idx" ON "ScimGroupMember"("userId");

-- AddForeignKey
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ScimGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where SCIM was in use (a token exists), every team answered as a group under its own id, with
-- its members: each keeps doing so, as a group that is that team, its externalId moved over; and
-- the organisation keeps every pushed group a team, as before. Elsewhere no group exists yet, and
-- without a settings row no pushed group is a team (decision 059).
INSERT INTO "ScimGroup" ("id", "displayName", "externalId", "teamId", "createdAt", "updatedAt")
SELECT "id", "name", "scimExternalId", "id", "createdAt", "updatedAt" FROM "Team" WHERE EXISTS (SELECT 1 FROM "ScimToken");
INSERT INTO "ScimGroupMember" ("groupId", "userId")
SELECT "teamId", "id" FROM "User" WHERE "teamId" IS NOT NULL AND EXISTS (SELECT 1 FROM "ScimToken");
-- (Its time is copied from a token's, in the form each database's client writes.)
INSERT INTO "ScimSettings" ("id", "groupsAsTeams", "updatedAt")
SELECT 'scim', 'all', "createdAt" FROM "ScimToken" ORDER BY "createdAt" DESC LIMIT 1;

-- DropIndex
DROP INDEX "Team_scimExternalId_key";

-- AlterTable
ALTER TABLE "Team" DROP COLUMN "scimExternalId";
