/**
 * The identity-aware proxy (Ory Oathkeeper per project) — the public face of lib/gateway: access rules
 * (storage, validation, compiled and cached rule sets), the decision pipeline, and its two entries: the
 * decisions API (nginx, Traefik, Envoy) and the forwarding path (proxy.ts, server.ts).
 */
export { listRules, getRule, createRule, replaceRule, deleteRule, getGatewaySettings, updateGatewaySettings, type GatewayAdminContext, type GatewaySettingsView } from "./rules/service";
export { validateRule } from "./rules/validate";
export { toOathkeeperRule, type OathkeeperRule } from "./rules/serialize";
export { ruleInputSchema, settingsInputSchema, type RuleInput, type RuleDocument } from "./rules/schema";
export { invalidateRuleSet, clearRuleSets } from "./rules/cache";
export { ingressSnippets, type IngressSnippet } from "./ingress-snippets";
export { decisionsAnswer, type DecisionsAnswer } from "./entry/decisions";
export { explainDecision, explainInputSchema, type Explanation } from "./entry/explain";
export { HANDLERS } from "./handlers/registry";
export { forgetIntrospections, INTROSPECTION_CACHE_TTL_MS } from "./handlers/authenticators/oauth2-introspection";
export type { Decision, Verdict } from "./pipeline/decide";
export { gatewayMapping, type GatewayMapping } from "./entry/mapping";
export { planForward, upstreamUrl, type ForwardPlan, type ForwardInput } from "./entry/forward";
export { serveThroughGateway } from "./entry/node-proxy";
