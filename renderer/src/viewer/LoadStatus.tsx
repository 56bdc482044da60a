// Over the page area while a document opens (with progress) or when it cannot be opened (what
// is wrong and what to do, in the user's language).
import { memo } from 'react';
import { Button, Result, Typography } from 'antd';
import { FileExclamationOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentState } from './usePdfDocument';

interface Props {
  state: DocumentState;
  onRetry(): void;
}

export const LoadStatus = memo(function LoadStatus({ state, onRetry }: Props) {
  const { t } = useTranslation();
  if (state.status === 'ready') return null;
  if (state.status === 'loading') {
    // Plain elements, not antd's Progress: this shows while the document opens, when the main
    // thread should be free for pdf.js (antd's first render of a component builds its styles).
    const percent = state.total ? Math.min(99, Math.floor((state.loaded / state.total) * 100)) : null;
    const label = percent === null ? t('viewer.loading.opening') : t('viewer.loading.progress', { percent });
    return (
      <div className="rd-viewer__overlay" role="status" aria-live="polite">
        <div className="rd-viewer__loading">
          <div className="rd-viewer__progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
            <div className={percent === null ? 'rd-viewer__progress-bar is-indeterminate' : 'rd-viewer__progress-bar'}
              style={{ width: `${percent ?? 100}%` }} />
          </div>
          <span>{label}</span>
        </div>
      </div>
    );
  }
  const retryable = state.kind === 'network' || state.kind === 'unknown';
  return (
    <div className="rd-viewer__overlay" role="alert" data-error-kind={state.kind}>
      <Result
        className="rd-viewer__error"
        status="warning"
        icon={state.kind === 'password' ? <LockOutlined /> : <FileExclamationOutlined />}
        title={t(`viewer.error.${state.kind}.title`)}
        subTitle={t(`viewer.error.${state.kind}.detail`)}
        extra={retryable ? <Button icon={<ReloadOutlined />} onClick={onRetry}>{t('viewer.error.retry')}</Button> : undefined}
      >
        <Typography.Text type="secondary" className="rd-viewer__error-detail">
          {t('viewer.error.technical', { detail: state.detail })}
        </Typography.Text>
      </Result>
    </div>
  );
});
