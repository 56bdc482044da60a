// Search across every document of the round (text extracted after import, FTS5); a hit opens the
// document at its page.
import { Alert, Input, List, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchStatus } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useRouter } from '../router';

export function DocumentSearch({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        try {
          const next = await call('search.status', { roundId });
          setStatus(next);
          if (!next.running && next.done >= next.total) return;
        } catch (failure) {
          setError(failure);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [roundId]);

  const search = async (query: string) => {
    if (query.trim() === '') return setHits(null);
    setError(null);
    try {
      setHits(await call('search.query', { roundId, query: query.trim() }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search placeholder={t('round.searchPlaceholder')} allowClear enterButton onSearch={(value) => void search(value)} data-testid="document-search" />
      {status !== null && status.done < status.total && (
        <div>
          <Typography.Text type="secondary">{t('round.indexing', { done: status.done, total: status.total })}</Typography.Text>
          <Progress percent={Math.floor((status.done / Math.max(1, status.total)) * 100)} size="small" status="active" />
        </div>
      )}
      {status !== null && status.done >= status.total && (
        <Typography.Text type="secondary" data-testid="index-ready">
          {t('round.indexed', { total: status.total })}
          {status.failed > 0 && ` · ${t('round.indexFailed', { failed: status.failed })}`}
        </Typography.Text>
      )}
      {error !== null && <ErrorText error={error} />}
      {hits !== null && hits.length === 0 && <Alert type="info" title={t('round.noHits')} />}
      {hits !== null && hits.length > 0 && (
        <List
          size="small"
          header={t('round.hits', { count: hits.length })}
          dataSource={hits}
          style={{ maxHeight: 320, overflow: 'auto' }}
          renderItem={(hit) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              data-testid="search-hit"
              onClick={() => go({ screen: 'review', roundId, applicantId: hit.applicantId, documentId: hit.documentId, page: hit.page })}
            >
              <List.Item.Meta
                title={`${hit.applicantId} ${hit.applicantName} · ${hit.documentTitle} · ${t('round.hitPage', { page: hit.page })}`}
                description={
                  <span>
                    {hit.snippet.before}
                    <mark>{hit.snippet.match}</mark>
                    {hit.snippet.after}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
