/**
 * The collection a large recalculation runs once HyperFormula has built its graph: it reaches V8's
 * collector without a command-line flag, and what nothing holds is gone after it.
 */
import { getHeapStatistics } from "v8";
import { collectGarbage } from "../../src/headless/memory";

const usedMb = () => getHeapStatistics().used_heap_size / 2 ** 20;

/** The heap in use while 8 million doubles (64 MB) are held, which nothing holds once this returns. */
function heapWithGarbage(): number {
  const cells = new Array<number>(8_000_000).fill(0.5);
  expect(cells).toHaveLength(8_000_000);
  return usedMb();
}

test("a large book's collection frees what nothing holds", () => {
  const before = heapWithGarbage();
  collectGarbage(1_000_000);
  expect(before - usedMb()).toBeGreaterThan(48);
  // No `gc` is left in reach of scripts that did not ask for one.
  expect("gc" in globalThis).toBe(false);
});
