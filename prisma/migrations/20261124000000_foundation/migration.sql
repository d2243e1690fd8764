-- Foundation: associations, custom domains, catalogs, policies, versions, board decisions.
-- Written by hand in Prisma's style; tests/integration/schema-drift.test.ts checks it against schema.prisma.

-- CreateEnum
CREATE TYPE "AssociationStatus" AS ENUM ('ACTIVE', 'SUSPENDED');
CREATE TYPE "PolicyKind" AS ENUM ('BENEFICIARY_RELATIONS');
CREATE TYPE "PolicyVersionStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'REJECTED');
CREATE TYPE "CatalogKind" AS ENUM ('CHANNEL', 'OFFICER_TOOL');
CREATE TYPE "BoardDecisionOutcome" AS ENUM ('APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Association" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(63) NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "cityAr" TEXT,
    "cityEn" TEXT,
    "registrationNumber" TEXT,
    "supervisingBodyAr" TEXT,
    "supervisingBodyEn" TEXT,
    "phone" VARCHAR(20),
    "email" TEXT,
    "website" TEXT,
    "xHandle" TEXT,
    "instagramHandle" TEXT,
    "primaryColor" VARCHAR(7) NOT NULL DEFAULT '#0f766e',
    "status" "AssociationStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Association_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AssociationDomain" (
    "id" UUID NOT NULL,
    "associationId" UUID NOT NULL,
    "hostname" VARCHAR(253) NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssociationDomain_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CatalogEntry" (
    "kind" "CatalogKind" NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "labelAr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CatalogEntry_pkey" PRIMARY KEY ("kind","key")
);

CREATE TABLE "Policy" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "PolicyKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "PolicyVersion" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PolicyVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "previousHash" CHAR(64),
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("associationId","id")
);

CREATE TABLE "BoardDecision" (
    "associationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "policyVersionId" UUID NOT NULL,
    "outcome" "BoardDecisionOutcome" NOT NULL,
    "sessionNumber" INTEGER NOT NULL,
    "meetingDate" DATE NOT NULL,
    "chairNameAr" TEXT NOT NULL,
    "chairNameEn" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardDecision_pkey" PRIMARY KEY ("associationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Association_slug_key" ON "Association"("slug");
CREATE UNIQUE INDEX "AssociationDomain_hostname_key" ON "AssociationDomain"("hostname");
CREATE INDEX "AssociationDomain_associationId_idx" ON "AssociationDomain"("associationId");
CREATE UNIQUE INDEX "Policy_associationId_kind_key" ON "Policy"("associationId", "kind");
CREATE UNIQUE INDEX "PolicyVersion_associationId_policyId_number_key" ON "PolicyVersion"("associationId", "policyId", "number");
CREATE INDEX "PolicyVersion_associationId_policyId_status_idx" ON "PolicyVersion"("associationId", "policyId", "status");
CREATE INDEX "BoardDecision_associationId_policyVersionId_idx" ON "BoardDecision"("associationId", "policyVersionId");

-- AddForeignKey
ALTER TABLE "AssociationDomain" ADD CONSTRAINT "AssociationDomain_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_associationId_policyId_fkey" FOREIGN KEY ("associationId", "policyId") REFERENCES "Policy"("associationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardDecision" ADD CONSTRAINT "BoardDecision_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardDecision" ADD CONSTRAINT "BoardDecision_associationId_policyVersionId_fkey" FOREIGN KEY ("associationId", "policyVersionId") REFERENCES "PolicyVersion"("associationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
