// Keyboard on the review screen: Alt+←/→ previous/next applicant, Alt+↓/↑ next/previous criterion,
// Alt+PageDown/PageUp the viewer's pages from anywhere (inside the viewer PageUp/PageDown work too).
import { useEffect, type RefObject } from 'react';
import type { PdfViewerHandle } from '../viewer';

export function useReviewKeys({ previous, next, viewer }: { previous: () => void; next: () => void; viewer: RefObject<PdfViewerHandle | null> }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-criterion]')].filter((input) => !input.disabled);
      const at = inputs.indexOf(document.activeElement as HTMLInputElement);
      const actions: Record<string, () => void> = {
        ArrowLeft: previous,
        ArrowRight: next,
        ArrowDown: () => inputs[(at + 1) % inputs.length]?.focus(),
        ArrowUp: () => inputs[(at - 1 + inputs.length) % inputs.length]?.focus(),
        PageDown: () => viewer.current?.nextPage(),
        PageUp: () => viewer.current?.previousPage(),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previous, next, viewer]);
}
