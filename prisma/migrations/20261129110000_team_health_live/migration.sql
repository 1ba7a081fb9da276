-- A live check-in during a retro (docs/decisions/112): the short code its team opens it by.
ALTER TABLE "TeamHealthCheckIn" ADD COLUMN "liveCode" TEXT;

CREATE UNIQUE INDEX "TeamHealthCheckIn_liveCode_key" ON "TeamHealthCheckIn"("liveCode");
