/**
 * A tiny semver range check for plugin manifests (no dependency): supports `*`, `x.y.z`, `^x.y.z`, `~x.y.z`,
 * `>=`, `>`, `<=`, `<`, `=`, and several comparators separated by spaces (all must hold) or `||` (any).
 */
type Version = [number, number, number]

const VERSION = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:[-+].*)?$/

export function parseVersion(text: string): Version | null {
  const m = VERSION.exec(text.trim())
  if (!m) return null
  const part = (s: string | undefined) =>
    s === undefined || s === 'x' || s === '*' ? 0 : Number(s)
  return [Number(m[1]), part(m[2]), part(m[3])]
}

export function isVersion(text: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(text)
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

function satisfiesComparator(v: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === '') return true
  const m = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator)
  if (!m) return false
  const target = parseVersion(m[2])
  if (!target) return false
  const c = compare(v, target)
  switch (m[1]) {
    case '^': {
      if (c < 0) return false
      if (target[0] > 0) return v[0] === target[0]
      if (target[1] > 0) return v[0] === 0 && v[1] === target[1]
      return v[0] === 0 && v[1] === 0 && v[2] === target[2]
    }
    case '~':
      return c >= 0 && v[0] === target[0] && v[1] === target[1]
    case '>=':
      return c >= 0
    case '<=':
      return c <= 0
    case '>':
      return c > 0
    case '<':
      return c < 0
    default:
      return c === 0
  }
}

/** True when `version` satisfies `range`; false for anything unparsable. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version)
  if (!v || !range.trim()) return false
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(v, comparator))
  )
}

/** True when the range string is made only of comparators this module understands. */
export function isRange(range: string): boolean {
  return range.split('||').every(
    (alt) =>
      alt.trim().length > 0 &&
      alt
        .trim()
        .split(/\s+/)
        .every((c) => c === '*' || /^(\^|~|>=|<=|>|<|=)?v?\d+(\.(\d+|x|\*)){0,2}$/.test(c))
  )
}
