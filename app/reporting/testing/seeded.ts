/**
 * Small deterministic helpers of the synthetic-history generator: a seeded PRNG, ISO days as day numbers and a
 * weighted picker. Imports nothing, so the generator can run (and be tested) without the application.
 */
/** mulberry32, the same generator as history_generator.ts (which imports the database, this module does not). */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  }
}

const DAY_MS = 86_400_000
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
const isoCache = new Map<number, string>()
export function isoDay(n: number): string {
  let s = isoCache.get(n)
  if (!s) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10)
    isoCache.set(n, s)
  }
  return s
}

/** Picks an index by cumulative weights (binary search). */
export function weightedPicker(weights: number[]) {
  const cumulative: number[] = []
  let sum = 0
  for (const w of weights) cumulative.push((sum += w))
  return (u: number) => {
    const x = u * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
