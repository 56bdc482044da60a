// Zoom steps for the − / + buttons. Scales are factors (1 = 100 %). "Page width" is pdf.js's
// own preset and is kept as a named value, not a number.

export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

export const MIN_SCALE = ZOOM_STEPS[0];
export const MAX_SCALE = ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 4;

export const PAGE_WIDTH = 'page-width';

/** The next larger step than `scale` (a scale between steps goes to the next step up). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 1e-3) ?? MAX_SCALE;
}

/** The next smaller step than `scale`. */
export function zoomOut(scale: number): number {
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i -= 1) {
    const step = ZOOM_STEPS[i];
    if (step !== undefined && step < scale - 1e-3) return step;
  }
  return MIN_SCALE;
}

export function canZoomIn(scale: number): boolean {
  return scale < MAX_SCALE - 1e-3;
}

export function canZoomOut(scale: number): boolean {
  return scale > MIN_SCALE + 1e-3;
}

/** "125%" — rounded to a whole percent. */
export function formatPercent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
