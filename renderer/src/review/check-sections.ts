// Which part of the application a checklist item is about: the bundle's sections are titled after
// the material checklist (营业执照, 信用报告, 合同关键页 …), so a check whose label names a
// section's title jumps to that section's page.
import type { DocumentView } from '../../../shared/api/contract';

export interface SectionTarget {
  documentId: string;
  page: number;
  title: string;
}

export function sectionForCheck(label: string, documents: readonly DocumentView[]): SectionTarget | null {
  const text = label.replace(/\s+/g, '');
  let best: SectionTarget | null = null;
  for (const document of documents) {
    for (const section of document.sections) {
      const title = section.title.replace(/\s+/g, '');
      if (title.length >= 2 && text.includes(title) && (best === null || title.length > best.title.length)) {
        best = { documentId: document.id, page: section.page, title };
      }
    }
  }
  return best;
}
