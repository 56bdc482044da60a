// Paper and spreadsheet scoring: the blank score workbook out, a filled one back in, with every
// bad cell listed by sheet and cell.
import { Alert, Button, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpreadsheetImport } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function SpreadsheetButtons({ roundId, disabled, onImported }: { roundId: string; disabled: boolean; onImported: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<SpreadsheetImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setError(null);
    try {
      await client.saveFile(await call('spreadsheet.blank', { roundId }));
    } catch (failure) {
      setError(failure);
    }
  };
  const upload = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      setBusy(true);
      setError(null);
      void file
        .arrayBuffer()
        .then((buffer) => call('spreadsheet.import', { roundId, base64: toBase64(buffer), fileName: file.name }))
        .then((imported) => {
          setResult(imported);
          onImported();
        }, setError)
        .finally(() => setBusy(false));
    });
    input.click();
  };

  return (
    <>
      <Space>
        <Button disabled={disabled} onClick={() => void download()} data-testid="xlsx-blank">{t('spreadsheet.download')}</Button>
        <Button disabled={disabled} loading={busy} onClick={upload} data-testid="xlsx-import">{t('spreadsheet.upload')}</Button>
      </Space>
      {error !== null && <ErrorText error={error} />}
      <Modal open={result !== null} title={t('spreadsheet.resultTitle')} onCancel={() => setResult(null)} footer={<Button onClick={() => setResult(null)}>{t('common.close')}</Button>} width={760}>
        {result !== null && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type={result.problems.length === 0 ? 'success' : 'warning'} showIcon title={t('spreadsheet.updated', { count: result.updated.length, problems: result.problems.length })} />
            {result.problems.length > 0 && (
              <Table
                size="small"
                rowKey={(problem) => `${problem.sheet}!${problem.cell}:${problem.message}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('spreadsheet.sheet'), dataIndex: 'sheet', width: 140 },
                  { title: t('spreadsheet.cell'), dataIndex: 'cell', width: 70 },
                  { title: t('round.id'), dataIndex: 'applicantId', width: 90 },
                  { title: t('spreadsheet.problem'), dataIndex: 'message' },
                ]}
                data-testid="xlsx-problems"
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
