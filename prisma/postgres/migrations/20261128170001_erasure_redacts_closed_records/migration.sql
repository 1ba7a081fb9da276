-- Erasure reaches closed records (docs/decisions/096): the append-only histories and submitted
-- packets still refuse every change but one, the erasure of a person who left blanking their
-- words, once per row and marked by "redactedAt"; ids, kinds, dates and marks never change.
ALTER TABLE "CalibrationEvent" ADD COLUMN "redactedAt" TIMESTAMP(3);
ALTER TABLE "PromotionEvent" ADD COLUMN "redactedAt" TIMESTAMP(3);
ALTER TABLE "PromotionPacket" ADD COLUMN "redactedAt" TIMESTAMP(3);

CREATE OR REPLACE FUNCTION "calibration_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
    AND NEW."id" IS NOT DISTINCT FROM OLD."id" AND NEW."sessionId" IS NOT DISTINCT FROM OLD."sessionId"
    AND NEW."entryId" IS NOT DISTINCT FROM OLD."entryId" AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
    AND NEW."kind" IS NOT DISTINCT FROM OLD."kind" AND NEW."createdAt" IS NOT DISTINCT FROM OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'calibration events are append-only';
END;
$$;

CREATE OR REPLACE FUNCTION "promotion_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
    AND NEW."id" IS NOT DISTINCT FROM OLD."id" AND NEW."windowId" IS NOT DISTINCT FROM OLD."windowId"
    AND NEW."nominationId" IS NOT DISTINCT FROM OLD."nominationId"
    AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
    AND NEW."kind" IS NOT DISTINCT FROM OLD."kind" AND NEW."createdAt" IS NOT DISTINCT FROM OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'promotion events are append-only';
END;
$$;

CREATE OR REPLACE FUNCTION "promotion_packet_submitted_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."redactedAt" IS NULL AND NEW."redactedAt" IS NOT NULL
    AND NEW."id" IS NOT DISTINCT FROM OLD."id" AND NEW."nominationId" IS NOT DISTINCT FROM OLD."nominationId"
    AND NEW."amendsId" IS NOT DISTINCT FROM OLD."amendsId"
    AND NEW."ladderVersionId" IS NOT DISTINCT FROM OLD."ladderVersionId"
    AND NEW."targetTrackId" IS NOT DISTINCT FROM OLD."targetTrackId"
    AND NEW."targetLevelId" IS NOT DISTINCT FROM OLD."targetLevelId"
    AND NEW."revision" IS NOT DISTINCT FROM OLD."revision"
    AND NEW."submittedAt" IS NOT DISTINCT FROM OLD."submittedAt"
    AND NEW."submittedById" IS NOT DISTINCT FROM OLD."submittedById"
    AND NEW."createdAt" IS NOT DISTINCT FROM OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a submitted promotion packet never changes';
END;
$$;

-- A submitted packet's case changes only by having words blanked, once its packet is marked redacted.
CREATE OR REPLACE FUNCTION "promotion_case_packet_submitted_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  submitted TIMESTAMP(3);
  redacted TIMESTAMP(3);
BEGIN
  SELECT "submittedAt", "redactedAt" INTO submitted, redacted FROM "PromotionPacket"
    WHERE "id" = (CASE WHEN TG_OP = 'INSERT' THEN NEW."packetId" ELSE OLD."packetId" END);
  IF submitted IS NOT NULL AND NOT (
    TG_OP = 'UPDATE' AND redacted IS NOT NULL
    AND NEW."packetId" IS NOT DISTINCT FROM OLD."packetId"
    AND NEW."competencyId" IS NOT DISTINCT FROM OLD."competencyId"
    AND (NEW."nomineeCase" = '' OR NEW."nomineeCase" IS NOT DISTINCT FROM OLD."nomineeCase")
    AND (NEW."managerCase" = '' OR NEW."managerCase" IS NOT DISTINCT FROM OLD."managerCase")
    AND (NEW."evidence" = '[]' OR NEW."evidence" IS NOT DISTINCT FROM OLD."evidence")
  ) THEN
    RAISE EXCEPTION 'a submitted promotion packet never changes';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
