export { createClient, getClient, replaceClient, patchClient, deleteClient, listClients, setClientLifespans, rotateClientSecret, deleteRotatedClientSecrets, UNTIL_DELETED_MS } from "./service";
export { clientInputSchema, lifespansSchema, LIFESPAN_FIELDS, type ClientDocument, type ClientInput, type LifespanField } from "./schema";
export { jsonPatchSchema } from "./patch";
export { findClient, forgetClient, type ClientRecord, type ClientScope } from "./store";
export { presentClient } from "./present";
export { clientSecretMatches } from "./secrets";
export { isClientCorsOrigin } from "./cors-origins";
