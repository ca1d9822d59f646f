-- CreateEnum
CREATE TYPE "identity_state" AS ENUM ('active', 'inactive');

-- CreateTable
CREATE TABLE "identities" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "schema_id" TEXT NOT NULL,
    "state" "identity_state" NOT NULL DEFAULT 'active',
    "state_changed_at" TIMESTAMPTZ(3),
    "traits" JSONB NOT NULL,
    "metadata_public" JSONB,
    "metadata_admin" JSONB,
    "external_id" TEXT,
    "organization_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identities_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "identity_credentials" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_credentials_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "identity_credential_identifiers" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_credential_identifiers_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "identity_verifiable_addresses" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "via" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "verified_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_verifiable_addresses_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "identity_recovery_addresses" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "via" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_recovery_addresses_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "identity_search_tokens" (
    "project_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "identity_id" UUID NOT NULL,

    CONSTRAINT "identity_search_tokens_pkey" PRIMARY KEY ("project_id","token","identity_id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "project_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "logout_token_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "aal" TEXT NOT NULL DEFAULT 'aal1',
    "authentication_methods" JSONB NOT NULL DEFAULT '[]',
    "devices" JSONB NOT NULL DEFAULT '[]',
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "authenticated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "identities_project_id_created_at_id_idx" ON "identities"("project_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "identities_project_id_external_id_key" ON "identities"("project_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_credentials_project_id_identity_id_type_key" ON "identity_credentials"("project_id", "identity_id", "type");

-- CreateIndex
CREATE INDEX "identity_credential_identifiers_project_id_credential_id_idx" ON "identity_credential_identifiers"("project_id", "credential_id");

-- CreateIndex
CREATE INDEX "identity_credential_identifiers_project_id_identifier_idx" ON "identity_credential_identifiers"("project_id", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "identity_credential_identifiers_project_id_type_identifier_key" ON "identity_credential_identifiers"("project_id", "type", "identifier");

-- CreateIndex
CREATE INDEX "identity_verifiable_addresses_project_id_identity_id_idx" ON "identity_verifiable_addresses"("project_id", "identity_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_verifiable_addresses_project_id_via_value_key" ON "identity_verifiable_addresses"("project_id", "via", "value");

-- CreateIndex
CREATE INDEX "identity_recovery_addresses_project_id_identity_id_idx" ON "identity_recovery_addresses"("project_id", "identity_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_recovery_addresses_project_id_via_value_key" ON "identity_recovery_addresses"("project_id", "via", "value");

-- CreateIndex
CREATE INDEX "identity_search_tokens_project_id_identity_id_idx" ON "identity_search_tokens"("project_id", "identity_id");

-- CreateIndex
CREATE INDEX "sessions_project_id_identity_id_active_idx" ON "sessions"("project_id", "identity_id", "active");

-- CreateIndex
CREATE INDEX "sessions_project_id_created_at_id_idx" ON "sessions"("project_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_project_id_token_hash_key" ON "sessions"("project_id", "token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_project_id_logout_token_hash_key" ON "sessions"("project_id", "logout_token_hash");

-- AddForeignKey
ALTER TABLE "identity_credentials" ADD CONSTRAINT "identity_credentials_project_id_identity_id_fkey" FOREIGN KEY ("project_id", "identity_id") REFERENCES "identities"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_credential_identifiers" ADD CONSTRAINT "identity_credential_identifiers_project_id_credential_id_fkey" FOREIGN KEY ("project_id", "credential_id") REFERENCES "identity_credentials"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_verifiable_addresses" ADD CONSTRAINT "identity_verifiable_addresses_project_id_identity_id_fkey" FOREIGN KEY ("project_id", "identity_id") REFERENCES "identities"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_recovery_addresses" ADD CONSTRAINT "identity_recovery_addresses_project_id_identity_id_fkey" FOREIGN KEY ("project_id", "identity_id") REFERENCES "identities"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_search_tokens" ADD CONSTRAINT "identity_search_tokens_project_id_identity_id_fkey" FOREIGN KEY ("project_id", "identity_id") REFERENCES "identities"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_project_id_identity_id_fkey" FOREIGN KEY ("project_id", "identity_id") REFERENCES "identities"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
