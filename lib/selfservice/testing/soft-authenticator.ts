import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { Encoder } from "cbor-x";

/**
 * A software WebAuthn authenticator for tests (ES256, attestation "none"): it builds what a browser and authenticator
 * send — clientDataJSON, authenticatorData, the attestation object in CBOR, the signature — so the strategies are
 * tested with real cryptography. Overrides make the bad inputs: another challenge, origin or RP ID, a counter.
 */
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
const b64url = (data: Uint8Array) => Buffer.from(data).toString("base64url");
const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest();

export interface PublicKeyOptions {
  publicKey: { challenge: string; rp?: { id?: string }; rpId?: string; user?: { id: string } };
}

export interface Overrides {
  challenge?: string;
  origin?: string;
  rpId?: string;
  counter?: number;
  userVerified?: boolean;
  credentialId?: string;
}

interface Key {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  rpId: string;
  counter: number;
}

export class SoftAuthenticator {
  readonly keys: Key[] = [];

  /** `origin`: where the "browser" runs; `counting`: whether the authenticator keeps a signature counter. */
  constructor(private readonly origin: string, private readonly counting = true) {}

  private flags(userVerified: boolean, attested: boolean): number {
    return 0x01 | (userVerified ? 0x04 : 0) | (attested ? 0x40 : 0);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(): a new key pair for the RP, as the JSON Kratos' webauthn.js posts. */
  create(options: PublicKeyOptions, overrides: Overrides = {}): string {
    const rpId = overrides.rpId ?? options.publicKey.rp?.id ?? "";
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const coseKey = new Map<number, unknown>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, "base64url")], [-3, Buffer.from(jwk.y!, "base64url")]]);
    const id = randomBytes(32);
    const key: Key = { id, privateKey, userHandle: options.publicKey.user?.id ?? "", rpId, counter: this.counting ? 1 : 0 };
    this.keys.push(key);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(overrides.counter ?? key.counter);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(overrides.userVerified ?? true, true)]), counter, Buffer.alloc(16), idLength, id, Buffer.from(cbor.encode(coseKey))]);
    const attestationObject = cbor.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]));
    const clientDataJSON = this.clientData("webauthn.create", overrides.challenge ?? options.publicKey.challenge, overrides.origin ?? this.origin);
    return JSON.stringify({ id: b64url(id), rawId: b64url(id), type: "public-key", response: { attestationObject: b64url(attestationObject), clientDataJSON: b64url(clientDataJSON) } });
  }

  /** navigator.credentials.get(): an assertion by the last key made (or the one named), its counter moved on. */
  get(options: PublicKeyOptions, overrides: Overrides = {}): string {
    const key = overrides.credentialId ? this.keys.find((k) => b64url(k.id) === overrides.credentialId) : this.keys.at(-1);
    if (!key) throw new Error("the authenticator has no key");
    if (this.counting) key.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(overrides.counter ?? key.counter);
    const rpId = overrides.rpId ?? options.publicKey.rpId ?? key.rpId;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(overrides.userVerified ?? true, false)]), counter]);
    const clientDataJSON = this.clientData("webauthn.get", overrides.challenge ?? options.publicKey.challenge, overrides.origin ?? this.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), key.privateKey);
    return JSON.stringify({
      id: b64url(key.id), rawId: b64url(key.id), type: "public-key",
      response: { authenticatorData: b64url(authData), clientDataJSON: b64url(clientDataJSON), signature: b64url(signature), userHandle: key.userHandle },
    });
  }
}
