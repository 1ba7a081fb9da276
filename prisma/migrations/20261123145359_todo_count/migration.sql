-- CreateTable
CREATE TABLE "TodoCount" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "open" INTEGER NOT NULL,
    "countedAt" DATETIME NOT NULL,
    CONSTRAINT "TodoCount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
