/**
 * Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, at most
 * about `count` of them, whole numbers only when the data are counts.
 */
export function niceTicks(max: number, count = 5): number[] {
  const top = Math.max(1, max);
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** Every n-th label so that at most `most` are written under an axis; every bar still shows. */
export function labelEvery(length: number, most = 12): number {
  return Math.max(1, Math.ceil(length / most));
}
