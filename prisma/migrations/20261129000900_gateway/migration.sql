-- CreateTable
CREATE TABLE "gateway_rules" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_rules_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "gateway_settings" (
    "project_id" UUID NOT NULL,
    "matching_strategy" TEXT NOT NULL DEFAULT 'regexp',
    "default_rule" JSONB,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_settings_pkey" PRIMARY KEY ("project_id")
);
