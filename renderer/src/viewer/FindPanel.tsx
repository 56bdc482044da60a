// 查找: query box, "3/12", previous / next. Enter = next, Shift+Enter = previous.
import type { Ref } from 'react';
import { Button, Input, Tooltip, type InputRef } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatMatches } from './logic/findStatus';
import type { FindApi } from './useFind';

interface Props {
  find: FindApi;
  disabled: boolean;
  inputRef: Ref<InputRef>;
}

export function FindPanel({ find, disabled, inputRef }: Props) {
  const { t } = useTranslation();
  const { status } = find;
  const hasMatches = status.kind === 'found';
  return (
    <div className="rd-viewer__find" role="search">
      <Input
        ref={inputRef}
        size="small"
        allowClear
        disabled={disabled}
        placeholder={t('viewer.find.placeholder')}
        aria-label={t('viewer.find.placeholder')}
        value={find.query}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (event.shiftKey) find.previous();
          else find.next();
        }}
        suffix={<span className="rd-viewer__find-count" data-testid="find-count">{formatMatches(status)}</span>}
      />
      <div className="rd-viewer__find-row">
        <span className={status.kind === 'notFound' ? 'rd-viewer__find-status is-error' : 'rd-viewer__find-status'} aria-live="polite">
          {status.kind === 'found' && t('viewer.find.count', { current: status.current, total: status.total })}
          {status.kind === 'notFound' && t('viewer.find.notFound')}
          {status.kind === 'pending' && t('viewer.find.searching')}
        </span>
        <Tooltip title={t('viewer.find.previous')}>
          <Button size="small" icon={<UpOutlined />} aria-label={t('viewer.find.previous')} disabled={!hasMatches} onClick={find.previous} />
        </Tooltip>
        <Tooltip title={t('viewer.find.next')}>
          <Button size="small" icon={<DownOutlined />} aria-label={t('viewer.find.next')} disabled={!hasMatches} onClick={find.next} />
        </Tooltip>
      </div>
      <p className="rd-viewer__find-hint">{t('viewer.find.hint')}</p>
    </div>
  );
}
