-- Subscription billing: the association's plan (Stripe or granted) and the Stripe events
-- already processed (idempotent webhooks).

-- CreateEnum
CREATE TYPE "Plan" AS ENUM ('FREE', 'STANDARD', 'PLUS');
CREATE TYPE "PlanSource" AS ENUM ('STRIPE', 'GRANTED');

-- CreateTable
CREATE TABLE "Subscription" (
    "associationId" UUID NOT NULL,
    "plan" "Plan" NOT NULL DEFAULT 'FREE',
    "source" "PlanSource" NOT NULL DEFAULT 'STRIPE',
    "interval" VARCHAR(8),
    "stripeCustomerId" VARCHAR(255),
    "stripeSubscriptionId" VARCHAR(255),
    "stripePriceId" VARCHAR(255),
    "status" VARCHAR(32),
    "currentPeriodEnd" TIMESTAMPTZ(3),
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "paymentFailedAt" TIMESTAMPTZ(3),
    "graceEndsAt" TIMESTAMPTZ(3),
    "stripeEventAt" TIMESTAMPTZ(3),
    "overLimitMonth" CHAR(7),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("associationId")
);

CREATE TABLE "StripeEvent" (
    "id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "associationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Subscription_stripeCustomerId_idx" ON "Subscription"("stripeCustomerId");

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
