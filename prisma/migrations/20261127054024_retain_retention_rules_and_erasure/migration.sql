-- CreateTable
CREATE TABLE "RetentionRule" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "keepFor" INTEGER,
    "othersTexts" TEXT NOT NULL DEFAULT 'keep',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "setById" TEXT,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "erasedAt" DATETIME NOT NULL
);
