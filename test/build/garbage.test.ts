// garbageCap: a full collection only once the heap has grown the cap past what the last one left.
import { describe, expect, it } from 'vitest';
import { garbageCap } from '../../src/build/garbage.ts';

const MiB = 1048576;

describe('garbageCap', () => {
  it('collects when the heap has grown the cap past the last collection\'s floor, or when forced', () => {
    let heap = 100 * MiB;
    const collections: number[] = [];
    // A collection frees all but 40 MiB of what was added since the last one.
    let live = 100 * MiB;
    const collect = garbageCap(256, () => {
      collections.push(heap);
      live += 40 * MiB;
      heap = live;
    }, () => heap);
    collect();
    expect(collections).toEqual([]); // 100 MiB < 0 + 256 MiB
    heap = 300 * MiB;
    collect();
    expect(collections).toEqual([300 * MiB]); // past the cap: the floor is now 140 MiB
    heap = 390 * MiB;
    collect();
    expect(collections).toHaveLength(1); // 390 < 140 + 256
    heap = 400 * MiB;
    collect();
    expect(collections).toEqual([300 * MiB, 400 * MiB]);
    collect(true);
    expect(collections).toHaveLength(3);
  });

  it('runs a real collection by default', () => {
    const collect = garbageCap(1);
    expect(() => collect(true)).not.toThrow();
  });
});
