// Which score files a merge uses (FORMATS §6 "Merge"): each is verified; per expert the highest
// revision among the files that verify is used; identical copies count once; two different files
// with the same expert and revision are both rejected (equivocation) and that expert's lower
// revisions stay superseded; all files of one expert must share one key.
import { readFile } from 'node:fs/promises';
import type { MergeFileView } from '../../../shared/api/contract';
import type { ScoreFilePayload } from '../../../shared/sheet/schema';
import { Rejection } from '../rejection';
import { verifyScoreFile, type ScoredBundle, type VerifiedScoreFile } from '../scores/score-file';

export type FileStatus = MergeFileView['status'];

/** A file's line in the merge log (results.json `files[]`, the app's verification table). */
export interface FileOutcome extends MergeFileView {
  /** The refusal's problems, when the file was rejected for its content. */
  problems?: { path: string; id?: string; message: string }[];
}

export interface CollectedFiles {
  files: FileOutcome[];
  /** The used file of each expert who has one. */
  used: Map<string, VerifiedScoreFile>;
  /** Experts used with a key the roster does not name (flag `unregistered-key`). */
  unregistered: Set<string>;
  /** Files that could be read at all (merge exits 1 only when none could). */
  readable: number;
}

/** A score file to consider: its name (as given, for the log) and how to read its bytes. */
export interface ScoreFileInput {
  file: string;
  read: () => Promise<Buffer>;
}

export function scoreFilesFromPaths(paths: readonly string[]): ScoreFileInput[] {
  return paths.map((file) => ({ file, read: () => readFile(file) }));
}

interface Candidate {
  file: string;
  verified: VerifiedScoreFile;
}

export async function collectScoreFiles(inputs: readonly ScoreFileInput[], bundle: ScoredBundle, expertKeys?: ReadonlyMap<string, string>): Promise<CollectedFiles> {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const outcomes = new Map<string, FileOutcome>();
  const candidates: Candidate[] = [];
  let readable = 0;
  for (const { file, read } of sorted) {
    let bytes: Buffer;
    try {
      bytes = await read();
      readable++;
    } catch (error) {
      outcomes.set(file, blank(file, 'rejected', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`));
      continue;
    }
    try {
      candidates.push({ file, verified: verifyScoreFile(bytes, file, bundle, expertKeys ? { expertKeys } : {}) });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      outcomes.set(file, { ...blank(file, 'rejected', error.detail), ...(error.problems.length > 0 ? { problems: error.problems } : {}), ...identify(bytes) });
    }
  }

  const byExpert = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = byExpert.get(candidate.verified.payload.expertId) ?? [];
    list.push(candidate);
    byExpert.set(candidate.verified.payload.expertId, list);
  }
  const used = new Map<string, VerifiedScoreFile>();
  const unregistered = new Set<string>();
  for (const [expertId, list] of byExpert) {
    const describe = (candidate: Candidate, status: FileStatus, reason: string | null) =>
      outcomes.set(candidate.file, outcomeOf(candidate, status, reason));
    const keys = new Set(list.map((candidate) => candidate.verified.payload.publicKey));
    if (keys.size > 1) {
      for (const candidate of list) describe(candidate, 'rejected', `the files of expert ${expertId} are signed with ${keys.size} different keys`);
      continue;
    }
    // Identical copies count once: the first path stands for its content.
    const distinct = new Map<string, Candidate>();
    for (const candidate of list) {
      const first = distinct.get(candidate.verified.sha256);
      if (first === undefined) distinct.set(candidate.verified.sha256, candidate);
      else describe(candidate, 'superseded', `identical copy of ${first.file}`);
    }
    const byRevision = new Map<number, Candidate[]>();
    for (const candidate of distinct.values()) {
      const revision = candidate.verified.payload.revision;
      byRevision.set(revision, [...(byRevision.get(revision) ?? []), candidate]);
    }
    const revisions = [...byRevision.keys()].sort((a, b) => b - a);
    const highest = revisions[0]!;
    const top = byRevision.get(highest)!;
    if (top.length > 1) {
      for (const candidate of top) describe(candidate, 'rejected', `equivocation: ${top.length} different files of expert ${expertId} claim revision ${highest}`);
    } else {
      describe(top[0]!, 'used', null);
      used.set(expertId, top[0]!.verified);
      if (top[0]!.verified.unregisteredKey) unregistered.add(expertId);
    }
    for (const revision of revisions.slice(1)) {
      for (const candidate of byRevision.get(revision)!) {
        const equivocal = byRevision.get(revision)!.length > 1;
        describe(candidate, equivocal ? 'rejected' : 'superseded', equivocal ? `equivocation: different files of expert ${expertId} claim revision ${revision}` : `revision ${revision} is superseded by revision ${highest}`);
      }
    }
  }
  return { files: sorted.map(({ file }) => outcomes.get(file)!), used, unregistered, readable };
}

function blank(file: string, status: FileStatus, reason: string): FileOutcome {
  return { file, status, reason, expertId: null, revision: null, final: null, sha256: null, fingerprint: null };
}

/** What a rejected file claims to be, when its payload can be read at all (for the file log). */
function identify(bytes: Buffer): Partial<FileOutcome> {
  try {
    const envelope = JSON.parse(bytes.toString('utf8')) as { payload?: string };
    const payload = JSON.parse(Buffer.from(envelope.payload ?? '', 'base64').toString('utf8')) as Partial<ScoreFilePayload>;
    return {
      ...(typeof payload.expertId === 'string' ? { expertId: payload.expertId } : {}),
      ...(typeof payload.revision === 'number' ? { revision: payload.revision } : {}),
    };
  } catch {
    return {};
  }
}

function outcomeOf(candidate: Candidate, status: FileStatus, reason: string | null): FileOutcome {
  const { payload } = candidate.verified;
  return {
    file: candidate.file,
    status,
    reason,
    expertId: payload.expertId,
    revision: payload.revision,
    final: payload.final,
    sha256: candidate.verified.sha256,
    fingerprint: candidate.verified.fingerprint,
  };
}
