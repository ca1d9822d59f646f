-- CreateEnum
CREATE TYPE "courier_message_status" AS ENUM ('queued', 'processing', 'sent', 'abandoned');

-- CreateTable
CREATE TABLE "courier_messages" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'email',
    "status" "courier_message_status" NOT NULL DEFAULT 'queued',
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL DEFAULT '',
    "template_type" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "send_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "courier_messages_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "courier_dispatches" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "error" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "courier_dispatches_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "self_service_flows" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "request_url" TEXT NOT NULL,
    "return_to" TEXT NOT NULL DEFAULT '',
    "active" TEXT NOT NULL DEFAULT '',
    "ui" JSONB NOT NULL,
    "csrf_hash" TEXT NOT NULL DEFAULT '',
    "identity_id" UUID,
    "session_id" UUID,
    "context" JSONB NOT NULL DEFAULT '{}',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_service_flows_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "self_service_errors" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "error" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_service_errors_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "self_service_codes" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "flow_id" UUID NOT NULL,
    "identity_id" UUID,
    "address" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "self_service_codes_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "flow" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT NOT NULL DEFAULT '',
    "response_code" INTEGER,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "project_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "previous_count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("project_id","key")
);

-- CreateIndex
CREATE INDEX "courier_messages_project_id_status_next_attempt_at_idx" ON "courier_messages"("project_id", "status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "courier_messages_project_id_created_at_idx" ON "courier_messages"("project_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "courier_messages_project_id_recipient_idx" ON "courier_messages"("project_id", "recipient");

-- CreateIndex
CREATE INDEX "courier_dispatches_project_id_message_id_idx" ON "courier_dispatches"("project_id", "message_id");

-- CreateIndex
CREATE INDEX "self_service_flows_project_id_expires_at_idx" ON "self_service_flows"("project_id", "expires_at");

-- CreateIndex
CREATE INDEX "self_service_codes_project_id_flow_id_idx" ON "self_service_codes"("project_id", "flow_id");

-- CreateIndex
CREATE INDEX "self_service_codes_project_id_code_hash_idx" ON "self_service_codes"("project_id", "code_hash");

-- CreateIndex
CREATE INDEX "webhook_deliveries_project_id_status_next_attempt_at_idx" ON "webhook_deliveries"("project_id", "status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_project_id_expires_at_idx" ON "rate_limit_buckets"("project_id", "expires_at");
