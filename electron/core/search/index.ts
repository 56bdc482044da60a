// The search feature's public API: the text index, search across a round, and background indexing.
export { extractPages, TextExtractionError, DEFAULT_LIMITS, type ExtractLimits, type ExtractOptions, type PageText } from './extract-text';
export { pendingDocuments, recordDocumentText, recordFailure, indexStatus, documentTextStatus, type IndexStatus, type PendingDocument, type DocumentTextStatus } from './text-index';
export { searchRound, type SearchHit } from './search-round';
export type { Snippet } from './snippet';
export { startTextIndexing, indexPendingInline, type TextIndexing, type TextIndexingOptions } from './indexer';
export type { IndexProgress, IndexSummary } from './indexer-messages';
export { packagedPdfjsAssets, type PdfjsAssets } from './pdfjs-assets';
