// `reviewdesk round …`: the secretariat builds round/round.json step by step — from a template,
// applicants from a folder of PDFs or a list, experts with their .pub files, assignments, facts —
// checks it, and then `reviewdesk pack` signs it. Each step reads round.json, applies one edit of
// core/round-builder, and writes the folder back (documents copied in, round.json replaced
// atomically); a refused step changes nothing.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import type { FactValue, RoundDefinition } from '../../../shared/round/schema';
import {
  addExperts,
  applicantListTemplate,
  applicantsFromFolder,
  applicantsFromList,
  assign,
  checkRoundFolder,
  expertsFromList,
  formatBuildProblem,
  listTemplates,
  newRoundFromTemplate,
  parseNumber,
  readRoundFolder,
  RoundBuildError,
  setFacts,
  splitList,
  writeRoundFolder,
  type DocumentSource,
  type ExpertInput,
} from '../../core/round-builder';
import { Rejection } from '../../core/rejection';
import { UsageError } from '../usage';
import type { CommandContext } from '../context';

export const ROUND_OPTIONS = {
  template: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  organizer: { type: 'string' },
  stage: { type: 'string' },
  'scoring-closes': { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  category: { type: 'string' },
  name: { type: 'string' },
  pub: { type: 'string', multiple: true },
  assign: { type: 'string', multiple: true },
  expert: { type: 'string' },
  to: { type: 'string', multiple: true },
  replace: { type: 'boolean' },
  applicant: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const;

const SUBCOMMANDS: Record<string, (context: CommandContext) => Promise<number>> = {
  templates,
  new: newRound,
  'add-applicants': addApplicantsCommand,
  'add-experts': addExpertsCommand,
  assign: assignCommand,
  facts: factsCommand,
  check,
  'list-template': listTemplateCommand,
};

export async function round(context: CommandContext): Promise<number> {
  const sub = context.requirePositional(`a subcommand (${Object.keys(SUBCOMMANDS).join(', ')})`);
  const run = SUBCOMMANDS[sub];
  if (run === undefined) throw new UsageError(`unknown round subcommand "${sub}" (one of ${Object.keys(SUBCOMMANDS).join(', ')})`);
  const wanted = sub === 'templates' || sub === 'new' ? 1 : 2;
  if (context.positionals.length > wanted) throw new UsageError(`unexpected argument "${context.positionals[wanted]}"`);
  return run(context);
}

/** A refusal of a pure edit names no file: name round.json. */
async function onRound<T>(dir: string, edit: () => T | Promise<T>): Promise<T> {
  try {
    return await edit();
  } catch (error) {
    if (error instanceof RoundBuildError && error.file === '') throw new RoundBuildError(path.join(dir, 'round.json'), error.detail, error.problems, { code: error.code });
    throw error;
  }
}

async function save(context: CommandContext, dir: string, next: RoundDefinition, documents: DocumentSource[], report: Record<string, unknown>, lines: string[]): Promise<number> {
  const written = await writeRoundFolder(next, dir, { documents });
  context.report({ ok: true, file: written.file, copied: written.copied.length, ...report }, [...lines, `wrote ${written.file}${written.copied.length > 0 ? ` (${written.copied.length} documents copied in)` : ''}`]);
  return 0;
}

async function templates(context: CommandContext): Promise<number> {
  const list = await listTemplates();
  context.report(
    { ok: true, templates: list },
    list.flatMap((template) => [`${template.id}  ${template.title}`, ...template.categories.map((category) => `    ${category.id}  ${category.title}`)]),
  );
  return 0;
}

async function newRound(context: CommandContext): Promise<number> {
  const templateId = context.requireOption('template');
  const id = context.requireOption('id');
  const title = context.requireOption('title');
  const out = context.requireOption('out');
  const optional = (name: string) => context.option(name);
  const next = await onRound(out, () =>
    newRoundFromTemplate(templateId, {
      id,
      title,
      ...(optional('organizer') !== undefined ? { organizer: optional('organizer')! } : {}),
      ...(optional('stage') !== undefined ? { stage: optional('stage')! } : {}),
      ...(optional('scoring-closes') !== undefined ? { scoringCloses: optional('scoring-closes')! } : {}),
    }),
  );
  const written = await writeRoundFolder(next, out, { create: true });
  context.report(
    { ok: true, file: written.file, roundId: id, template: templateId, categories: next.categories.map((category) => ({ id: category.id, title: category.title })) },
    [`wrote ${written.file}: round ${id} ${title} from template ${templateId}`, ...next.categories.map((category) => `  category ${category.id}  ${category.title}`), 'next: reviewdesk round add-applicants DIR --from FOLDER|LIST.xlsx|LIST.csv'],
  );
  return 0;
}

async function addApplicantsCommand(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const from = context.requireOption('from');
  const category = context.option('category');
  const current = await readRoundFolder(dir);
  let isFolder: boolean;
  try {
    isFolder = (await stat(from)).isDirectory();
  } catch {
    throw new Rejection(from, 'not found', { code: 'not-found' });
  }
  const options = category !== undefined ? { category } : {};
  const result = isFolder ? await applicantsFromFolder(from, current, options) : await applicantsFromList(from, current, options);
  const added = result.round.applicants.slice(current.applicants.length);
  const extended = (result.extended ?? []).map((id) => ({ id, documents: result.documents.filter((document) => document.path.startsWith(`${id}/`)).length }));
  return save(
    context,
    dir,
    result.round,
    result.documents,
    { added: added.map((applicant) => ({ id: applicant.id, name: applicant.name, category: applicant.category, documents: applicant.documents.length })), extended },
    [
      `added ${added.length} applicants from ${from}:`,
      ...added.map((applicant) => `  ${applicant.id}  ${applicant.name}  (${applicant.category}, ${applicant.documents.length} documents)`),
      ...extended.map((applicant) => `  ${applicant.id}  +${applicant.documents} documents (already in the round)`),
    ],
  );
}

async function addExpertsCommand(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const from = context.option('from');
  const name = context.option('name');
  const id = context.option('id');
  const pubs = context.options('pub');
  const assigned = context.options('assign').flatMap(splitList);
  let inputs: ExpertInput[] | undefined;
  if (from !== undefined) {
    if (name !== undefined || id !== undefined || pubs.length > 0 || assigned.length > 0) throw new UsageError('--from LIST takes no --name, --id, --pub or --assign (the list has them)');
  } else if (name !== undefined) {
    if (pubs.length > 1) throw new UsageError('one --pub with --name (several --pub without --name add one expert each, named from the files)');
    inputs = [{ name, ...(id !== undefined ? { id } : {}), ...(pubs[0] !== undefined ? { pubFile: pubs[0] } : {}), assigned }];
  } else if (pubs.length > 0) {
    if (id !== undefined && pubs.length > 1) throw new UsageError('--id names one expert: give one --pub with it');
    inputs = pubs.map((pubFile) => ({ pubFile, ...(id !== undefined ? { id } : {}), assigned }));
  } else throw new UsageError('give --name NAME (with --pub FILE.pub if you have it), --pub FILE.pub…, or --from LIST');
  const current = await readRoundFolder(dir);
  const result = inputs === undefined ? await expertsFromList(from!, current) : await onRound(dir, () => addExperts(current, inputs));
  return save(context, dir, result.round, [], { added: result.added.map((expert) => ({ ...expert, assigned: result.round.experts.find((e) => e.id === expert.id)!.assigned })) }, [
    `added ${result.added.length} experts:`,
    ...result.added.map((expert) => {
      const assignedTo = result.round.experts.find((e) => e.id === expert.id)!.assigned;
      return `  ${expert.id}  ${expert.name}  ${expert.fingerprint ?? '(no key: the expert chooses their entry once)'}  assigned: ${assignedTo.length > 0 ? assignedTo.join(', ') : 'nothing yet'}`;
    }),
  ]);
}

async function assignCommand(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const expert = context.requireOption('expert');
  const targets = context.options('to').flatMap(splitList);
  if (targets.length === 0) throw new UsageError('missing --to ID,ID (category or applicant ids)');
  const current = await readRoundFolder(dir);
  const next = await onRound(dir, () => assign(current, expert, targets, { replace: context.flag('replace') }));
  const assigned = next.experts.find((candidate) => candidate.id === expert)!.assigned;
  return save(context, dir, next, [], { expert, assigned }, [`${expert} assigned: ${assigned.join(', ')}`]);
}

/** `--set staff=20 --set 类型=设计 --set member=true --set old=` (empty removes). */
async function factsCommand(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const applicant = context.requireOption('applicant');
  const sets = context.options('set');
  if (sets.length === 0) throw new UsageError('missing --set KEY=VALUE');
  const facts: Record<string, FactValue | null> = {};
  for (const entry of sets) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new UsageError(`--set takes KEY=VALUE, got "${entry}"`);
    const value = entry.slice(at + 1).trim();
    const number = parseNumber(value);
    facts[entry.slice(0, at).trim()] = value === '' ? null : value === 'true' ? true : value === 'false' ? false : number ?? value;
  }
  const current = await readRoundFolder(dir);
  const next = await onRound(dir, () => setFacts(current, applicant, facts));
  const now = next.applicants.find((candidate) => candidate.id === applicant)!.facts ?? {};
  return save(context, dir, next, [], { applicant, facts: now }, [`${applicant} facts: ${JSON.stringify(now)}`]);
}

async function check(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const report = await checkRoundFolder(dir);
  if (!report.ok) throw new RoundBuildError(report.file, `还不能打包：${report.problems.length} 个问题`, report.problems, { code: 'not-ready', warnings: report.warnings });
  const { summary } = report;
  context.report({ ok: true, file: report.file, warnings: report.warnings, summary }, [
    `${report.file}: ready to pack — round ${summary.roundId} ${summary.title}`,
    ...summary.categories.map((category) => `  ${category.id}  ${category.title}: ${category.applicants} applicants, ${category.experts} experts`),
    `  ${summary.applicants} applicants, ${summary.documents} documents, ${summary.experts} experts (${summary.expertsWithKey} with a key)`,
    ...(report.warnings.length > 0 ? ['提醒：', ...report.warnings.map((warning) => `  ${formatBuildProblem(warning)}`)] : []),
    'next: reviewdesk pack DIR --key FILE.key --out X.rdbundle',
  ]);
  return 0;
}

/** `round list-template DIR --out 名单.xlsx`: the applicant list to fill in Excel for this round. */
async function listTemplateCommand(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const out = context.requireOption('out');
  if (existsSync(out)) throw new Rejection(out, 'already exists; list-template never overwrites a file', { code: 'exists' });
  const current = await readRoundFolder(dir);
  await writeFile(out, await applicantListTemplate(current), { flag: 'wx' });
  context.report({ ok: true, file: out }, [`wrote ${out}: fill one row per applicant, then reviewdesk round add-applicants ${dir} --from ${out}`]);
  return 0;
}
