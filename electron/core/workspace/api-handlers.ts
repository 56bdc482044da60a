// The API contract implemented over core services: one set of handlers for every host.
import type { ApiHandlers, AppInfo, BundleSource, ImportSummary, SearchHit, SearchStatus } from '../../../shared/api/contract';
import { openBundle } from '../bundle/read-bundle';
import { importOpenedBundle } from '../store/import-bundle';
import type { Workstation } from '../store/workstation';
import { findIssuer } from '../store/trust-store';
import { BundleSessions } from './bundle-sessions';
import { describeError, NotFoundError, RequestError } from './errors';
import { Jobs } from './jobs';
import { applicantView, listRoundSummaries, roundView } from './round-views';
import { saveSheet } from './sheets';
import { applicantRubric } from '../../../shared/round/lookup';
import { storedPayload } from '../store/round-repository';

export interface SearchService {
  query(roundId: string, query: string): SearchHit[];
  status(roundId: string): SearchStatus;
}

export interface HandlerContext {
  workstation: Workstation;
  info: Omit<AppInfo, 'dataDir'>;
  /** Turns a source into a local file the host may read (and a cleanup for temporary uploads). */
  resolveSource(source: BundleSource): Promise<{ file: string; label: string; dispose?: () => Promise<void> }>;
  search: SearchService;
  /** Called after each import that changed the store (the host starts text extraction). */
  onImported?: () => void;
}

export interface Workspace {
  handlers: ApiHandlers;
  close(): Promise<void>;
}

export function createWorkspace(context: HandlerContext): Workspace {
  const { db } = context.workstation;
  const sessions = new BundleSessions();
  const jobs = new Jobs<ImportSummary>(describeError);

  const handlers: ApiHandlers = {
    'app.info': async () => ({ ...context.info, dataDir: context.workstation.dir }),
    'rounds.list': async () => listRoundSummaries(db),
    'bundle.open': async ({ source }) => {
      const { file, label, dispose } = await context.resolveSource(source);
      try {
        return await sessions.open(db, file, label, dispose);
      } catch (error) {
        await dispose?.();
        throw error;
      }
    },
    'bundle.discard': async ({ openId }) => ({ discarded: await sessions.discard(openId) }),
    'bundle.import': async ({ openId, confirmIssuer }) => {
      const session = sessions.get(openId);
      if (session === undefined) throw new NotFoundError('this bundle is no longer open; open it again');
      const fingerprint = session.preview.issuer.fingerprint;
      const known = findIssuer(db, fingerprint) !== undefined;
      if (!known && confirmIssuer === undefined) {
        throw new RequestError('issuer-not-confirmed', `the issuer ${fingerprint} is new on this workstation: confirm its fingerprint first`);
      }
      const jobId = jobs.start(async (progress) => {
        const bundle = await openBundle(session.file, confirmIssuer !== undefined ? { expectedIssuer: confirmIssuer } : {}, session.label);
        try {
          const result = await importOpenedBundle(
            context.workstation,
            bundle,
            { ...(confirmIssuer !== undefined ? { expectedIssuer: confirmIssuer } : {}), onProgress: ({ bytesDone, bytesTotal }) => progress(bytesDone, bytesTotal) },
            session.label,
          );
          if (result.outcome !== 'unchanged') context.onImported?.();
          return {
            outcome: result.outcome,
            roundId: result.roundId,
            bundleVersion: result.bundleVersion,
            ...(result.previousVersion !== undefined ? { previousVersion: result.previousVersion } : {}),
            documents: result.documents,
            bytes: result.bytes,
            keptSheets: result.keptSheets,
            reopened: result.reopened,
          };
        } finally {
          bundle.close();
          await sessions.discard(openId);
        }
      });
      return { jobId };
    },
    'job.get': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (job === undefined) throw new NotFoundError(`no job ${jobId}`);
      return job;
    },
    'round.get': async ({ roundId }) => roundView(db, roundId),
    'applicant.get': async ({ roundId, applicantId }) => applicantView(db, roundId, applicantId),
    'sheet.save': async ({ roundId, applicantId, draft }) => {
      const payload = storedPayload(db, roundId);
      const rubric = payload === undefined ? undefined : applicantRubric(payload, applicantId);
      if (rubric === undefined) throw new NotFoundError(`applicant "${applicantId}" is not in round "${roundId}"`);
      return saveSheet(db, roundId, applicantId, rubric, draft);
    },
    'search.query': async ({ roundId, query }) => context.search.query(roundId, query),
    'search.status': async ({ roundId }) => context.search.status(roundId),
  };

  return {
    handlers,
    close: async () => {
      await jobs.settle();
      await sessions.discardAll();
    },
  };
}

