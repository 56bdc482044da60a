import { describe, expect, it } from 'vitest';
import { canZoomIn, canZoomOut, formatPercent, MAX_SCALE, MIN_SCALE, ZOOM_STEPS, zoomIn, zoomOut } from '../../../renderer/src/viewer/logic/zoom';

describe('zoom steps', () => {
  it('steps are strictly increasing', () => {
    for (let i = 1; i < ZOOM_STEPS.length; i += 1) expect(ZOOM_STEPS[i]).toBeGreaterThan(ZOOM_STEPS[i - 1] ?? 0);
  });

  it('moves to the neighbouring step', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(0.5)).toBe(0.67);
  });

  it('goes to the next step from a scale between steps (e.g. page width at 137%)', () => {
    expect(zoomIn(1.37)).toBe(1.5);
    expect(zoomOut(1.37)).toBe(1.25);
  });

  it('stops at the ends', () => {
    expect(zoomIn(MAX_SCALE)).toBe(MAX_SCALE);
    expect(zoomOut(MIN_SCALE)).toBe(MIN_SCALE);
    expect(zoomIn(10)).toBe(MAX_SCALE);
    expect(zoomOut(0.01)).toBe(MIN_SCALE);
    expect(canZoomIn(MAX_SCALE)).toBe(false);
    expect(canZoomOut(MIN_SCALE)).toBe(false);
    expect(canZoomIn(1)).toBe(true);
    expect(canZoomOut(1)).toBe(true);
  });

  it('formats a whole percent', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(1.3749)).toBe('137%');
    expect(formatPercent(0.333)).toBe('33%');
  });
});
