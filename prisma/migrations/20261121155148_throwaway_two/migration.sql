-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "throwaway" TEXT,
    "throwaway2" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME
);
INSERT INTO "new_LoginThrottle" ("failures", "key", "lockedUntil", "throwaway", "windowStart") SELECT "failures", "key", "lockedUntil", "throwaway", "windowStart" FROM "LoginThrottle";
DROP TABLE "LoginThrottle";
ALTER TABLE "new_LoginThrottle" RENAME TO "LoginThrottle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
