export { createClient, getClient, replaceClient, patchClient, deleteClient, listClients, setClientLifespans, rotateClientSecret } from "./service";
export { clientInputSchema, lifespansSchema, type ClientDocument, type ClientInput } from "./schema";
export { jsonPatchSchema } from "./patch";
export { findClient, forgetClient, type ClientRecord, type ClientScope } from "./store";
export { presentClient } from "./present";
export { clientSecretMatches } from "./secrets";
