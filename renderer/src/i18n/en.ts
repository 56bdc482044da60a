import type { zhCN } from './zh-CN';

import type { Same } from './same';

export const en: Same<typeof zhCN> = {
  app: { title: 'ReviewDesk', language: 'Language' },
  viewer: {
    label: 'PDF reader: {{title}}',
    sidebar: { show: 'Show sidebar', hide: 'Hide sidebar', outline: 'Outline', thumbnails: 'Pages', find: 'Find' },
    toolbar: {
      pageBefore: 'Page',
      pageAfter: 'of {{pages}}',
      pageInput: 'Page number',
      pageHint: 'Enter a page number from 1 to {{pages}}',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fitWidth: 'Fit width',
      zoom: 'Zoom',
    },
    outline: {
      sections: 'Sections',
      bookmarks: 'Bookmarks',
      empty: 'This document has no contents',
      page: 'Page {{page}}',
      noPage: 'Cannot locate the page',
    },
    thumbnails: { page: 'Page {{page}}' },
    find: {
      placeholder: 'Find in this document',
      next: 'Next match (Enter)',
      previous: 'Previous match (Shift+Enter)',
      searching: 'Searching…',
      notFound: 'Not found',
      count: 'Match {{current}} of {{total}}',
      hint: 'Enter finds the next match, Shift+Enter the previous one',
    },
    loading: { opening: 'Opening document…', progress: 'Opening document… {{percent}}%' },
    error: {
      password: { title: 'This PDF is password-protected', detail: 'ReviewDesk cannot open encrypted documents. Ask the secretariat for an unencrypted file; your other documents and scores are not affected.' },
      invalid: { title: 'The file is damaged or not a PDF', detail: 'This document cannot be shown. Ask the secretariat to provide the file again; your other documents and scores are not affected.' },
      missing: { title: 'Document not found', detail: 'The file is not in the local document store. Import the review bundle again, or contact the secretariat.' },
      network: { title: 'Could not read the document', detail: 'Reading the file failed. Click “Try again”; if it still fails, restart ReviewDesk.' },
      unknown: { title: 'Could not open this document', detail: 'An unexpected error occurred. Click “Try again”; if it still fails, contact the secretariat.' },
      retry: 'Try again',
      technical: 'Technical details: {{detail}}',
    },
    tabs: { label: 'Documents', empty: 'No documents to show' },
  },
};
