import vine from '@vinejs/vine'
import { FIGURE_KEYS } from '../indicators.js'

const figure = () => vine.number().withoutDecimals().min(0).max(999_999_999_999)

export const compareQueryValidator = vine.compile(
  vine.object({
    unit: vine.string().trim().maxLength(64).optional(),
    year: vine.number().withoutDecimals().range([2000, 2100]).optional(),
    period: vine.number().withoutDecimals().range([1, 12]).optional(),
    sort: vine.enum(['gap', 'code'] as const).optional(),
    form: vine.enum(['06', '07'] as const).optional(),
    format: vine.enum(['xlsx', 'pdf'] as const).optional(),
  })
)

export const figuresValidator = vine.compile(
  vine.object({
    unit: vine.string().trim().maxLength(64),
    year: vine.number().withoutDecimals().range([2000, 2100]),
    period: vine.number().withoutDecimals().range([1, 12]),
    note: vine.string().trim().maxLength(500).optional(),
    ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, figure()])),
  })
)

export const planValidator = vine.compile(
  vine.object({
    year: vine.number().withoutDecimals().range([2000, 2100]),
    threshold: vine.number().withoutDecimals().range([1, 1_000_000]),
    due_small: vine.date({ formats: ['YYYY-MM-DD'] }),
    due_large: vine.date({ formats: ['YYYY-MM-DD'] }),
    close_on: vine.date({ formats: ['YYYY-MM-DD'] }),
    tolerance_cases: vine.number().withoutDecimals().range([0, 1_000_000]),
    tolerance_money: vine.number().withoutDecimals().range([0, 1_000_000_000]),
  })
)
