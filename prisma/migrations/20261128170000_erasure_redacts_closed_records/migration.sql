-- Erasure reaches closed records (docs/decisions/096): the append-only histories and submitted
-- packets still refuse every change but one, the erasure of a person who left blanking their
-- words, once per row and marked by "redactedAt"; ids, kinds, dates and marks never change.
ALTER TABLE "CalibrationEvent" ADD COLUMN "redactedAt" DATETIME;
ALTER TABLE "PromotionEvent" ADD COLUMN "redactedAt" DATETIME;
ALTER TABLE "PromotionPacket" ADD COLUMN "redactedAt" DATETIME;

DROP TRIGGER "CalibrationEvent_no_update";
CREATE TRIGGER "CalibrationEvent_no_update" BEFORE UPDATE ON "CalibrationEvent"
WHEN NOT (
  OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
  AND NEW."id" IS OLD."id" AND NEW."sessionId" IS OLD."sessionId" AND NEW."entryId" IS OLD."entryId"
  AND NEW."actorId" IS OLD."actorId" AND NEW."kind" IS OLD."kind" AND NEW."createdAt" IS OLD."createdAt"
)
BEGIN
  SELECT RAISE(ABORT, 'calibration events are append-only');
END;

DROP TRIGGER "PromotionEvent_no_update";
CREATE TRIGGER "PromotionEvent_no_update" BEFORE UPDATE ON "PromotionEvent"
WHEN NOT (
  OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
  AND NEW."id" IS OLD."id" AND NEW."windowId" IS OLD."windowId"
  AND NEW."nominationId" IS OLD."nominationId" AND NEW."actorId" IS OLD."actorId"
  AND NEW."kind" IS OLD."kind" AND NEW."createdAt" IS OLD."createdAt"
)
BEGIN
  SELECT RAISE(ABORT, 'promotion events are append-only');
END;

DROP TRIGGER "PromotionPacket_submitted_no_update";
CREATE TRIGGER "PromotionPacket_submitted_no_update" BEFORE UPDATE ON "PromotionPacket"
WHEN OLD."submittedAt" IS NOT NULL AND NOT (
  OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
  AND NEW."id" IS OLD."id" AND NEW."nominationId" IS OLD."nominationId"
  AND NEW."amendsId" IS OLD."amendsId" AND NEW."ladderVersionId" IS OLD."ladderVersionId"
  AND NEW."targetTrackId" IS OLD."targetTrackId" AND NEW."targetLevelId" IS OLD."targetLevelId"
  AND NEW."revision" IS OLD."revision" AND NEW."submittedAt" IS OLD."submittedAt"
  AND NEW."submittedById" IS OLD."submittedById" AND NEW."createdAt" IS OLD."createdAt"
)
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;

-- A submitted packet's case changes only by having words blanked, once its packet is marked redacted.
DROP TRIGGER "PromotionCase_submitted_no_update";
CREATE TRIGGER "PromotionCase_submitted_no_update" BEFORE UPDATE ON "PromotionCase"
WHEN (SELECT "submittedAt" FROM "PromotionPacket" WHERE "id" = OLD."packetId") IS NOT NULL AND NOT (
  (SELECT "redactedAt" FROM "PromotionPacket" WHERE "id" = OLD."packetId") IS NOT NULL
  AND NEW."packetId" IS OLD."packetId" AND NEW."competencyId" IS OLD."competencyId"
  AND (NEW."nomineeCase" = '' OR NEW."nomineeCase" IS OLD."nomineeCase")
  AND (NEW."managerCase" = '' OR NEW."managerCase" IS OLD."managerCase")
  AND (NEW."evidence" = '[]' OR NEW."evidence" IS OLD."evidence")
)
BEGIN
  SELECT RAISE(ABORT, 'a submitted promotion packet never changes');
END;
