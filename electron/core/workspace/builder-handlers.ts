// The round builder's part of the API contract: templates, rounds in preparation and their
// edits, a new secretariat key, and packing (a background job with progress).
import type { ApiHandlers, BundleSource, PackRecord } from '../../../shared/api/contract';
import { generateKey } from '../keys/secret-key';
import { parseSecretKeyText, unlockSecretKeyFile } from '../keys/key-file';
import { applicantListTemplate, listingFromFiles, listTemplates, type ExpertInput } from '../round-builder';
import { describeError, NotFoundError } from './errors';
import { Jobs } from './jobs';
import type { RoundDrafts } from './round-drafts';

type BuilderChannel = Extract<keyof ApiHandlers, `builder.${string}`>;
export type BuilderHandlers = Pick<ApiHandlers, BuilderChannel>;

/** Resolves sources to local files, runs `use`, then removes temporary uploads. */
export type WithSources = <T>(sources: readonly BundleSource[], use: (files: { file: string; label: string }[]) => Promise<T>) => Promise<T>;

/** How refusals name a chosen folder: its own name, when the browser gave one. */
const folderLabel = (name: string | undefined) => (name !== undefined && name !== '' ? name : '所选文件夹');

export function builderHandlers(drafts: RoundDrafts, withSources: WithSources): { handlers: BuilderHandlers; jobs: Jobs<PackRecord> } {
  const jobs = new Jobs<PackRecord>(describeError);
  const jsonFile = (fileName: string, content: unknown) => ({ fileName, mimeType: 'application/json', base64: Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8').toString('base64') });
  const handlers: BuilderHandlers = {
    'builder.templates': async () => listTemplates(),
    'builder.list': async () => drafts.list(),
    'builder.create': async ({ templateId, info }) => drafts.create(templateId, info),
    'builder.get': async ({ draftId }) => drafts.view(draftId),
    'builder.setExample': async ({ draftId, key, value }) => drafts.setExample(draftId, key, value),
    'builder.listTemplate': async ({ draftId }) => {
      const { round } = await drafts.view(draftId);
      return { fileName: `${round.round.id}-申报者名单.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await applicantListTemplate(round)).toString('base64') };
    },
    'builder.openFolder': async ({ name, files }) =>
      withSources(
        files.map((file) => file.source),
        (local) => drafts.openFolder(folderLabel(name), files.map((file, i) => ({ path: file.path, source: local[i]!.file }))),
      ),
    'builder.setInfo': async ({ draftId, info }) => drafts.setInfo(draftId, info),
    'builder.addApplicants': async ({ draftId, from, category }) => {
      if (from.kind === 'list') return withSources([from.source], ([list]) => drafts.addApplicants(draftId, { kind: 'list', list: list! }, category));
      return withSources(
        from.files.map((file) => file.source),
        async (files) => {
          const listing = listingFromFiles(from.files.map((file, i) => ({ path: file.path, source: files[i]!.file })));
          return drafts.addApplicants(draftId, { kind: 'folder', label: folderLabel(from.name), listing }, category);
        },
      );
    },
    'builder.addExperts': async ({ draftId, from }) => {
      if (from.kind === 'list') return withSources([from.source], ([list]) => drafts.addExperts(draftId, { kind: 'list', list: list! }));
      const experts: ExpertInput[] = from.experts.map((expert) => ({
        ...(expert.id !== undefined && expert.id.trim() !== '' ? { id: expert.id.trim() } : {}),
        ...(expert.name !== undefined ? { name: expert.name } : {}),
        ...(expert.pub !== undefined ? { pubFile: expert.pub.fileName, pubText: expert.pub.text } : {}),
        ...(expert.assigned !== undefined ? { assigned: expert.assigned } : {}),
      }));
      return drafts.addExperts(draftId, { kind: 'entries', experts });
    },
    'builder.assign': async ({ draftId, expertId, targets, replace }) => drafts.assign(draftId, expertId, targets, replace === true),
    'builder.setFacts': async ({ draftId, applicantId, facts }) => drafts.setFacts(draftId, applicantId, facts),
    'builder.remove': async ({ draftId, kind, id }) => drafts.remove(draftId, kind, id),
    'builder.keygen': async ({ name, passphrase }) => {
      const { secret, identity } = generateKey(name, passphrase);
      const base = `${name}-${identity.fingerprint.slice(0, 9)}`;
      return { fingerprint: identity.fingerprint, key: jsonFile(`${base}.key`, secret), pub: jsonFile(`${base}.pub`, identity) };
    },
    'builder.pack': async ({ draftId, key, passphrase }) => {
      await drafts.view(draftId); // an unknown round is refused before the key is unlocked
      const unlocked = unlockSecretKeyFile(parseSecretKeyText(key.text, key.fileName), passphrase, key.fileName);
      const jobId = jobs.start(async (progress) => {
        try {
          return await drafts.pack(draftId, unlocked, progress);
        } finally {
          unlocked.dispose();
        }
      });
      return { jobId };
    },
    'builder.packJob': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (job === undefined) throw new NotFoundError(`no job ${jobId}`);
      return job;
    },
    'builder.delete': async ({ draftId }) => ({ deleted: await drafts.delete(draftId) }),
  };
  return { handlers, jobs };
}
