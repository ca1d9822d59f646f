-- Console users sign in through the built-in platform project: each user links to an identity there.
-- AlterTable
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL,
ADD COLUMN "identity_id" UUID;

-- AlterTable
ALTER TABLE "console_sessions" ADD COLUMN "identity_session_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "users_identity_id_key" ON "users"("identity_id");
