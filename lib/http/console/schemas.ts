import { z } from "zod";
import { pageSizeSchema } from "@/lib/core/page-token";

// Request bodies and queries of the console API, in Ory Network's wire names (snake_case).

export const listPageQuery = z.object({
  page_size: pageSizeSchema.default(250),
  page_token: z.string().max(500).optional(),
});

/** `createWorkspaceBody` */
export const createWorkspaceBody = z.object({ name: z.string() });

/** `updateWorkspaceBody`: `access_policy` is accepted for compatibility; membership is the only policy here. */
export const updateWorkspaceBody = z.object({
  name: z.string(),
  access_policy: z.enum(["CHECK_ORGANIZATION_AND_WORKSPACE_MEMBERSHIP", "CHECK_ACCESS_PERMISSION"]).optional(),
});

const regions = ["eu-central", "asia-northeast", "us-east", "us-west", "eu", "asia", "us", "global"] as const;

/** `createProjectBody`, plus our optional `slug`. */
export const createProjectBody = z.object({
  name: z.string(),
  environment: z.enum(["prod", "stage", "dev"]).default("dev"),
  workspace_id: z.string().optional(),
  home_region: z.enum(regions).optional(),
  slug: z.string().optional(),
});

/** `createProjectApiKeyBody` and `CreateWorkspaceApiKeyBody`. */
export const createApiKeyBody = z.object({
  name: z.string(),
  expires_at: z.iso.datetime({ offset: true }).optional(),
});
