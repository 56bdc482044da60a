export {
  scoreFilePayloadSchema,
  scoreSheetSchema,
  SCORES_PAYLOAD_TYPE,
  sheetFileSchema,
  sheetInputSchema,
  type ScoreFilePayload,
  type ScoreSheet,
  type SheetFile,
  type SheetInput,
} from './schema';
export { sheetRuleProblems, validateScoreSheet, validateSheet } from './validate';
export { completeSheet, sheetIneligible } from './complete';
export { validateSheetFile, type SheetFileOptions } from './sheet-file';
