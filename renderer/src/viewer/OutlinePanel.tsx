// 目录: sections of the bundle, then the PDF's bookmarks; clicking an entry jumps to its page.
import { memo, useEffect, useRef } from 'react';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeEntryKey, type OutlineEntry } from './logic/outline';
import type { OutlineLists } from './useOutline';

interface Props {
  outline: OutlineLists;
  currentPage: number;
  onGoToPage(page: number): void;
}

/** The entry to highlight at `currentPage`: the last section (or, without sections, bookmark) at or before it. */
function activeKey({ sections, bookmarks }: OutlineLists, currentPage: number): string | null {
  return activeEntryKey([...sections, ...bookmarks].filter((e) => e.origin === (sections.length > 0 ? 'section' : 'pdf')), currentPage);
}

/** Re-renders only when the highlighted entry changes, not on every page. */
export function OutlinePanel({ outline, currentPage, onGoToPage }: Props) {
  return <OutlineContent outline={outline} active={activeKey(outline, currentPage)} onGoToPage={onGoToPage} />;
}

const OutlineContent = memo(function OutlineContent({ outline, active, onGoToPage }: { outline: OutlineLists; active: string | null; onGoToPage(page: number): void }) {
  const { t } = useTranslation();
  const { sections, bookmarks, loading } = outline;
  if (loading && sections.length === 0) return <div className="rd-viewer__panel-center"><Spin size="small" /></div>;
  if (sections.length === 0 && bookmarks.length === 0) {
    return <Empty className="rd-viewer__panel-center" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('viewer.outline.empty')} />;
  }
  return (
    <nav className="rd-viewer__outline" aria-label={t('viewer.sidebar.outline')}>
      {sections.length > 0 && <OutlineList heading={t('viewer.outline.sections')} entries={sections} active={active} onGoToPage={onGoToPage} />}
      {bookmarks.length > 0 && <OutlineList heading={t('viewer.outline.bookmarks')} entries={bookmarks} active={active} onGoToPage={onGoToPage} />}
    </nav>
  );
});

interface ListProps {
  heading: string;
  entries: OutlineEntry[];
  active: string | null;
  onGoToPage(page: number): void;
}

function OutlineList({ heading, entries, active, onGoToPage }: ListProps) {
  const { t } = useTranslation();
  const activeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    activeButton.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <section>
      <h4 className="rd-viewer__outline-heading">{heading}</h4>
      <ul className="rd-viewer__outline-list">
        {entries.map((entry) => (
          <li key={entry.key}>
            <button
              ref={entry.key === active ? activeButton : undefined}
              type="button"
              className={entry.key === active ? 'rd-viewer__outline-item is-active' : 'rd-viewer__outline-item'}
              style={{ paddingInlineStart: 8 + entry.depth * 14 }}
              disabled={entry.page === null}
              title={entry.page === null ? t('viewer.outline.noPage') : `${entry.title} · ${t('viewer.outline.page', { page: entry.page })}`}
              aria-current={entry.key === active ? 'location' : undefined}
              onClick={() => entry.page !== null && onGoToPage(entry.page)}
            >
              <span className="rd-viewer__outline-title">{entry.title}</span>
              {entry.page !== null && <span className="rd-viewer__outline-page">{entry.page}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
