// The 目录 entries: the bundle's sections, then the PDF's own outline resolved to pages.
import { useEffect, useMemo, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { resolveOutline, sectionEntries, type OutlineEntry, type OutlineSource } from './logic/outline';
import type { ViewerSection } from './types';

export interface OutlineLists {
  sections: OutlineEntry[];
  bookmarks: OutlineEntry[];
  loading: boolean;
}

const NONE: OutlineEntry[] = [];

export function useOutline(document: PDFDocumentProxy | null, sections: ViewerSection[] | undefined): OutlineLists {
  const [resolved, setResolved] = useState<{ document: PDFDocumentProxy | null; bookmarks: OutlineEntry[] }>({ document: null, bookmarks: [] });
  useEffect(() => {
    if (!document) return undefined;
    let active = true;
    const pages = document.numPages;
    document.getOutline()
      .then((outline) => resolveOutline(outline as OutlineSource[] | null, document, pages))
      .catch(() => [])
      .then((bookmarks) => {
        if (active) setResolved({ document, bookmarks });
      });
    return () => {
      active = false;
    };
  }, [document]);
  const pages = document?.numPages ?? 0;
  const bookmarks = resolved.document === document ? resolved.bookmarks : NONE;
  const loading = !!document && resolved.document !== document;
  // Stable between page changes, so the memoised sidebar does not rebuild the lists.
  return useMemo(() => ({
    sections: document ? sectionEntries(sections, pages) : NONE,
    bookmarks,
    loading,
  }), [document, sections, pages, bookmarks, loading]);
}
