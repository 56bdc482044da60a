// When the viewer's controls (tab bar, toolbar, sidebar: antd, the costliest part of the viewer
// to render) may render: once the first page is on screen, or opening failed, or at the latest
// after FALLBACK_MS. Until then only the page area renders, so opening the document and drawing
// its first page have the main thread to themselves (measured on the 2-core benchmark machine:
// rendering the controls first delayed the first page by ~0.5 s, the tab bar alone ~0.1 s).
// They then render as a transition (interruptible), and once shown they stay.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

const FALLBACK_MS = 1500;

export interface ControlsReady {
  ready: boolean;
  /** The first page is on screen (or will not be): render the controls after the next frame. */
  reveal(): void;
  /** Render them at once: the expert asked for one (e.g. Ctrl+F). */
  showNow(): void;
}

export function useControlsReady(): ControlsReady {
  const [ready, setReady] = useState(false);
  const revealed = useRef(false);
  const reveal = useCallback(() => {
    if (revealed.current) return;
    revealed.current = true;
    // After the page's pixels are on screen, not merely drawn into its canvas.
    requestAnimationFrame(() => setTimeout(() => startTransition(() => setReady(true)), 0));
  }, []);
  const showNow = useCallback(() => {
    revealed.current = true;
    setReady(true);
  }, []);
  useEffect(() => {
    if (ready) return undefined;
    const timer = window.setTimeout(reveal, FALLBACK_MS);
    return () => window.clearTimeout(timer);
  }, [ready, reveal]);
  return { ready, reveal, showNow };
}
