-- RFC 6749 §4.1.2: an authorization code lives at most 10 minutes. New projects get `ttl.auth_code: "10m"` (Hydra's
-- default); projects still holding the old default "30m" are moved to "10m" as a new revision (snapshot and audit
-- event, as any configuration change). A value anyone chose other than "30m" is kept.
WITH changed AS (
    UPDATE "projects"
    SET "config" = jsonb_set("config", '{services,oauth2,config,ttl,auth_code}', '"10m"'),
        "revision" = "revision" + 1,
        "updated_at" = CURRENT_TIMESTAMP
    WHERE "config" #>> '{services,oauth2,config,ttl,auth_code}' = '30m'
    RETURNING "id", "workspace_id", "revision", "config"
), snapshots AS (
    INSERT INTO "project_revisions" ("project_id", "revision", "id", "config", "actor")
    SELECT "id", "revision", gen_random_uuid(), "config", 'migration'
    FROM changed
)
INSERT INTO "audit_events" ("id", "workspace_id", "project_id", "actor_type", "actor_id", "action", "target_type", "target_id", "data")
SELECT gen_random_uuid(), "workspace_id", "id", 'system', 'migration', 'project.patched', 'project', "id"::text,
       jsonb_build_object('revision', "revision", 'paths', jsonb_build_array('replace /services/oauth2/config/ttl/auth_code'), 'reason', 'RFC 6749 §4.1.2: authorization codes live at most 10 minutes')
FROM changed;
