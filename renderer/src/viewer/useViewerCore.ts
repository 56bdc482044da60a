// Wires pdf.js's viewer components the way examples/components/simpleviewer.mjs does:
// EventBus → PDFLinkService → PDFFindController → PDFViewer. No scripting manager (PDF
// JavaScript never runs); the annotation layer shows links but no form fields; external links
// are disabled (the app is offline and never navigates).
import { useEffect, useState, type RefObject } from 'react';
import { AnnotationMode } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from './pdfjsViewer';

export interface ViewerCore {
  eventBus: EventBus;
  linkService: PDFLinkService;
  findController: PDFFindController;
  viewer: PDFViewer;
}

export function useViewerCore(container: RefObject<HTMLDivElement | null>): ViewerCore | null {
  const [core, setCore] = useState<ViewerCore | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    linkService.externalLinkEnabled = false;
    const findController = new PDFFindController({ eventBus, linkService });
    const viewer = new PDFViewer({
      container: element,
      eventBus,
      linkService,
      findController,
      annotationMode: AnnotationMode.ENABLE,
      enableAutoLinking: false,
      imagesRightClickMinSize: -1,
    });
    linkService.setViewer(viewer);
    setCore({ eventBus, linkService, findController, viewer });
    return () => {
      viewer.setDocument(null);
      linkService.setDocument(null);
      setCore(null);
    };
  }, [container]);
  return core;
}

/** Shows `document` in the viewer; detaches it again before it is destroyed. */
export function useViewerDocument(core: ViewerCore | null, document: PDFDocumentProxy | null): void {
  useEffect(() => {
    if (!core || !document) return undefined;
    core.viewer.setDocument(document);
    core.linkService.setDocument(document, null);
    return () => {
      core.viewer.setDocument(null);
      core.linkService.setDocument(null);
    };
  }, [core, document]);
}

type Listener = (event: Record<string, unknown>) => void;

/** Subscribes to EventBus events for the lifetime of `core`; `listeners` may change freely. */
export function useViewerEvents(core: ViewerCore | null, listeners: RefObject<Record<string, Listener>>, names: readonly string[]): void {
  const joined = names.join(',');
  useEffect(() => {
    if (!core) return undefined;
    const bound = joined.split(',').map((name) => {
      const listener: Listener = (event) => listeners.current[name]?.(event);
      core.eventBus.on(name, listener);
      return [name, listener] as const;
    });
    return () => {
      for (const [name, listener] of bound) core.eventBus.off(name, listener);
    };
  }, [core, listeners, joined]);
}
