-- Satisfaction surveys (versioned questions, post-service invitations, responses that cannot be
-- traced back when anonymous, consented links to requests) and the public figures switch.

-- CreateEnum
CREATE TYPE "SurveySource" AS ENUM ('INVITATION', 'PUBLIC_LINK');

-- AlterTable
ALTER TABLE "Association" ADD COLUMN "publicFigures" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Survey" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "titleAr" TEXT NOT NULL,
    "titleEn" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "postService" BOOLEAN NOT NULL DEFAULT false,
    "publicLink" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "draft" JSONB NOT NULL,
    "currentVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Survey_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "SurveyVersion" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "surveyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyVersion_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "SurveyInvitation" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "surveyId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "SurveyResponse" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "surveyId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "source" "SurveySource" NOT NULL,
    "channelKey" VARCHAR(64),
    "month" CHAR(7) NOT NULL,
    "answers" JSONB NOT NULL,
    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "SurveyResponseLink" (
    "associationId" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "consentedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyResponseLink_pkey" PRIMARY KEY ("associationId","responseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyVersion_associationId_surveyId_number_key" ON "SurveyVersion"("associationId", "surveyId", "number");
CREATE UNIQUE INDEX "SurveyInvitation_associationId_tokenHash_key" ON "SurveyInvitation"("associationId", "tokenHash");
CREATE UNIQUE INDEX "SurveyInvitation_associationId_requestId_surveyId_key" ON "SurveyInvitation"("associationId", "requestId", "surveyId");
CREATE INDEX "SurveyInvitation_associationId_createdAt_idx" ON "SurveyInvitation"("associationId", "createdAt");
CREATE INDEX "SurveyResponse_associationId_surveyId_month_idx" ON "SurveyResponse"("associationId", "surveyId", "month");
CREATE INDEX "SurveyResponseLink_associationId_requestId_idx" ON "SurveyResponseLink"("associationId", "requestId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyVersion" ADD CONSTRAINT "SurveyVersion_associationId_surveyId_fkey" FOREIGN KEY ("associationId", "surveyId") REFERENCES "Survey"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_associationId_surveyId_fkey" FOREIGN KEY ("associationId", "surveyId") REFERENCES "Survey"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_associationId_surveyId_fkey" FOREIGN KEY ("associationId", "surveyId") REFERENCES "Survey"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_associationId_versionId_fkey" FOREIGN KEY ("associationId", "versionId") REFERENCES "SurveyVersion"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SurveyResponseLink" ADD CONSTRAINT "SurveyResponseLink_associationId_responseId_fkey" FOREIGN KEY ("associationId", "responseId") REFERENCES "SurveyResponse"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveyResponseLink" ADD CONSTRAINT "SurveyResponseLink_associationId_requestId_fkey" FOREIGN KEY ("associationId", "requestId") REFERENCES "SupportRequest"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published version is never rewritten (responses name it).
CREATE TRIGGER "SurveyVersion_append_only" BEFORE UPDATE ON "SurveyVersion"
  FOR EACH ROW EXECUTE FUNCTION "request_record_append_only"();
