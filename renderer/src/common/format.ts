export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `3F2A91C0…` → `3F2A-91C0-…` (already grouped fingerprints pass unchanged). */
export function groupedFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  return hex.match(/.{1,4}/g)?.join('-') ?? fingerprint;
}

export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
