/**
 * Small deterministic helpers of the synthetic-history generator: a seeded PRNG, ISO days as day numbers and a
 * weighted picker. Imports nothing, so the generator can run (and be tested) without the application.
 */
/** The shared seeded generator (app/core/random.ts). */
import { seededRandom } from '#core/random'
export const prng = seededRandom

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
