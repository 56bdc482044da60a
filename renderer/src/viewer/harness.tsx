// Standalone page for browser tests and benchmarks: <DocumentTabs> over the PDFs named in the
// query string, with the viewer handle and a log of viewer events on window.__viewerHarness.
//   viewer-harness.html?doc=/corpus/a.pdf&doc=/corpus/b.pdf&lang=en&page=3
//   &section=0:2:营业执照   (document index : page : title; repeatable)
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import i18n from '../i18n';
import { DocumentTabs } from './DocumentTabs';
import type { PdfViewerHandle, ViewerDocument, ViewerEvent, ViewerSection } from './types';

interface ViewerHarness {
  handle: PdfViewerHandle | null;
  events: string[];
  activate(id: string): void;
}

declare global {
  interface Window {
    __viewerHarness: ViewerHarness;
  }
}

const params = new URLSearchParams(location.search);
const english = params.get('lang') === 'en';
if (english) void i18n.changeLanguage('en');

function parseSections(): Map<number, ViewerSection[]> {
  const byDocument = new Map<number, ViewerSection[]>();
  for (const raw of params.getAll('section')) {
    const [doc, page, ...title] = raw.split(':');
    const list = byDocument.get(Number(doc)) ?? [];
    list.push({ page: Number(page), title: title.join(':') });
    byDocument.set(Number(doc), list);
  }
  return byDocument;
}

const sections = parseSections();
const documents: ViewerDocument[] = params.getAll('doc').map((url, index) => ({
  id: `d${index}`,
  title: decodeURIComponent(url.split('/').pop() ?? url),
  url,
  sections: sections.get(index),
}));

const harness: ViewerHarness = { handle: null, events: [], activate: () => undefined };
window.__viewerHarness = harness;

function describe(event: ViewerEvent): string {
  return Object.entries(event).map(([key, value]) => (key === 'type' ? String(value) : `${key}=${String(value)}`)).join(' ');
}

function Harness() {
  const [activeId, setActiveId] = useState(documents[0]?.id ?? '');
  harness.activate = setActiveId;
  return (
    <DocumentTabs
      ref={(handle) => {
        harness.handle = handle;
      }}
      documents={documents}
      activeId={activeId}
      onChange={setActiveId}
      onViewerEvent={(event) => {
        harness.events.push(`${describe(event)} at=${Math.round(performance.now())}`);
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' } }}>
      <Harness />
    </ConfigProvider>
  </StrictMode>,
);
