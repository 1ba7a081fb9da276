-- CreateTable
CREATE TABLE "TodoCount" (
    "userId" TEXT NOT NULL,
    "open" INTEGER NOT NULL,
    "countedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TodoCount_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "TodoCount" ADD CONSTRAINT "TodoCount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
