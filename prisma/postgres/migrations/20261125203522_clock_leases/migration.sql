-- CreateTable
CREATE TABLE "ClockLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClockLease_pkey" PRIMARY KEY ("name")
);
