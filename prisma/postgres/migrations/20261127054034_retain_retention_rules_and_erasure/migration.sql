-- CreateTable
CREATE TABLE "RetentionRule" (
    "kind" TEXT NOT NULL,
    "keepFor" INTEGER,
    "othersTexts" TEXT NOT NULL DEFAULT 'keep',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionRule_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "personId" TEXT NOT NULL,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "personId" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasureRecord_pkey" PRIMARY KEY ("personId")
);
