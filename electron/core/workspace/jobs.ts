// Long jobs (import, later merge and printing) run in the background; the UI polls their progress
// through `job.get`, which works the same over IPC and HTTP.
import { randomBytes } from 'node:crypto';
import type { ApiErrorBody, JobView } from '../../../shared/api/contract';

export type Progress = (done: number, total: number) => void;

export class Jobs<T> {
  private readonly jobs = new Map<string, JobView<T>>();

  constructor(private readonly describeError: (error: unknown) => ApiErrorBody) {}

  start(run: (progress: Progress) => Promise<T>): string {
    const jobId = randomBytes(16).toString('hex');
    const job: JobView<T> = { jobId, state: 'running', done: 0, total: 0 };
    this.jobs.set(jobId, job);
    run((done, total) => {
      job.done = done;
      job.total = total;
    }).then(
      (result) => {
        job.state = 'done';
        job.result = result;
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error = this.describeError(error);
      },
    );
    return jobId;
  }

  get(jobId: string): JobView<T> | undefined {
    const job = this.jobs.get(jobId);
    return job === undefined ? undefined : { ...job };
  }

  /** Resolves when every running job has ended (for an orderly shutdown). */
  async settle(): Promise<void> {
    while ([...this.jobs.values()].some((job) => job.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
