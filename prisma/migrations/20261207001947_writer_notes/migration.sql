-- CreateTable
CREATE TABLE "WriterNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "writer" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WriterNote_writer_createdAt_idx" ON "WriterNote"("writer", "createdAt");
