// When the viewer's own controls (toolbar and sidebar: antd, the costliest part of the viewer to
// render) may render: once the first page is on screen, or opening failed, or at the latest
// after FALLBACK_MS. Until then only the page area renders, so opening the document and drawing
// its first page have the main thread to themselves (measured on the 2-core benchmark machine:
// rendering the controls first delayed the first page by ~0.5 s). Once shown, they stay.
import { startTransition, useEffect, useState } from 'react';
import type { ViewerCore } from './useViewerCore';

const FALLBACK_MS = 1500;

export function useControlsReady(core: ViewerCore | null, failed: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return undefined;
    const show = (): void => startTransition(() => setReady(true));
    if (failed) {
      show();
      return undefined;
    }
    const timer = window.setTimeout(show, FALLBACK_MS);
    // After the page's pixels are on screen, not merely drawn into its canvas.
    const onRendered = (): void => {
      requestAnimationFrame(() => setTimeout(show, 0));
    };
    core?.eventBus.on('pagerendered', onRendered, { once: true });
    return () => {
      window.clearTimeout(timer);
      core?.eventBus.off('pagerendered', onRendered);
    };
  }, [core, failed, ready]);
  return ready;
}
