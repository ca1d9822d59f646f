/**
 * The one place that decides a request's origin (scheme, host, port), its client IP and which of the
 * install's hosts it addressed — for server.ts' fast path, Next's pages, server actions and proxy.ts alike.
 * It sits at the bottom, beside lib/config (imports only lib/config, lib/core, lib/db), so domain modules may use it.
 * README "Hosts, proxies and security headers" has the rules.
 */
export { requestOrigin, originOf, installOrigin, clientIp, fromTrustedProxy, type OriginSource, type RequestOrigin } from "./resolve";
export { FRONT_HEADER, frontHeaderValue, useFrontSecret, type ConnectionFacts } from "./front";
export { servedHost, gatewayHostSlug, isOpenInstall, isLoopbackHostname, SLUG_LABEL, type ServedHost } from "./served-hosts";
export { isTrustedProxy } from "./trusted-proxies";
export { knownSetupHost, loadSetupHost, recordSetupHost, forgetSetupHost, setupHostRecorded } from "./setup-host";
export {
  canonicalOrigin, consoleOrigin, hostNotServed, isSecureOrigin, onProjectHost, projectBaseUrl, servedOrigin, servesConsole,
  HOST_NOT_SERVED_MESSAGE,
} from "./urls";
