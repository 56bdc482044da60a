// Review: the applicant's documents on the left (pdf.js), the scoring sheet on the right, in a
// resizable split that is remembered; previous/next applicant; the saved state always visible.
import { Button, Space, Splitter, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { formatTime } from '../common/format';
import { useRouter } from '../router';
import { DocumentTabs, type PdfViewerHandle, type ViewerEvent } from '../viewer';
import { SheetPanel } from './SheetPanel';
import { sectionForCheck } from './check-sections';
import { useSheet } from './sheet-store';
import { useReviewKeys } from './use-review-keys';

const SPLIT_KEY = 'reviewdesk.review.split';

function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const save = useSheet((sheet) => sheet.save);
  const text =
    save.kind === 'saved'
      ? t('review.saved', { time: formatTime(save.at, i18n.language).split(' ').at(-1) })
      : save.kind === 'saving' || save.kind === 'pending'
        ? t('review.saving')
        : save.kind === 'error'
          ? t('review.unsaved')
          : '';
  return (
    <Typography.Text type={save.kind === 'error' ? 'danger' : 'secondary'} data-testid="save-state" data-kind={save.kind}>
      {text}
    </Typography.Text>
  );
}

export function ReviewScreen({ roundId, applicantId, documentId, page }: { roundId: string; applicantId: string; documentId?: string; page?: number }) {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [view, setView] = useState<ApplicantView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [activeDocument, setActiveDocument] = useState<string | null>(null);
  const viewer = useRef<PdfViewerHandle>(null);
  const pendingPage = useRef<number | undefined>(undefined);
  const load = useSheet((sheet) => sheet.load);
  const flush = useSheet((sheet) => sheet.flush);
  const [sizes, setSizes] = useState<number[]>(() => JSON.parse(localStorage.getItem(SPLIT_KEY) ?? '[62,38]') as number[]);

  useEffect(() => {
    let current = true;
    setView(null);
    call('applicant.get', { roundId, applicantId }).then(
      (next) => {
        if (!current) return;
        load(next);
        setView(next);
        setActiveDocument(documentId ?? next.documents[0]?.id ?? null);
        pendingPage.current = page;
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [roundId, applicantId, documentId, page, load]);

  const goTo = useCallback(
    async (target: string | null | undefined) => {
      if (!target) return;
      await flush();
      go({ screen: 'review', roundId, applicantId: target });
    },
    [flush, go, roundId],
  );
  const back = useCallback(async () => {
    await flush();
    go({ screen: 'round', roundId });
  }, [flush, go, roundId]);
  useReviewKeys({ previous: () => void goTo(view?.previousId), next: () => void goTo(view?.nextId), viewer });

  const onViewerEvent = useCallback((event: ViewerEvent) => {
    if (event.type === 'documentloaded' && pendingPage.current !== undefined) {
      viewer.current?.goToPage(pendingPage.current);
      pendingPage.current = undefined;
    }
  }, []);

  const jumpToCheck = useCallback(
    (label: string) => {
      const target = view === null ? null : sectionForCheck(label, view.documents);
      if (target === null) return false;
      if (target.documentId === (activeDocument ?? view?.documents[0]?.id)) viewer.current?.goToPage(target.page);
      else {
        pendingPage.current = target.page;
        setActiveDocument(target.documentId);
      }
      return true;
    },
    [view, activeDocument],
  );

  if (error !== null) return <div style={{ padding: 24 }}><ErrorText error={error} /></div>;
  if (view === null) return <div style={{ padding: 24 }}>{t('common.loading')}</div>;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Button size="small" onClick={() => void back()}>
          {t('review.backToList')}
        </Button>
        <Typography.Text strong data-testid="applicant-title">
          {view.applicant.categoryTitle} ▸ {view.applicant.id} {view.applicant.name}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        <SaveIndicator />
        <Space>
          <Button size="small" disabled={!view.previousId} onClick={() => void goTo(view.previousId)} title="Alt+←" data-testid="previous-applicant">
            ◀ {t('review.previous')}
          </Button>
          <Button size="small" disabled={!view.nextId} onClick={() => void goTo(view.nextId)} title="Alt+→" data-testid="next-applicant">
            {t('review.next')} ▶
          </Button>
        </Space>
      </div>
      <Splitter
        style={{ flex: 1, minHeight: 0 }}
        onResizeEnd={(next) => {
          const total = next.reduce((sum, size) => sum + size, 0);
          const percents = next.map((size) => Math.round((size / total) * 100));
          setSizes(percents);
          localStorage.setItem(SPLIT_KEY, JSON.stringify(percents));
        }}
      >
        <Splitter.Panel defaultSize={`${sizes[0] ?? 62}%`} min="30%">
          {view.documents.length === 0 ? (
            <Typography.Text type="secondary" style={{ padding: 24, display: 'block' }}>
              {t('review.noDocuments')}
            </Typography.Text>
          ) : (
            <DocumentTabs
              key={`${applicantId}:${documentId ?? ''}:${page ?? ''}`}
              ref={viewer}
              documents={view.documents.map((document) => ({ id: document.id, title: document.title, url: client.documentUrl(document.id), sections: document.sections }))}
              activeId={activeDocument ?? view.documents[0]!.id}
              onChange={setActiveDocument}
              onViewerEvent={onViewerEvent}
            />
          )}
        </Splitter.Panel>
        <Splitter.Panel defaultSize={`${sizes[1] ?? 38}%`} min="25%" style={{ overflow: 'auto' }}>
          <SheetPanel rubric={view.rubric} onCheckClick={jumpToCheck} />
        </Splitter.Panel>
      </Splitter>
    </div>
  );
}
