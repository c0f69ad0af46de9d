/**
 * How the placeholders of rule-violation messages are shown to people. A refusal carries raw facts
 * (`{ event: 'resume', status: 'in_progress', remaining: 1500000 }`) so the API can rely on them; before the
 * message is written in the user's language, each module's formatters turn them into words and figures
 * ("Tiếp tục thi hành", "Đang thi hành", "1.500.000"). Registered by key prefix and placeholder name.
 */
export interface MessageI18n {
  locale: string
  t(key: string, data?: Record<string, any>, fallback?: string): string
  formatNumber(value: number | bigint, options?: Intl.NumberFormatOptions): string
}

export type PlaceholderFormat = (value: unknown, i18n: MessageI18n) => unknown

const formats: { prefix: string; placeholder: string; format: PlaceholderFormat }[] = []

export function registerPlaceholderFormat(
  prefix: string,
  placeholder: string,
  format: PlaceholderFormat
) {
  if (!formats.some((f) => f.prefix === prefix && f.placeholder === placeholder))
    formats.push({ prefix, placeholder, format })
}

/** The placeholders of message `key` as people read them; unknown placeholders pass through. */
export function localizeMessageData(
  key: string,
  data: Record<string, unknown>,
  i18n: MessageI18n
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const f of formats) {
    if (!key.startsWith(f.prefix) || !(f.placeholder in data)) continue
    const value = data[f.placeholder]
    if (value === null || value === undefined) continue
    try {
      out[f.placeholder] = f.format(value, i18n)
    } catch {
      out[f.placeholder] = value
    }
  }
  return out
}
