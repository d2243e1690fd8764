-- Policy authoring and board approval: submission rounds, board votes, richer decisions,
-- staff attestations, the board's quorum rule, and triggers that make approved content and
-- the board's record immutable in the database itself.

-- CreateEnum
CREATE TYPE "BoardQuorum" AS ENUM ('MAJORITY', 'TWO_THIRDS', 'ALL');
CREATE TYPE "VoteChoice" AS ENUM ('APPROVE', 'REJECT');

-- AlterTable
ALTER TABLE "Association" ADD COLUMN "boardQuorum" "BoardQuorum" NOT NULL DEFAULT 'MAJORITY';

ALTER TABLE "PolicyVersion" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "createdById" UUID,
ADD COLUMN "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN "approvedAt" TIMESTAMPTZ(3);

ALTER TABLE "BoardDecision" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "attendees" TEXT[],
ADD COLUMN "quorumRequired" INTEGER,
ADD COLUMN "approvals" INTEGER,
ADD COLUMN "rejections" INTEGER,
ADD COLUMN "recordedById" UUID;

-- CreateTable
CREATE TABLE "BoardVote" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "policyVersionId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardVote_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "PolicyAttestation" (
    "associationId" UUID NOT NULL,
    "policyVersionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyAttestation_pkey" PRIMARY KEY ("associationId","policyVersionId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "BoardVote_associationId_policyVersionId_round_userId_key" ON "BoardVote"("associationId", "policyVersionId", "round", "userId");
CREATE INDEX "BoardVote_userId_idx" ON "BoardVote"("userId");
CREATE INDEX "PolicyAttestation_userId_idx" ON "PolicyAttestation"("userId");

-- AddForeignKey
ALTER TABLE "BoardVote" ADD CONSTRAINT "BoardVote_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardVote" ADD CONSTRAINT "BoardVote_associationId_policyVersionId_fkey" FOREIGN KEY ("associationId", "policyVersionId") REFERENCES "PolicyVersion"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BoardVote" ADD CONSTRAINT "BoardVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PolicyAttestation" ADD CONSTRAINT "PolicyAttestation_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PolicyAttestation" ADD CONSTRAINT "PolicyAttestation_associationId_policyVersionId_fkey" FOREIGN KEY ("associationId", "policyVersionId") REFERENCES "PolicyVersion"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PolicyAttestation" ADD CONSTRAINT "PolicyAttestation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Immutability, enforced by the database rather than only by code.
-- An approved version (APPROVED, PUBLISHED, SUPERSEDED) keeps its content, hashes, number and
-- approval time for ever; only its status may move forward (APPROVED → PUBLISHED →
-- SUPERSEDED), with the publication time. It cannot be deleted.
CREATE FUNCTION "policy_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" NOT IN ('APPROVED', 'PUBLISHED', 'SUPERSEDED') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'PolicyVersion % is approved: it cannot be deleted', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."content" IS DISTINCT FROM OLD."content"
     OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
     OR NEW."previousHash" IS DISTINCT FROM OLD."previousHash"
     OR NEW."number" IS DISTINCT FROM OLD."number"
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."associationId" IS DISTINCT FROM OLD."associationId"
     OR NEW."policyId" IS DISTINCT FROM OLD."policyId"
     OR NEW."round" IS DISTINCT FROM OLD."round"
     OR NEW."approvedAt" IS DISTINCT FROM OLD."approvedAt"
     OR NOT (NEW."status" = OLD."status"
             OR (OLD."status" = 'APPROVED' AND NEW."status" = 'PUBLISHED')
             OR (OLD."status" = 'PUBLISHED' AND NEW."status" = 'SUPERSEDED'))
     OR (OLD."publishedAt" IS NOT NULL AND NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt") THEN
    RAISE EXCEPTION 'PolicyVersion % is approved: its content cannot change', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PolicyVersion_immutable" BEFORE UPDATE OR DELETE ON "PolicyVersion"
  FOR EACH ROW EXECUTE FUNCTION "policy_version_immutable"();

-- The board's record (decisions and votes) is append-only.
CREATE FUNCTION "board_record_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "BoardDecision_append_only" BEFORE UPDATE OR DELETE ON "BoardDecision"
  FOR EACH ROW EXECUTE FUNCTION "board_record_append_only"();
CREATE TRIGGER "BoardDecision_no_truncate" BEFORE TRUNCATE ON "BoardDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION "board_record_append_only"();
CREATE TRIGGER "BoardVote_append_only" BEFORE UPDATE OR DELETE ON "BoardVote"
  FOR EACH ROW EXECUTE FUNCTION "board_record_append_only"();
CREATE TRIGGER "BoardVote_no_truncate" BEFORE TRUNCATE ON "BoardVote"
  FOR EACH STATEMENT EXECUTE FUNCTION "board_record_append_only"();
