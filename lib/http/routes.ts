import { consoleRoutes } from "./routes/console";
import { courierRoutes } from "./routes/courier";
import { selfServiceRoutes } from "./routes/self-service";
import { permissionRoutes } from "./routes/permissions";
import { projectAdminRoutes } from "./routes/project-admin";
import { projectHealthRoutes } from "./routes/project-health";
import { oauth2ClientRoutes } from "./routes/oauth2-clients";
import { oauth2DiscoveryRoutes } from "./routes/oauth2-discovery";
import { oauth2KeyRoutes } from "./routes/oauth2-keys";
import { identityAdminRoutes } from "./routes/identity-admin";
import { identitySchemaRoutes } from "./routes/identity-schemas";
import { sessionRoutes } from "./routes/sessions";
import { oauth2ProtocolRoutes } from "./routes/oauth2-protocol";
import { oauth2AdminRoutes } from "./routes/oauth2-admin";
import { oauth2LogoutRoutes } from "./routes/oauth2-logout";
import { gatewayRoutes } from "./routes/gateway";
import { accountExperienceRoutes } from "./routes/account-experience";
import { apiKeyRoutes } from "./routes/api-keys";
import type { RouteDefinition } from "./types";

/** The one table of machine endpoints. server.ts serves it directly; app/ adapts it for `next dev`. */
export const machineRoutes: RouteDefinition[] = [
  ...gatewayRoutes,
  ...projectHealthRoutes,
  ...projectAdminRoutes,
  ...consoleRoutes,
  ...permissionRoutes,
  ...courierRoutes,
  ...selfServiceRoutes,
  ...oauth2DiscoveryRoutes,
  ...oauth2KeyRoutes,
  ...oauth2ClientRoutes,
  ...identityAdminRoutes,
  ...identitySchemaRoutes,
  ...sessionRoutes,
  ...oauth2ProtocolRoutes,
  ...oauth2AdminRoutes,
  ...oauth2LogoutRoutes,
  ...accountExperienceRoutes,
  ...apiKeyRoutes,
];
