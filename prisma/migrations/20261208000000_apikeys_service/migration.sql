-- API key service (Ory Network v2alpha1): issued and imported keys of a tenant's own API, and daily usage.
-- CreateTable
CREATE TABLE "api_keys" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL DEFAULT '',
    "scopes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "visibility" TEXT NOT NULL DEFAULT 'KEY_VISIBILITY_SECRET',
    "rate_limit_policy" JSONB,
    "allowed_cidrs" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "secret_hash" TEXT NOT NULL,
    "display_prefix" TEXT NOT NULL DEFAULT '',
    "request_id" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revocation_reason" TEXT,
    "revocation_description" TEXT,
    "rotated_to_id" TEXT,
    "usage_count" BIGINT NOT NULL DEFAULT 0,
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "api_key_usage_days" (
    "project_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "api_key_usage_days_pkey" PRIMARY KEY ("project_id","key_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_project_id_secret_hash_key" ON "api_keys"("project_id", "secret_hash");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_project_id_kind_request_id_key" ON "api_keys"("project_id", "kind", "request_id");

-- CreateIndex
CREATE INDEX "api_keys_project_id_kind_created_at_id_idx" ON "api_keys"("project_id", "kind", "created_at", "id");
