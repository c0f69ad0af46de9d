import vine from '@vinejs/vine'

/**
 * Row layout. The chooser's "default by the unit's level" option sends an empty `by=`: that means "no
 * choice", not an error.
 */
const rowsBy = () =>
  vine
    .enum(['officer', 'unit', ''] as const)
    .optional()
    .transform((v) => (v === '' ? undefined : v) as 'officer' | 'unit' | undefined)

const base = {
  unit: vine.string().trim().maxLength(64),
  year: vine.number().withoutDecimals().range([2000, 2100]),
  period: vine.number().withoutDecimals().range([1, 12]),
  by: rowsBy(),
}

export const reportQueryValidator = vine.compile(vine.object(base))

export const cellQueryValidator = vine.compile(
  vine.object({
    ...base,
    row: vine.number().withoutDecimals().min(-1),
    col: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/),
    page: vine.number().withoutDecimals().positive().optional(),
    per_page: vine.number().withoutDecimals().range([1, 500]).optional(),
  })
)

export const listQueryValidator = vine.compile(
  vine.object({
    ...base,
    page: vine.number().withoutDecimals().positive().optional(),
    per_page: vine.number().withoutDecimals().range([1, 500]).optional(),
  })
)

export const chooserValidator = vine.compile(
  vine.object({
    form: vine
      .string()
      .trim()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    unit: vine.string().trim().maxLength(64).optional(),
    year: vine.number().withoutDecimals().range([2000, 2100]).optional(),
    period: vine.number().withoutDecimals().range([1, 12]).optional(),
    by: rowsBy(),
  })
)
