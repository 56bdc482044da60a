// The PDF viewer the expert reads applications with.
export { PdfViewer, type PdfViewerProps } from './PdfViewer';
export { DocumentTabs, type DocumentTabsProps } from './DocumentTabs';
export type { PdfViewerHandle, ViewerDocument, ViewerEvent, ViewerSection } from './types';
