// "第 [5] / 86 页": Enter jumps; an invalid number is refused with a hint and not applied.
import { memo, useState, type KeyboardEvent } from 'react';
import { Input, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { parsePageInput } from './logic/pageInput';

interface Props {
  page: number;
  pages: number;
  disabled: boolean;
  onGoToPage(page: number): void;
}

export const PageInput = memo(function PageInput({ page, pages, disabled, onGoToPage }: Props) {
  const { t } = useTranslation();
  // While the expert edits, the draft is shown; otherwise the current page.
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') {
      setDraft(null);
      setRefused(false);
      return;
    }
    if (event.key !== 'Enter') return;
    const result = parsePageInput(draft ?? String(page), pages);
    if (!result.ok) {
      setRefused(true);
      return;
    }
    setRefused(false);
    setDraft(null);
    onGoToPage(result.page);
  };

  return (
    <span className="rd-viewer__page">
      <span>{t('viewer.toolbar.pageBefore')}</span>
      <Tooltip open={refused} title={t('viewer.toolbar.pageHint', { pages })} placement="top">
        <Input
          size="small"
          className="rd-viewer__page-input"
          aria-label={t('viewer.toolbar.pageInput')}
          aria-invalid={refused}
          status={refused ? 'error' : undefined}
          disabled={disabled}
          inputMode="numeric"
          value={draft ?? (pages > 0 ? String(page) : '')}
          onChange={(event) => {
            setDraft(event.target.value);
            setRefused(false);
          }}
          onFocus={(event) => event.target.select()}
          onBlur={() => {
            setDraft(null);
            setRefused(false);
          }}
          onKeyDown={onKeyDown}
        />
      </Tooltip>
      <span>{t('viewer.toolbar.pageAfter', { pages: pages > 0 ? pages : '–' })}</span>
    </span>
  );
});
