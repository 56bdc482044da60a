// Bundles the user opened for import: the manifest is verified at once (fast) to show who issued
// what; the documents are verified during the import job.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BundlePreview } from '../../../shared/api/contract';
import { categoryCounts } from '../../../shared/round/lookup';
import { openBundle } from '../bundle/read-bundle';
import type { Db } from '../store/database';
import { findRound } from '../store/round-repository';
import { findIssuer } from '../store/trust-store';

export interface OpenedForImport {
  file: string;
  label: string;
  preview: BundlePreview;
  /** Removes a temporary upload once it is no longer needed. */
  dispose?: () => Promise<void>;
}

export class BundleSessions {
  private readonly opened = new Map<string, OpenedForImport>();

  async open(db: Db, file: string, label: string, dispose?: () => Promise<void>): Promise<BundlePreview> {
    const bundle = await openBundle(file, {}, label);
    bundle.close();
    const { payload } = bundle;
    const known = findIssuer(db, bundle.issuerFingerprint);
    const existing = findRound(db, payload.round.id);
    const openId = randomBytes(16).toString('hex');
    const preview: BundlePreview = {
      openId,
      fileName: path.basename(label),
      roundId: payload.round.id,
      title: payload.round.title,
      bundleVersion: payload.bundleVersion,
      issuedAt: payload.issuedAt,
      issuer: { name: payload.issuer.name, fingerprint: bundle.issuerFingerprint, trust: known?.trustedHow ?? 'unknown' },
      ...(existing !== undefined ? { importedVersion: existing.bundleVersion } : {}),
      categories: categoryCounts(payload),
      applicants: payload.applicants.length,
      experts: payload.experts.length,
      documents: bundle.documents.length,
      bytes: bundle.documents.reduce((sum, document) => sum + document.size, 0),
    };
    this.opened.set(openId, { file, label, preview, ...(dispose ? { dispose } : {}) });
    return preview;
  }

  get(openId: string): OpenedForImport | undefined {
    return this.opened.get(openId);
  }

  async discard(openId: string): Promise<boolean> {
    const session = this.opened.get(openId);
    if (session === undefined) return false;
    this.opened.delete(openId);
    await session.dispose?.();
    return true;
  }

  async discardAll(): Promise<void> {
    for (const openId of [...this.opened.keys()]) await this.discard(openId);
  }
}
