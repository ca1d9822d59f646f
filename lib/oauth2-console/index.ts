export { consoleOAuth2Context } from "./context";
export { CLIENT_PRESETS, presetDefaults, presetOf, presetUsesRedirects, type ClientPreset } from "./presets";
export { createClientFormSchema, createClientInput, editClientFormSchema, editClientPatch, EDITABLE_AUTH_METHODS, EDITABLE_GRANTS, type CreateClientForm, type EditClientForm } from "./client-form";
export { listKeySets, createKeyFormSchema, createConsoleKey, rotateConsoleKeySet, deleteConsoleKeys, type KeySetSummary, type KeySummary } from "./keys";
export { oauth2SettingsSchema, readOAuth2SettingsForm, oauth2SettingsPatch, type OAuth2SettingsForm } from "./settings-form";
export { lookupConsents, type ConsentGrant, type SubjectConsents } from "./consent";
export { tryClientCredentials, tryClientCredentialsSchema, type TryResult } from "./try-client-credentials";
