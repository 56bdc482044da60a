// Public types of the PDF viewer (re-exported from ./index).

export interface ViewerSection {
  title: string;
  /** 1-based page number in the document. */
  page: number;
}

export interface ViewerDocument {
  id: string;
  title: string;
  url: string;
  sections?: ViewerSection[];
}

export interface PdfViewerHandle {
  goToPage(page: number): void;
  find(query: string): void;
  nextPage(): void;
  previousPage(): void;
  focus(): void;
}

/** Diagnostics for tests and benchmarks (the harness records them). */
export type ViewerEvent =
  | { type: 'documentloaded'; pages: number; ms: number }
  | { type: 'loaderror'; kind: string }
  | { type: 'pagechange'; page: number; pages: number }
  | { type: 'pagerendered'; page: number; ms: number; sinceOpen: number }
  | { type: 'findcount'; current: number; total: number }
  | { type: 'findstate'; state: 'found' | 'notFound' | 'pending' | 'wrapped' };
