import { z } from "zod";
import { channelsSchema } from "@/lib/courier";
import { goDuration, hostName, integer, navigableUrl, returnUrlPattern, smtpUri } from "./values";

/**
 * The settings of `services.identity.config` (Kratos' configuration) that Portcullis reads, with their ranges.
 * Objects are loose: keys Portcullis does not read (Kratos has many) are kept as written.
 */
const loose = z.looseObject;
const flag = () => z.boolean();
const lifespan = () => goDuration(60_000, 720 * 3_600_000); // Kratos flows: a minute to 30 days
const aal = () => z.enum(["aal1", "aal2", "aal3", "highest_available"]);

const method = <T extends z.ZodType>(config: T) => loose({ enabled: flag().optional(), config: config.optional() });
const after = loose({ default_browser_return_url: navigableUrl().optional() });

const flow = loose({
  enabled: flag().optional(),
  ui_url: navigableUrl().optional(),
  lifespan: lifespan().optional(),
  after: after.optional(),
});

export const identityConfigRules = loose({
  identity: loose({
    default_schema_id: z.string().min(1).max(2048).optional(),
    schemas: z.array(loose({ id: z.string().min(1).max(2048), url: z.string().min(1).max(1_000_000) })).max(100).optional(),
  }).optional(),
  selfservice: loose({
    default_browser_return_url: navigableUrl().optional(),
    allowed_return_urls: z.array(returnUrlPattern()).max(1000).optional(),
    methods: loose({
      password: method(loose({
        min_password_length: integer(6, 1024).optional(), // Kratos' schema: at least 6
        haveibeenpwned_enabled: flag().optional(),
        haveibeenpwned_host: hostName().optional(),
        max_breaches: integer(0, 1_000_000).optional(),
        ignore_network_errors: flag().optional(),
        identifier_similarity_check_enabled: flag().optional(),
      })),
      code: method(loose({ lifespan: lifespan().optional() })).extend({ passwordless_enabled: flag().optional(), mfa_enabled: flag().optional() }),
      link: method(loose({ lifespan: lifespan().optional(), base_url: navigableUrl().optional() })),
      totp: method(loose({ issuer: z.string().max(255).optional() })),
      profile: method(loose({})),
    }).optional(),
    flows: loose({
      error: loose({ ui_url: navigableUrl().optional() }).optional(),
      login: flow.extend({ style: z.enum(["unified", "identifier_first"]).optional() }).optional(),
      registration: flow.extend({ login_hints: flag().optional() }).optional(),
      settings: flow.extend({ privileged_session_max_age: lifespan().optional(), required_aal: aal().optional() }).optional(),
      recovery: flow.extend({ use: z.enum(["code", "link"]).optional(), notify_unknown_recipients: flag().optional() }).optional(),
      verification: flow.extend({ use: z.enum(["code", "link"]).optional(), notify_unknown_recipients: flag().optional() }).optional(),
      logout: loose({ after: after.optional() }).optional(),
    }).optional(),
  }).optional(),
  session: loose({
    lifespan: goDuration(60_000, 87_600 * 3_600_000).optional(),
    earliest_possible_extend: goDuration(1_000, 87_600 * 3_600_000).optional(),
    cookie: loose({ persistent: flag().optional(), same_site: z.enum(["Strict", "Lax", "None"]).optional(), name: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/).optional() }).optional(),
    whoami: loose({ required_aal: aal().optional() }).optional(),
  }).optional(),
  courier: loose({
    smtp: loose({ connection_uri: smtpUri().optional(), from_address: z.email().max(320).optional(), from_name: z.string().max(255).optional() }).optional(),
    // Kratos' `courier.channels[]` (type http; the `sms` channel carries text messages): lib/courier/http/channels.ts
    channels: channelsSchema.optional(),
  }).optional(),
  hashers: loose({
    algorithm: z.enum(["argon2", "bcrypt"]).optional(),
    argon2: loose({
      memory: z.union([z.string().regex(/^\s*\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$/i, "must be a size such as \"64MB\"."), integer(8 * 1024, 4 * 1024 ** 3)]).optional(),
      iterations: integer(1, 20).optional(),
      parallelism: integer(1, 16).optional(),
      salt_length: integer(8, 64).optional(),
      key_length: integer(16, 64).optional(),
    }).optional(),
    bcrypt: loose({ cost: integer(4, 31).optional() }).optional(),
  }).optional(),
  rate_limits: z.record(z.string().max(64), loose({ limit: integer(1, 1_000_000), window_seconds: integer(1, 86_400) })).optional(),
  security: loose({ account_enumeration: loose({ mitigate: flag().optional() }).optional() }).optional(),
});
