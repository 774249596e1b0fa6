/**
 * A max-heap of splittable nodes by gain, with exactly the moves of Python's heapq (what
 * scikit-learn's grower uses), so that nodes of equal gain are split in the same order.
 */

/** Anything with a gain. */
export interface HasGain {
  readonly gain: number;
}

/**
 * Adds `item` to the heap.
 *
 * @example
 * const heap: HasGain[] = []; heapPush(heap, { gain: 3 }); heapPush(heap, { gain: 5 }); heapPop(heap) // { gain: 5 }
 */
export function heapPush<T extends HasGain>(heap: T[], item: T): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

/**
 * Removes and returns the item of largest gain (undefined when empty).
 *
 * @example
 * heapPop([{ gain: 1 }]) // { gain: 1 }
 */
export function heapPop<T extends HasGain>(heap: T[]): T | undefined {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return last;
  const top = heap[0]!;
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}

function siftDown<T extends HasGain>(heap: T[], startPos: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > startPos) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos]!;
    if (item.gain > parent.gain) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

function siftUp<T extends HasGain>(heap: T[], pos: number): void {
  const end = heap.length;
  const startPos = pos;
  const item = heap[pos]!;
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !(heap[child]!.gain > heap[right]!.gain)) child = right;
    heap[pos] = heap[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, startPos, pos);
}
