-- CreateTable
CREATE TABLE "MailAddress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "address" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailToken" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "addressId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "subscriptionId" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MailToken_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "MailAddress" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "addressId" INTEGER NOT NULL,
    "articleId" TEXT NOT NULL,
    "rootId" INTEGER,
    "scope" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    CONSTRAINT "Subscription_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "MailAddress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Subscription_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "unsubscribeUrl" TEXT,
    "messageId" TEXT NOT NULL,
    "groupKey" TEXT,
    "postIds" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "leasedBy" TEXT,
    "lastError" TEXT,
    "deliveredVia" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_address_key" ON "MailAddress"("address");

-- CreateIndex
CREATE INDEX "MailToken_addressId_idx" ON "MailToken"("addressId");

-- CreateIndex
CREATE INDEX "Subscription_rootId_idx" ON "Subscription"("rootId");

-- CreateIndex
CREATE INDEX "Subscription_articleId_scope_idx" ON "Subscription"("articleId", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_addressId_articleId_scope_key" ON "Subscription"("addressId", "articleId", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_dueAt_idx" ON "OutboxEmail"("status", "dueAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_groupKey_status_idx" ON "OutboxEmail"("groupKey", "status");

-- CreateIndex
CREATE INDEX "OutboxEmail_toAddress_status_idx" ON "OutboxEmail"("toAddress", "status");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");
