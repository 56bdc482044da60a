// pdf_viewer.mjs reads pdf.js from `globalThis.pdfjsLib`, which pdf.mjs sets when it is
// evaluated: importing ./pdfjs first guarantees that order.
import './pdfjs';
import 'pdfjs-dist/web/pdf_viewer.css';

export { EventBus, PDFFindController, PDFLinkService, PDFViewer, RenderingStates } from 'pdfjs-dist/web/pdf_viewer.mjs';
