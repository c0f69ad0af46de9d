/** Date columns are kept as ISO day strings (compared as strings, never through JS time zones). */
export function isoDay(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}
