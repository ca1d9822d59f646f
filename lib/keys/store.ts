import { instanceWide } from "@/lib/core/instance-wide";
import type { KeyObject } from "node:crypto";
import type { JWK } from "jose";
import { TtlCache } from "@/lib/core/ttl-cache";
import type { ProjectDb } from "@/lib/db";
import type { SigningAlgorithm } from "./algorithms";
import { openSecret } from "./encryption";
import { privateKeyObject, publicKeyObject } from "./jws";

/** next: published, not signing yet · active: signs · retired: verifies until expiresAt · public: imported without private part. */
export type KeyState = "next" | "active" | "retired" | "public";

export interface StoredKey {
  setName: string;
  kid: string;
  alg: SigningAlgorithm;
  use: string;
  state: KeyState;
  publicJwk: JWK;
  sealedPrivateJwk: string | null;
  createdAt: Date;
  activeAt: Date | null;
  expiresAt: Date | null;
}

/** The minimal project scope the key module needs; lib/http's ProjectContext satisfies it. */
export interface KeyScope {
  project: { id: string };
  db: ProjectDb;
  now: Date;
}

export const sealContext = (projectId: string, setName: string, kid: string) => `jwk:${projectId}:${setName}:${kid}`;

/** A loaded key with its KeyObjects built on first use. */
export class LoadedKey {
  private privateKey?: Promise<KeyObject>;
  private publicKey?: KeyObject;
  constructor(readonly row: StoredKey, private readonly projectId: string) {}

  publicKeyObject(): KeyObject {
    return (this.publicKey ??= publicKeyObject(this.row.publicJwk));
  }

  privateKeyObject(): Promise<KeyObject> {
    const sealed = this.row.sealedPrivateJwk;
    if (!sealed) return Promise.reject(new Error(`Key ${this.row.kid} has no private part.`));
    return (this.privateKey ??= openSecret(sealed, sealContext(this.projectId, this.row.setName, this.row.kid)).then((json) =>
      privateKeyObject(JSON.parse(json) as JWK),
    ));
  }

  isPublished(now: Date): boolean {
    return !this.row.expiresAt || this.row.expiresAt > now;
  }
}

// Keys are read on every token issue and verification; writes in this process invalidate at once,
// other instances see rotations within the TTL (the previous key stays published meanwhile).
const cache = new TtlCache<string, Promise<LoadedKey[]>>(30_000, 10_000);

export function loadProjectKeys(scope: KeyScope): Promise<LoadedKey[]> {
  const projectId = scope.project.id;
  let keys = cache.get(projectId);
  if (!keys) {
    keys = readKeys(scope.db, projectId).catch((error) => {
      cache.delete(projectId);
      throw error;
    });
    cache.set(projectId, keys);
  }
  return keys;
}

async function readKeys(db: ProjectDb, projectId: string): Promise<LoadedKey[]> {
  const rows = await db.oAuth2JsonWebKey.findMany({ orderBy: [{ createdAt: "asc" }, { kid: "asc" }] });
  return rows.map(
    (row) =>
      new LoadedKey(
        {
          setName: row.setName,
          kid: row.kid,
          alg: row.alg as SigningAlgorithm,
          use: row.use,
          state: row.state as KeyState,
          publicJwk: row.publicJwk as JWK,
          sealedPrivateJwk: row.privateJwk,
          createdAt: row.createdAt,
          activeAt: row.activeAt,
          expiresAt: row.expiresAt,
        },
        projectId,
      ),
  );
}

export const invalidateProjectKeys = instanceWide("keys/store#invalidateProjectKeys", (projectId: string): void => {
  cache.delete(projectId);
});
