-- Requests by submission time: the reports read a period, and every submission counts this
-- month's requests against the plan's limit; without it both scan the association's requests.
CREATE INDEX "SupportRequest_associationId_submittedAt_idx" ON "SupportRequest"("associationId", "submittedAt");
