-- CreateTable
CREATE TABLE "relation_tuples" (
    "project_id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "object" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "subject_set_namespace" TEXT NOT NULL DEFAULT '',
    "subject_set_object" TEXT NOT NULL DEFAULT '',
    "subject_set_relation" TEXT NOT NULL DEFAULT '',
    "subject_id" TEXT NOT NULL DEFAULT '',
    "commit_seq" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relation_tuples_pkey" PRIMARY KEY ("project_id","namespace","object","relation","subject_set_namespace","subject_set_object","subject_set_relation","subject_id")
);

-- CreateTable
CREATE TABLE "permission_sequences" (
    "project_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permission_sequences_pkey" PRIMARY KEY ("project_id")
);

-- CreateIndex
CREATE INDEX "relation_tuples_by_subject_idx" ON "relation_tuples"("project_id", "subject_set_namespace", "subject_set_object", "subject_set_relation", "subject_id", "namespace", "relation", "object");
