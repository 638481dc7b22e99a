/**
 * A reorder buffer: events built for one minute can reach back (a token's sign-in before
 * the calls it serves) or forward (the rest of a burst); holding records for a short
 * horizon and releasing them through a min-heap keeps the stream in event-time order
 * with bounded memory.
 */
import type { ActivityBase } from '../core/activity.ts';

function before(a: ActivityBase, b: ActivityBase): boolean {
  return a.time < b.time || (a.time === b.time && a.tick < b.tick);
}

export class ReorderBuffer {
  private readonly heap: ActivityBase[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(a: ActivityBase): void {
    const h = this.heap;
    h.push(a);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  peek(): ActivityBase | undefined {
    return this.heap[0];
  }

  pop(): ActivityBase | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /** Releases every held activity earlier than `time`, in order. */
  *releaseBefore(time: number): Generator<ActivityBase> {
    while (this.heap.length > 0 && this.heap[0]!.time < time) yield this.pop()!;
  }

  *drain(): Generator<ActivityBase> {
    while (this.heap.length > 0) yield this.pop()!;
  }
}
