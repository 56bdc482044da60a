// Paper and spreadsheet scoring: the expert's score workbook (XLSX) out and back in.
export {
  blankScoreWorkbookBytes,
  writeBlankScoreWorkbook,
  type BlankScoreWorkbookBytes,
  type BlankScoreWorkbookOptions,
  type BlankScoreWorkbookResult,
  type WrittenCategorySheet,
} from './blank-sheet';
export {
  readFilledScoreWorkbook,
  type CellProblem,
  type FilledScoreWorkbook,
  type ReadFilledOptions,
  type ScoreWorkbookSource,
} from './read-filled';
export { WORKBOOK_FORMAT } from './layout';
