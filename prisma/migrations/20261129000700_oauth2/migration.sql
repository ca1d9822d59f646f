-- CreateTable
CREATE TABLE "system_secrets" (
    "id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "system_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth2_json_web_keys" (
    "project_id" UUID NOT NULL,
    "set_name" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_jwk" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "oauth2_json_web_keys_pkey" PRIMARY KEY ("project_id","set_name","kid")
);

-- CreateTable
CREATE TABLE "oauth2_clients" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "secret_hash" TEXT,
    "previous_secret_hash" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "registration_token_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oauth2_clients_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "oauth2_flows" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "login_session_id" TEXT,
    "consent_challenge" TEXT,
    "login_verifier" TEXT,
    "consent_verifier" TEXT,
    "csrf_hash" TEXT NOT NULL DEFAULT '',
    "request" JSONB NOT NULL,
    "login" JSONB,
    "consent" JSONB,
    "remember" BOOLEAN NOT NULL DEFAULT false,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "handled_at" TIMESTAMPTZ(3),
    "consent_expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "oauth2_flows_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "oauth2_login_sessions" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "authenticated_at" TIMESTAMPTZ(3) NOT NULL,
    "remember" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3),
    "identity_provider_session_id" TEXT,
    "acr" TEXT NOT NULL DEFAULT '',
    "amr" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "oauth2_login_sessions_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "oauth2_tokens" (
    "project_id" UUID NOT NULL,
    "signature" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "audience" JSONB NOT NULL DEFAULT '[]',
    "session" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "oauth2_tokens_pkey" PRIMARY KEY ("project_id","signature")
);

-- CreateTable
CREATE TABLE "oauth2_device_requests" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "device_code_hash" TEXT NOT NULL,
    "user_code_hash" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "audience" JSONB NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL,
    "flow_id" TEXT,
    "interval" INTEGER NOT NULL DEFAULT 5,
    "last_polled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oauth2_device_requests_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "oauth2_used_jtis" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oauth2_used_jtis_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "oauth2_logout_requests" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "sid" TEXT NOT NULL DEFAULT '',
    "client_id" TEXT,
    "request" JSONB NOT NULL,
    "verifier" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oauth2_logout_requests_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "oauth2_clients_project_id_created_at_idx" ON "oauth2_clients"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "oauth2_flows_project_id_subject_client_id_idx" ON "oauth2_flows"("project_id", "subject", "client_id");

-- CreateIndex
CREATE INDEX "oauth2_flows_project_id_login_session_id_idx" ON "oauth2_flows"("project_id", "login_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_flows_project_id_consent_challenge_key" ON "oauth2_flows"("project_id", "consent_challenge");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_flows_project_id_login_verifier_key" ON "oauth2_flows"("project_id", "login_verifier");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_flows_project_id_consent_verifier_key" ON "oauth2_flows"("project_id", "consent_verifier");

-- CreateIndex
CREATE INDEX "oauth2_login_sessions_project_id_subject_idx" ON "oauth2_login_sessions"("project_id", "subject");

-- CreateIndex
CREATE INDEX "oauth2_tokens_project_id_request_id_idx" ON "oauth2_tokens"("project_id", "request_id");

-- CreateIndex
CREATE INDEX "oauth2_tokens_project_id_client_id_idx" ON "oauth2_tokens"("project_id", "client_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_device_requests_project_id_device_code_hash_key" ON "oauth2_device_requests"("project_id", "device_code_hash");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_device_requests_project_id_user_code_hash_key" ON "oauth2_device_requests"("project_id", "user_code_hash");

-- CreateIndex
CREATE UNIQUE INDEX "oauth2_logout_requests_project_id_verifier_key" ON "oauth2_logout_requests"("project_id", "verifier");
