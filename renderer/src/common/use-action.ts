// An action the user started: busy while it runs (buttons disabled), its failure kept to show.
import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  setError(error: unknown): void;
  /** Runs `work`; resolves true when it succeeded, false when it failed (the error is kept). */
  run(work: () => Promise<void>): Promise<boolean>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
