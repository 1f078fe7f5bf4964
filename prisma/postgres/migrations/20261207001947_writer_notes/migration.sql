-- CreateTable
CREATE TABLE "WriterNote" (
    "id" SERIAL NOT NULL,
    "writer" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WriterNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WriterNote_writer_createdAt_idx" ON "WriterNote"("writer", "createdAt");
