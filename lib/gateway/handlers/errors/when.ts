import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { GATEWAY_ERROR_KINDS, type GatewayError } from "../../pipeline/errors";
import type { GatewayRequest } from "../../pipeline/types";

/**
 * Oathkeeper's error handler conditions: `when: [{ error: [...], request: { cidr: [...], header:
 * { accept: [...], content_type: [...] } } }]`. A handler applies when any condition holds (or none is given).
 */
const CIDR = z.string().refine((value) => parseCidr(value) !== undefined, "must be a CIDR like 10.0.0.0/8 or ::1/128");

export const whenSchema = z
  .array(
    z
      .object({
        error: z.array(z.enum(GATEWAY_ERROR_KINDS)).optional(),
        request: z
          .object({
            cidr: z.array(CIDR).max(64).optional(),
            header: z.object({ accept: z.array(z.string().max(256)).optional(), content_type: z.array(z.string().max(256)).optional() }).strict().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  )
  .max(32)
  .optional();

export type When = z.output<typeof whenSchema>;

function parseCidr(value: string): { address: string; prefix: number; type: "ipv4" | "ipv6" } | undefined {
  const [address, prefixText] = value.split("/");
  const version = isIP(address ?? "");
  const prefix = Number(prefixText);
  if (!version || !Number.isInteger(prefix) || prefix < 0 || prefix > (version === 4 ? 32 : 128)) return undefined;
  return { address, prefix, type: version === 4 ? "ipv4" : "ipv6" };
}

/** Media-range matching with `type/*` and `*\/*` wildcards (RFC 9110 §12.5.1), parameters ignored. */
function mediaMatches(headerValue: string | undefined, wanted: string[]): boolean {
  if (!headerValue) return false;
  const offered = headerValue.split(",").map((part) => part.split(";")[0].trim().toLowerCase());
  return wanted.some((w) => {
    const [wt, ws] = w.toLowerCase().split("/");
    return offered.some((o) => {
      const [ot, os] = o.split("/");
      return (wt === "*" || ot === "*" || wt === ot) && (ws === "*" || os === "*" || ws === os);
    });
  });
}

export function compileWhen(when: When): (error: GatewayError, request: GatewayRequest) => boolean {
  if (!when?.length) return () => true;
  const conditions = when.map((condition) => {
    const blocks = condition.request?.cidr?.length ? new BlockList() : undefined;
    for (const cidr of condition.request?.cidr ?? []) {
      const parsed = parseCidr(cidr)!;
      blocks!.addSubnet(parsed.address, parsed.prefix, parsed.type);
    }
    return (error: GatewayError, request: GatewayRequest) => {
      if (condition.error?.length && !condition.error.includes(error.kind)) return false;
      const header = condition.request?.header;
      if (header?.accept?.length && !mediaMatches(request.header("accept"), header.accept)) return false;
      if (header?.content_type?.length && !mediaMatches(request.header("content-type"), header.content_type)) return false;
      if (blocks) {
        const ip = request.ip.replace(/^::ffff:/, "");
        const version = isIP(ip);
        if (!version || !blocks.check(ip, version === 4 ? "ipv4" : "ipv6")) return false;
      }
      return true;
    };
  });
  return (error, request) => conditions.some((condition) => condition(error, request));
}
