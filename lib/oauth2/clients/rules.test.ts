import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authMethodProblem } from "./auth-method-rules";
import { jwksProblem, jwksUriProblem } from "./jwks-rules";
import { lifespanProblem } from "./lifespan-rules";
import { corsOriginProblem } from "./origin-rules";
import { buildClientDocument } from "./validate";

type Jwk = Record<string, unknown>;
const asJwks = ({ publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject }) => ({ pub: publicKey.export({ format: "jwk" }) as Jwk, priv: privateKey.export({ format: "jwk" }) as Jwk });
const publicJwk = (type: "ec" | "rsa" | "ed25519" | "x25519", options: { namedCurve?: string; modulusLength?: number } = {}) => {
  if (type === "ec") return asJwks(generateKeyPairSync("ec", { namedCurve: options.namedCurve ?? "P-256" }));
  if (type === "rsa") return asJwks(generateKeyPairSync("rsa", { modulusLength: options.modulusLength ?? 2048 }));
  return asJwks(type === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("x25519"));
};

describe("client JWKS rules (RFC 7591 §2, RFC 7517)", () => {
  const ec = publicJwk("ec");
  it("accepts public EC, RSA and Ed25519 signing keys with fitting algorithms", () => {
    const rsa = publicJwk("rsa").pub;
    const ed = publicJwk("ed25519").pub;
    expect(jwksProblem({ keys: [{ ...ec.pub, kid: "a", alg: "ES256", use: "sig" }, { ...rsa, kid: "b", alg: "PS256" }, { ...ed, kid: "c", alg: "EdDSA" }] })).toBeUndefined();
    expect(jwksProblem({ keys: [ec.pub] })).toBeUndefined();
  });

  it.each(["d", "p", "q", "dp", "dq", "qi", "k"])("refuses a key carrying the private member %s", (member) => {
    expect(jwksProblem({ keys: [{ ...ec.pub, [member]: "AAAA" }] })).toMatchObject({ code: "jwksPrivate", reason: expect.stringContaining(`"${member}"`) });
  });

  it("refuses a whole private EC key and an RSA private key", () => {
    expect(jwksProblem({ keys: [ec.priv] })?.code).toBe("jwksPrivate");
    expect(jwksProblem({ keys: [publicJwk("rsa").priv] })?.code).toBe("jwksPrivate");
  });

  it("refuses unsupported types, curves, algorithms, uses, invalid and weak keys", () => {
    expect(jwksProblem({ keys: [{ kty: "oct", kid: "s" }] })?.code).toBe("jwksKty");
    expect(jwksProblem({ keys: [{ ...publicJwk("ec", { namedCurve: "secp256k1" }).pub }] })?.code).toBe("jwksKty");
    expect(jwksProblem({ keys: [{ ...publicJwk("x25519").pub }] })?.code).toBe("jwksKty");
    expect(jwksProblem({ keys: [{ ...ec.pub, alg: "RS256" }] })?.code).toBe("jwksAlg");
    expect(jwksProblem({ keys: [{ ...ec.pub, alg: "ES384" }] })?.code).toBe("jwksAlg");
    expect(jwksProblem({ keys: [{ ...ec.pub, alg: "HS256" }] })?.code).toBe("jwksAlg");
    expect(jwksProblem({ keys: [{ ...ec.pub, use: "enc" }] })?.code).toBe("jwksUse");
    expect(jwksProblem({ keys: [{ ...ec.pub, x: "bm90LWEtcG9pbnQ" }] })?.code).toBe("jwksInvalidKey");
    expect(jwksProblem({ keys: [publicJwk("rsa", { modulusLength: 1024 }).pub] })?.code).toBe("jwksWeakKey");
    expect(jwksProblem({ keys: [] })?.code).toBe("jwksEmpty");
  });

  it("needs distinct kids when a set has several keys (RFC 7517 §4.5)", () => {
    const other = publicJwk("ec").pub;
    expect(jwksProblem({ keys: [{ ...ec.pub, kid: "a" }, other] })?.code).toBe("jwksKid");
    expect(jwksProblem({ keys: [{ ...ec.pub, kid: "a" }, { ...other, kid: "a" }] })?.code).toBe("jwksDuplicateKid");
  });

  it("accepts jwks_uri over https, or http on loopback only", () => {
    expect(jwksUriProblem("https://rp.example/jwks.json")).toBeUndefined();
    expect(jwksUriProblem("http://localhost:8080/jwks")).toBeUndefined();
    expect(jwksUriProblem("http://127.0.0.1/jwks")).toBeUndefined();
    expect(jwksUriProblem("http://[::1]/jwks")).toBeUndefined();
    for (const bad of ["http://rp.example/jwks", "ftp://rp.example/jwks", "https://rp.example/jwks#x", "https://u:p@rp.example/jwks", "/jwks", "http://localhost.evil.example/jwks"]) {
      expect(jwksUriProblem(bad)?.code, bad).toBe("jwksUri");
    }
  });
});

describe("allowed_cors_origins rule", () => {
  it("accepts serialised origins only", () => {
    for (const ok of ["https://app.example", "http://localhost:3000", "https://app.example:8443", "http://[::1]:5173"]) expect(corsOriginProblem(ok), ok).toBeUndefined();
    expect(corsOriginProblem("https://app.example/")).toContain('did you mean "https://app.example"');
    expect(corsOriginProblem("https://App.Example")).toContain('did you mean "https://app.example"');
    expect(corsOriginProblem("https://app.example:443")).toContain('did you mean "https://app.example"');
    for (const bad of ["https://app.example/path", "https://*.example.com", "*", "null", "app.example", "ftp://app.example", "https://u:p@app.example", "file:///x"]) {
      expect(corsOriginProblem(bad), bad).toBeTruthy();
    }
  });
});

describe("lifespan rule (Hydra's NullDuration)", () => {
  it("takes whole-unit Go durations between 1s and 87600h", () => {
    expect(lifespanProblem("1h30m")).toBeUndefined();
    expect(lifespanProblem("1s")).toBeUndefined();
    expect(lifespanProblem("87600h")).toBeUndefined();
    expect(lifespanProblem("1.5h")).toBe("duration");
    expect(lifespanProblem("one hour")).toBe("duration");
    expect(lifespanProblem("0s")).toBe("lifespanTooShort");
    expect(lifespanProblem("999ms")).toBe("lifespanTooShort");
    expect(lifespanProblem("87601h")).toBe("lifespanTooLong");
    // Past int64 nanoseconds Go's time.ParseDuration (and so Hydra) refuses the value itself.
    expect(lifespanProblem("99999999999999999999h")).toBe("duration");
  });
});

describe("auth method against grants and keys", () => {
  it("mirrors the API's refusals", () => {
    const none = { jwks: false, jwksUri: false };
    expect(authMethodProblem("none", ["client_credentials"], none)?.code).toBe("publicClientCredentials");
    expect(authMethodProblem("none", ["authorization_code", "refresh_token"], none)).toBeUndefined();
    expect(authMethodProblem("private_key_jwt", ["client_credentials"], none)?.code).toBe("keysRequired");
    expect(authMethodProblem("private_key_jwt", ["client_credentials"], { jwks: true, jwksUri: true })?.code).toBe("keysExclusive");
    expect(authMethodProblem("client_secret_basic", ["client_credentials"], { jwks: true, jwksUri: true })?.code).toBe("keysExclusive");
    expect(authMethodProblem("private_key_jwt", ["client_credentials"], { jwks: false, jwksUri: true })).toBeUndefined();
  });

  it("is what buildClientDocument enforces, with the same reasons", () => {
    const build = (input: object) => () => buildClientDocument("c", { grant_types: ["client_credentials"], ...input } as never);
    expect(build({ token_endpoint_auth_method: "private_key_jwt" })).toThrow(expect.objectContaining({ reason: "private_key_jwt requires exactly one of jwks or jwks_uri." }));
    expect(build({ token_endpoint_auth_method: "private_key_jwt", jwks_uri: "http://rp.example/jwks" })).toThrow(expect.objectContaining({ reason: expect.stringContaining("https") }));
    expect(build({ allowed_cors_origins: ["https://a.example/"] })).toThrow(expect.objectContaining({ reason: expect.stringContaining("is not an origin") }));
    expect(build({ allowed_cors_origins: ["https://a.example", "https://a.example"] })().allowed_cors_origins).toEqual(["https://a.example"]);
  });
});
