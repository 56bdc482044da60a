// The benchmark's baseline: pdf.js's own components viewer wired exactly as its
// examples/components/simpleviewer.mjs does, with pdf.js defaults (pdfjs-dist ships no generic
// viewer.html). Same worker, cMaps and fonts as ReviewDesk. Records page renders on window.__baseline.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const rendered: Record<number, number> = {};
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const findController = new PDFFindController({ eventBus, linkService });
const container = document.getElementById('viewerContainer') as HTMLDivElement;
const viewer = new PDFViewer({ container, eventBus, linkService, findController });
linkService.setViewer(viewer);

eventBus.on('pagesinit', () => {
  viewer.currentScaleValue = 'page-width';
});
eventBus.on('pagerendered', (event: { pageNumber: number }) => {
  rendered[event.pageNumber] ??= performance.now();
});

const baseline = {
  rendered,
  openedAt: 0,
  goToPage: (page: number) => {
    viewer.currentPageNumber = page;
  },
};
(window as unknown as { __baseline: typeof baseline }).__baseline = baseline;

const url = new URLSearchParams(location.search).get('file') ?? '';
baseline.openedAt = performance.now();
const loadingTask = getDocument({ url, cMapUrl: './pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: './pdfjs/standard_fonts/' });
void loadingTask.promise.then((pdf) => {
  viewer.setDocument(pdf);
  linkService.setDocument(pdf, null);
});
