/**
 * The indicators CV 2352 compares (its annex): columns 1, 3, 4, 6, 8 and 14 of form 06/TK-THA (cases) and the same
 * columns of form 07/TK-THA (money). A figure key is `f06_c1` … `f07_c14`; money figures are stored in VND and
 * entered, shown and compared in thousands of VND, as on the paper form 07.
 */
export const INDICATOR_COLUMNS = ['c1', 'c3', 'c4', 'c6', 'c8', 'c14'] as const
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number]
export type FormCode = '06' | '07'
export const FORM_CODES: FormCode[] = ['06', '07']

export const FORM_PLUGIN: Record<FormCode, string> = {
  '06': 'form-06-cases',
  '07': 'form-07-money',
}

export const FIGURE_KEYS = FORM_CODES.flatMap((f) =>
  INDICATOR_COLUMNS.map((c) => `f${f}_${c}` as const)
)
export type FigureKey = (typeof FIGURE_KEYS)[number]

export const MONEY_DIVISOR = 1000

export function isMoney(key: string) {
  return key.startsWith('f07_')
}

/** Official column number of a figure key (f06_c14 → 14). */
export function columnNo(key: string) {
  return Number(key.split('_c')[1])
}

/**
 * Identities of SPEC §5 that hold between the six columns of one form (6 = 1 − 4 − 5 and 6 = 7 + 14 with
 * 7 ≥ 8): a paper figure set that breaks them was mistyped. Returns the i18n keys of the broken rules per field.
 */
export function figureRuleErrors(values: Record<string, number>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const f of FORM_CODES) {
    const v = (c: string) => Number(values[`f${f}_${c}`] ?? 0)
    if (v('c3') > v('c1')) errors[`f${f}_c3`] = 'reconciliation.rule.new_over_total'
    if (v('c6') + v('c4') > v('c1')) errors[`f${f}_c6`] = 'reconciliation.rule.enforce_over_total'
    if (v('c8') + v('c14') > v('c6')) errors[`f${f}_c8`] = 'reconciliation.rule.done_over_enforce'
  }
  return errors
}
