// pdf.js's parser, imported for its side effect (it registers the in-thread "fake worker").
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
