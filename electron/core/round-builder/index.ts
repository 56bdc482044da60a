// The secretariat's round builder: a round from a template, applicants from a folder of PDFs or a
// list, experts with their .pub files, assignments and facts, then the round folder that `pack`
// signs. Edits are pure functions over the round definition (edit.ts); reading folders, lists and
// key files and writing the round folder are the I/O at the edge. Every refusal is a
// RoundBuildError (a Rejection) carrying every problem with its row and column, file or JSON path.
export { type BuildProblem, buildProblemView, formatBuildProblem, RoundBuildError } from './problems';
export { findTemplatesDir, listTemplates, loadTemplate, newRoundFromTemplate, roundFromTemplate, withRoundInfo, type NewRoundInfo, type TemplateSummary } from './templates';
export {
  addApplicants,
  addExpertEntries,
  assign,
  nextFreeId,
  parseFolderName,
  removeApplicant,
  removeExpert,
  resolveCategory,
  setFacts,
  splitList,
  type NewApplicant,
  type NewExpert,
} from './edit';
export { applicantsFromFolder, applicantsFromListing, isPdfFile, listFolder, listingFromFiles, titleOfFile, type AddedApplicants, type ApplicantFolder, type DocumentSource, type FolderListing } from './folder';
export { applicantListTemplate } from './list-template';
export { exampleValues, setExampleValue, type ExampleValue } from './examples';
export { applicantsFromList, expertsFromList, knownFacts, parseNumber, type ListOptions } from './list';
export { addExperts, type AddedExperts, type ExpertInput } from './experts';
export { checkRound, checkRoundFolder, editableRound, readRoundFolder, ROUND_FILE, writeRoundFolder, type CheckReport, type WriteResult } from './round-folder';
export { decodeText, parseCsv, readTable, type Table, type TableRow } from './table';
