// A secretariat merge: verify the bundle and every score file, keep each expert's highest
// revision, aggregate, rank and award (shared/merge), and say who and what is missing.
import type { BundlePayload } from '../../../shared/bundle/manifest';
import type { ScoreFilePayload } from '../../../shared/sheet/schema';
import { FLAG_ORDER, mergeRound, type AggregationMethod, type CategoryResult, type Flag } from '../../../shared/merge';
import { assignedApplicants } from '../../../shared/round/lookup';
import { openBundle, type VerifiedManifest } from '../bundle/read-bundle';
import { Rejection } from '../rejection';
import { collectScoreFiles, scoreFilesFromPaths, type FileOutcome, type ScoreFileInput } from './collect-files';

export interface MergeOptions {
  bundleFile: string;
  files: readonly string[];
  expectedIssuer?: string;
  expertKeys?: ReadonlyMap<string, string>;
  method?: AggregationMethod;
  appVersion: string;
  now?: Date;
}

/** A merge of score files against a bundle whose manifest is already verified. */
export interface VerifiedMergeInput {
  bundle: VerifiedManifest;
  inputs: readonly ScoreFileInput[];
  expertKeys?: ReadonlyMap<string, string>;
  method?: AggregationMethod;
  appVersion: string;
  now?: Date;
}

export interface ExpertOutcome {
  id: string;
  name: string;
  status: 'used' | 'missing';
  revision: number | null;
  final: boolean | null;
  fingerprint: string | null;
  unregisteredKey: boolean;
  /** Assigned applicants the used file has no sheet for. */
  missingSheets: string[];
}

/** results.json (FORMATS §5, with additions). */
export interface MergeResults {
  format: 'reviewdesk.results/1';
  roundId: string;
  roundTitle: string;
  bundleId: string;
  bundleVersion: number;
  manifestSha256: string;
  issuer: { name: string; fingerprint: string };
  method: AggregationMethod | 'per-category';
  generatedAt: string;
  appVersion: string;
  files: FileOutcome[];
  experts: ExpertOutcome[];
  categories: CategoryResult[];
}

export interface MergeRun {
  results: MergeResults;
  payload: BundlePayload;
  /** Every expert's used sheets, for the expert × applicant matrices of the reports. */
  sheets: Map<string, ScoreFilePayload>;
}

function withFlag(flags: Flag[], flag: Flag): Flag[] {
  return [...flags, flag].sort((a, b) => FLAG_ORDER.indexOf(a.flag) - FLAG_ORDER.indexOf(b.flag));
}

/** `reviewdesk merge`: opens and verifies the bundle, then merges the files at `files`. */
export async function runMerge(options: MergeOptions): Promise<MergeRun> {
  const bundle = await openBundle(options.bundleFile, options.expectedIssuer !== undefined ? { expectedIssuer: options.expectedIssuer } : {});
  bundle.close();
  const inputs = scoreFilesFromPaths(options.files);
  return mergeVerified({
    bundle,
    inputs,
    ...(options.expertKeys !== undefined ? { expertKeys: options.expertKeys } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    appVersion: options.appVersion,
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
}

export async function mergeVerified(options: VerifiedMergeInput): Promise<MergeRun> {
  const { bundle } = options;
  const { payload } = bundle;
  const collected = await collectScoreFiles(options.inputs, bundle, options.expertKeys);
  if (options.inputs.length > 0 && collected.readable === 0) {
    throw new Rejection(options.inputs.map((input) => input.file).join(', '), 'no score file could be read', { code: 'no-files' });
  }
  const merged = mergeRound({
    round: payload,
    experts: [...collected.used.values()].map((file) => ({ expertId: file.payload.expertId, sheets: file.payload.sheets })),
    method: options.method,
  });
  const categories = merged.categories.map((category) => ({
    ...category,
    ranking: category.ranking.map((applicant) => {
      const experts = applicant.totals.map((total) => total.expertId).filter((expertId) => collected.unregistered.has(expertId)).sort();
      return experts.length === 0 ? applicant : { ...applicant, flags: withFlag(applicant.flags, { flag: 'unregistered-key', experts }) };
    }),
  }));
  const experts: ExpertOutcome[] = payload.experts.map((expert) => {
    const file = collected.used.get(expert.id);
    const covered = new Set(file?.payload.sheets.map((sheet) => sheet.applicantId) ?? []);
    return {
      id: expert.id,
      name: expert.name,
      status: file === undefined ? 'missing' : 'used',
      revision: file?.payload.revision ?? null,
      final: file?.payload.final ?? null,
      fingerprint: file?.fingerprint ?? null,
      unregisteredKey: collected.unregistered.has(expert.id),
      missingSheets: file === undefined ? [] : assignedApplicants(payload, expert.id).map((applicant) => applicant.id).filter((id) => !covered.has(id)),
    };
  });
  return {
    payload,
    sheets: new Map([...collected.used].map(([expertId, file]) => [expertId, file.payload])),
    results: {
      format: 'reviewdesk.results/1',
      roundId: payload.round.id,
      roundTitle: payload.round.title,
      bundleId: payload.bundleId,
      bundleVersion: payload.bundleVersion,
      manifestSha256: bundle.manifestSha256,
      issuer: { name: payload.issuer.name, fingerprint: bundle.issuerFingerprint },
      method: merged.method,
      generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      appVersion: options.appVersion,
      files: collected.files,
      experts,
      categories,
    },
  };
}
