export { formatBytes } from '../../../shared/format';

/** `3F2A91C0…` → `3F2A-91C0-…` (already grouped fingerprints pass unchanged). */
export function groupedFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  return hex.match(/.{1,4}/g)?.join('-') ?? fingerprint;
}

export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
