// Trusted bundle issuers of one data directory, by fingerprint.
import type { Db } from './database';

export interface TrustedIssuer {
  fingerprint: string;
  name: string;
  publicKey: string;
  trustedHow: 'first-use' | 'pinned';
  trustedAt: string;
}

export function findIssuer(db: Db, fingerprint: string): TrustedIssuer | undefined {
  return db
    .prepare('SELECT fingerprint, name, public_key AS publicKey, trusted_how AS trustedHow, trusted_at AS trustedAt FROM trusted_issuers WHERE fingerprint = ?')
    .get(fingerprint) as TrustedIssuer | undefined;
}

export function listIssuers(db: Db): TrustedIssuer[] {
  return db
    .prepare('SELECT fingerprint, name, public_key AS publicKey, trusted_how AS trustedHow, trusted_at AS trustedAt FROM trusted_issuers ORDER BY trusted_at')
    .all() as TrustedIssuer[];
}

/** Adds the issuer, or upgrades a first-use entry to pinned. */
export function trustIssuer(db: Db, issuer: TrustedIssuer): void {
  db.prepare(
    `INSERT INTO trusted_issuers (fingerprint, name, public_key, trusted_how, trusted_at) VALUES (@fingerprint, @name, @publicKey, @trustedHow, @trustedAt)
     ON CONFLICT (fingerprint) DO UPDATE SET trusted_how = CASE WHEN excluded.trusted_how = 'pinned' THEN 'pinned' ELSE trusted_how END`,
  ).run(issuer);
}
