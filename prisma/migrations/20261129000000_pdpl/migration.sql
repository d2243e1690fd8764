-- PDPL tools: the retention rule, anonymised requests and complaints, and the log of
-- data-subject requests (access, erasure, correction, objection).

-- CreateEnum
CREATE TYPE "DataRequestKind" AS ENUM ('ACCESS', 'ERASURE', 'CORRECTION', 'OBJECTION');
CREATE TYPE "DataRequestStatus" AS ENUM ('OPEN', 'DONE', 'REFUSED');

-- AlterTable
ALTER TABLE "Association" ADD COLUMN "retentionYears" INTEGER;
ALTER TABLE "SupportRequest" ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);
ALTER TABLE "Complaint" ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "DataRequestKind" NOT NULL,
    "subjectName" VARCHAR(200),
    "subjectIdNumber" VARCHAR(20),
    "subjectPhone" VARCHAR(16),
    "subjectReference" VARCHAR(20),
    "receivedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "DataRequestStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "handledById" UUID,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DataSubjectRequest_pkey" PRIMARY KEY ("associationId","id")
);

-- CreateIndex
CREATE INDEX "DataSubjectRequest_associationId_status_dueOn_idx" ON "DataSubjectRequest"("associationId", "status", "dueOn");

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The timeline and the committee's votes stay append-only, with one exception: once a request
-- is anonymised (erasure or retention), the free text they carry (notes, reasons) may be
-- blanked. Nothing else about the row may change, and nothing may be deleted.
CREATE FUNCTION "request_record_erasable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."associationId" = OLD."associationId" AND NEW."id" = OLD."id" AND NEW."requestId" = OLD."requestId"
     AND (to_jsonb(NEW) - ARRAY['data', 'reason']) = (to_jsonb(OLD) - ARRAY['data', 'reason'])
     AND EXISTS (SELECT 1 FROM "SupportRequest" r
                  WHERE r."associationId" = OLD."associationId" AND r."id" = OLD."requestId" AND r."anonymisedAt" IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER "RequestEvent_append_only" ON "RequestEvent";
CREATE TRIGGER "RequestEvent_append_only" BEFORE UPDATE OR DELETE ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION "request_record_erasable"();
DROP TRIGGER "CommitteeVote_append_only" ON "CommitteeVote";
CREATE TRIGGER "CommitteeVote_append_only" BEFORE UPDATE OR DELETE ON "CommitteeVote"
  FOR EACH ROW EXECUTE FUNCTION "request_record_erasable"();
