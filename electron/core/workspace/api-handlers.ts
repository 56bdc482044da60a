// The API contract implemented over core services: one set of handlers for every host.
import path from 'node:path';
import type { ApiHandlers, AppInfo, BundleSource, ImportSummary, SearchHit, SearchStatus } from '../../../shared/api/contract';
import { openBundle } from '../bundle/read-bundle';
import { importOpenedBundle } from '../store/import-bundle';
import type { Workstation } from '../store/workstation';
import { findIssuer } from '../store/trust-store';
import { BundleSessions } from './bundle-sessions';
import { describeError, NotFoundError, RequestError } from './errors';
import { Jobs } from './jobs';
import { applicantView, listRoundSummaries, payloadOf, roundView } from './round-views';
import { loadSheet, saveSheet } from './sheets';
import { blankScoreWorkbookBytes, readFilledScoreWorkbook } from '../spreadsheet';
import { applicantRubric, assignedApplicants } from '../../../shared/round/lookup';
import { findRound } from '../store/round-repository';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import type { IdentityView } from '../../../shared/api/contract';
import { IdentityStore } from '../identity/identity';
import { bindExpert, currentBinding } from './bindings';
import { exportScores, exportStatus } from './score-export';
import { readFile } from 'node:fs/promises';
import { Secretariat, type PrintPdf } from './secretariat';
import { removeRound, unexportedSheets } from './remove-round';
import { printPdf } from '../report/print-pdf';
import { builderHandlers } from './builder-handlers';
import { RoundDrafts } from './round-drafts';

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
  /** Prints report HTML to PDF: Electron's printToPDF in the app, Chromium elsewhere. */
  printPdf?: PrintPdf;
}

export interface Workspace {
  handlers: ApiHandlers;
  /** The secretariat's rounds in preparation (the hosts serve their packed bundles as files). */
  drafts: RoundDrafts;
  close(): Promise<void>;
}

export function createWorkspace(context: HandlerContext): Workspace {
  const { db } = context.workstation;
  const sessions = new BundleSessions();
  const jobs = new Jobs<ImportSummary>(describeError);
  const identity = new IdentityStore(context.workstation.dir);
  const exportsDir = path.join(context.workstation.dir, 'exports');

  const identityView = async (): Promise<IdentityView> => {
    const status = await identity.status();
    return status.identity === undefined ? { exists: false } : { exists: true, name: status.identity.name, fingerprint: status.identity.fingerprint, publicKey: status.identity.publicKey };
  };
  const bindingOf = async () => {
    const status = await identity.status();
    return (payload: BundlePayload) => currentBinding(db, payload, status.identity);
  };
  /** The expert this workstation scores as in the round; refuses when not bound. */
  const boundExpert = async (roundId: string) => {
    const payload = payloadOf(db, roundId);
    const binding = (await bindingOf())(payload);
    if (binding.state !== 'bound') throw new RequestError(binding.state === 'no-identity' ? 'no-identity' : 'not-bound', binding.state === 'no-identity' ? 'create your expert identity first' : 'choose who you are in the roster of this round first');
    return { payload, expertId: binding.expertId };
  };
  const secretariat = new Secretariat(db, context.info.version, context.printPdf ?? printPdf);
  /** Runs `use` on the sources' local files (a chosen folder's files), then removes temporary uploads. */
  const withSources = async <T>(sources: readonly BundleSource[], use: (files: { file: string; label: string }[]) => Promise<T>): Promise<T> => {
    const resolved: { file: string; label: string; dispose?: () => Promise<void> }[] = [];
    try {
      for (const source of sources) resolved.push(await context.resolveSource(source));
      return await use(resolved);
    } finally {
      for (const { dispose } of resolved) await dispose?.();
    }
  };
  /** Runs `use` on a source's local file, then removes a temporary upload. */
  const withSource = <T>(source: BundleSource, use: (file: string, label: string) => Promise<T>): Promise<T> => withSources([source], ([resolved]) => use(resolved!.file, resolved!.label));
  const drafts = new RoundDrafts(path.join(context.workstation.dir, 'round-drafts'));
  const builder = builderHandlers(drafts, withSources);
  const publicFile = (fileName: string, content: string) => ({ fileName, mimeType: 'application/json', base64: Buffer.from(content, 'utf8').toString('base64') });

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
    'round.get': async ({ roundId }) => roundView(db, roundId, await bindingOf()),
    'applicant.get': async ({ roundId, applicantId }) => applicantView(db, roundId, applicantId, await bindingOf()),
    'sheet.save': async ({ roundId, applicantId, draft }) => {
      const payload = payloadOf(db, roundId);
      const binding = (await bindingOf())(payload);
      const rubric = applicantRubric(payload, applicantId);
      const assigned = binding.state !== 'bound' || assignedApplicants(payload, binding.expertId).some((applicant) => applicant.id === applicantId);
      if (rubric === undefined || !assigned) throw new NotFoundError(`applicant "${applicantId}" is not in round "${roundId}" or not assigned to you`);
      return saveSheet(db, roundId, applicantId, rubric, draft);
    },
    'identity.status': identityView,
    'identity.create': async ({ name, passphrase }) => {
      await identity.create(name, passphrase);
      return identityView();
    },
    'identity.changePassphrase': async ({ current, next }) => {
      await identity.changePassphrase(current, next);
      return { changed: true as const };
    },
    'identity.exportPublic': async () => {
      const pub = await identity.publicIdentity();
      return publicFile(`${pub.name}-${pub.fingerprint.slice(0, 9)}.pub`, `${JSON.stringify(pub, null, 2)}\n`);
    },
    'identity.backup': async () => {
      const pub = await identity.publicIdentity();
      return publicFile(`${pub.name}-${pub.fingerprint.slice(0, 9)}-backup.key`, await identity.backup());
    },
    'identity.restore': async ({ content, passphrase, fileName }) => {
      await identity.restore(content, passphrase, fileName ?? 'backup');
      return identityView();
    },
    'round.bind': async ({ roundId, expertId }) => bindExpert(db, payloadOf(db, roundId), (await identity.status()).identity, expertId),
    'scores.status': async ({ roundId }) => {
      const { payload, expertId } = await boundExpert(roundId);
      return exportStatus(db, payload, expertId);
    },
    'scores.export': async ({ roundId, passphrase, final }) => {
      const { payload, expertId } = await boundExpert(roundId);
      return exportScores({ db, exportsDir, payload, manifestSha256: findRound(db, roundId)!.manifestSha256, identity, passphrase, expertId, final, appVersion: context.info.version });
    },
    'scores.download': async ({ roundId, revision }) => {
      const { payload, expertId } = await boundExpert(roundId);
      const record = exportStatus(db, payload, expertId).history.find((entry) => entry.revision === revision);
      if (record === undefined) throw new NotFoundError(`no exported revision ${revision}`);
      const bytes = await readFile(path.join(exportsDir, record.fileName));
      return { fileName: record.fileName, mimeType: 'application/json', base64: bytes.toString('base64') };
    },
    'spreadsheet.blank': async ({ roundId }) => {
      const { payload, expertId } = await boundExpert(roundId);
      const drafts = new Map(
        assignedApplicants(payload, expertId).flatMap((applicant) => {
          const sheet = loadSheet(db, roundId, applicant.id, applicantRubric(payload, applicant.id)!);
          return sheet === null ? [] : [[applicant.id, sheet.draft] as const];
        }),
      );
      const expert = payload.experts.find((candidate) => candidate.id === expertId)!;
      const { bytes } = await blankScoreWorkbookBytes({ round: payload, expertId, expertName: expert.name, bundleId: payload.bundleId, bundleVersion: payload.bundleVersion, drafts });
      return { fileName: `${payload.round.id}-${expertId}-评分表.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(bytes).toString('base64') };
    },
    'spreadsheet.import': async ({ roundId, base64 }) => {
      const { payload, expertId } = await boundExpert(roundId);
      const filled = await readFilledScoreWorkbook(Buffer.from(base64, 'base64'), { round: payload, expertId });
      const updated: string[] = [];
      db.transaction(() => {
        for (const [applicantId, draft] of filled.drafts) {
          saveSheet(db, roundId, applicantId, applicantRubric(payload, applicantId)!, draft);
          updated.push(applicantId);
        }
      })();
      return {
        updated,
        problems: filled.problems.map((problem) => ({ sheet: problem.sheet, cell: problem.cell, ...(problem.applicantId !== undefined ? { applicantId: problem.applicantId } : {}), message: problem.message })),
      };
    },
    'round.removeCheck': async ({ roundId }) => ({ unexportedSheets: unexportedSheets(context.workstation, roundId) }),
    'round.remove': async ({ roundId }) => removeRound(context.workstation, roundId),
    'merges.list': async () => secretariat.list(),
    'merge.create': async ({ source }) => secretariat.view(await withSource(source, (file, label) => secretariat.create(file, label))),
    'merge.addFiles': async ({ mergeId, sources }) => {
      for (const source of sources) await withSource(source, async (file, label) => secretariat.addFile(mergeId, label, await readFile(file)));
      return secretariat.view(mergeId);
    },
    'merge.removeFile': async ({ mergeId, file }) => {
      secretariat.removeFile(mergeId, file);
      return secretariat.view(mergeId);
    },
    'merge.get': async ({ mergeId, method }) => secretariat.view(mergeId, method),
    'merge.sheets': async ({ mergeId, applicantId }) => secretariat.sheets(mergeId, applicantId),
    'merge.decide': async ({ mergeId, categoryId, applicantId, decision }) => secretariat.decide(mergeId, categoryId, applicantId, decision),
    'merge.export': async ({ mergeId, kind, chairName }) => secretariat.export(mergeId, kind, chairName),
    'merge.delete': async ({ mergeId }) => ({ deleted: secretariat.delete(mergeId) }),
    'search.query': async ({ roundId, query }) => context.search.query(roundId, query),
    'search.status': async ({ roundId }) => context.search.status(roundId),
    ...builder.handlers,
  };

  return {
    handlers,
    drafts,
    close: async () => {
      await jobs.settle();
      await builder.jobs.settle();
      await sessions.discardAll();
    },
  };
}

