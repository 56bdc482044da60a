import { describe, expect, it } from 'vitest';
import { createRenderQueue } from '../../../renderer/src/viewer/logic/renderQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRenderQueue', () => {
  it('runs at most `concurrency` jobs at a time, in order', async () => {
    const queue = createRenderQueue(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    for (let i = 0; i < 5; i += 1) {
      queue.push(() => new Promise<void>((resolve) => {
        started.push(i);
        finish.push(resolve);
      }));
    }
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.running).toBe(2);
    finish[0]?.();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish.slice(1).forEach((f) => f());
    await tick();
    finish.forEach((f) => f());
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('never starts cancelled jobs and survives failing ones', async () => {
    const queue = createRenderQueue(1);
    const ran: string[] = [];
    queue.push(async () => {
      ran.push('a');
      throw new Error('render failed');
    });
    const b = queue.push(async () => {
      ran.push('b');
    });
    queue.push(async () => {
      ran.push('c');
    });
    b.cancel();
    expect(queue.waiting).toBe(2);
    await tick();
    await tick();
    expect(ran).toEqual(['a', 'c']);
  });
});
