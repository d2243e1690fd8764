-- Intake and case handling: support types, holidays and privacy notices per association,
-- requests with their checklist, timeline and committee votes, tracking codes, complaints,
-- reference counters and job runs.

-- CreateEnum
CREATE TYPE "IdType" AS ENUM ('NATIONAL_ID', 'IQAMA', 'PASSPORT', 'OTHER');
CREATE TYPE "RequestStatus" AS ENUM ('RECEIVED', 'IN_RESEARCH', 'IN_COMMITTEE', 'ACCEPTED', 'REJECTED', 'REGISTERED', 'DELIVERED');
CREATE TYPE "CommitteeChoice" AS ENUM ('ACCEPT', 'REJECT');
CREATE TYPE "ComplaintKind" AS ENUM ('COMPLAINT', 'SUGGESTION');
CREATE TYPE "ComplaintStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'CLOSED');

-- AlterTable
ALTER TABLE "Association" ADD COLUMN "healthRelated" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SupportType" (
    "associationId" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "labelAr" TEXT NOT NULL,
    "labelEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "SupportType_pkey" PRIMARY KEY ("associationId","key")
);

CREATE TABLE "Holiday" (
    "associationId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameEn" TEXT,
    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("associationId","date")
);

CREATE TABLE "PrivacyNotice" (
    "associationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "textAr" TEXT NOT NULL,
    "textEn" TEXT,
    "healthTextAr" TEXT,
    "healthTextEn" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrivacyNotice_pkey" PRIMARY KEY ("associationId","version")
);

CREATE TABLE "ReferenceCounter" (
    "associationId" UUID NOT NULL,
    "series" VARCHAR(8) NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("associationId","series","year")
);

CREATE TABLE "SupportRequest" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "policyVersionId" UUID NOT NULL,
    "channelKey" VARCHAR(64) NOT NULL,
    "supportTypeKey" VARCHAR(64) NOT NULL,
    "applicantName" VARCHAR(200) NOT NULL,
    "idType" "IdType" NOT NULL,
    "idNumber" VARCHAR(20) NOT NULL,
    "phone" VARCHAR(16) NOT NULL,
    "email" VARCHAR(254),
    "city" VARCHAR(100) NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "locale" VARCHAR(2) NOT NULL DEFAULT 'ar',
    "status" "RequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "privacyNoticeVersion" INTEGER NOT NULL,
    "healthConsent" BOOLEAN,
    "accuracyDeclaredAt" TIMESTAMPTZ(3) NOT NULL,
    "enteredById" UUID,
    "assigneeId" UUID,
    "researcherId" UUID,
    "decision" "CommitteeChoice",
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "registeredAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "RequestStep" (
    "associationId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" VARCHAR(40),
    "textAr" TEXT NOT NULL,
    "textEn" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,
    CONSTRAINT "RequestStep_pkey" PRIMARY KEY ("associationId","requestId","position")
);

CREATE TABLE "RequestEvent" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "actorId" UUID,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "CommitteeVote" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "CommitteeChoice" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitteeVote_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "TrackingCode" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "codeHash" CHAR(64) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackingCode_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "Complaint" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "kind" "ComplaintKind" NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'NEW',
    "name" VARCHAR(200),
    "phone" VARCHAR(16),
    "email" VARCHAR(254),
    "body" TEXT NOT NULL,
    "requestReference" VARCHAR(20),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "ComplaintReply" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "notified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintReply_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "JobRun" (
    "name" VARCHAR(64) NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupportRequest_associationId_reference_key" ON "SupportRequest"("associationId", "reference");
CREATE INDEX "SupportRequest_associationId_dueAt_id_idx" ON "SupportRequest"("associationId", "dueAt", "id");
CREATE INDEX "SupportRequest_associationId_status_dueAt_idx" ON "SupportRequest"("associationId", "status", "dueAt");
CREATE INDEX "SupportRequest_associationId_idType_idNumber_idx" ON "SupportRequest"("associationId", "idType", "idNumber");
CREATE INDEX "SupportRequest_associationId_phone_idx" ON "SupportRequest"("associationId", "phone");
CREATE INDEX "RequestEvent_associationId_requestId_createdAt_idx" ON "RequestEvent"("associationId", "requestId", "createdAt");
CREATE UNIQUE INDEX "CommitteeVote_associationId_requestId_userId_key" ON "CommitteeVote"("associationId", "requestId", "userId");
CREATE INDEX "TrackingCode_associationId_requestId_idx" ON "TrackingCode"("associationId", "requestId");
CREATE UNIQUE INDEX "Complaint_associationId_reference_key" ON "Complaint"("associationId", "reference");
CREATE INDEX "Complaint_associationId_status_createdAt_idx" ON "Complaint"("associationId", "status", "createdAt");
CREATE INDEX "ComplaintReply_associationId_complaintId_idx" ON "ComplaintReply"("associationId", "complaintId");

-- AddForeignKey
ALTER TABLE "SupportType" ADD CONSTRAINT "SupportType_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PrivacyNotice" ADD CONSTRAINT "PrivacyNotice_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReferenceCounter" ADD CONSTRAINT "ReferenceCounter_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_associationId_policyVersionId_fkey" FOREIGN KEY ("associationId", "policyVersionId") REFERENCES "PolicyVersion"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RequestStep" ADD CONSTRAINT "RequestStep_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommitteeVote" ADD CONSTRAINT "CommitteeVote_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TrackingCode" ADD CONSTRAINT "TrackingCode_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ComplaintReply" ADD CONSTRAINT "ComplaintReply_associationId_complaintId_fkey" FOREIGN KEY ("associationId", "complaintId") REFERENCES "Complaint"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A request's timeline and the committee's votes are append-only.
CREATE FUNCTION "request_record_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "RequestEvent_append_only" BEFORE UPDATE OR DELETE ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION "request_record_append_only"();
CREATE TRIGGER "RequestEvent_no_truncate" BEFORE TRUNCATE ON "RequestEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "request_record_append_only"();
CREATE TRIGGER "CommitteeVote_append_only" BEFORE UPDATE OR DELETE ON "CommitteeVote"
  FOR EACH ROW EXECUTE FUNCTION "request_record_append_only"();
CREATE TRIGGER "CommitteeVote_no_truncate" BEFORE TRUNCATE ON "CommitteeVote"
  FOR EACH STATEMENT EXECUTE FUNCTION "request_record_append_only"();
