import vine from '@vinejs/vine'

/**
 * Money amounts (integer VND) arrive as a JSON integer or as a string of digits (HTML forms), nothing else:
 * `true`, `[1000]`, `"1e3"`, `" 1000 "`, `1000.5` or a number beyond the safe range are refused instead of being
 * coerced. Returns the amount, or null when the value is not an acceptable amount.
 */
export function parseAmount(
  value: unknown,
  bounds: { min: number; max: number } = { min: -1e15, max: 1e15 }
): number | null {
  let amount: number
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return null
    amount = value
  } else if (typeof value === 'string') {
    if (!/^-?\d{1,16}$/.test(value)) return null
    amount = Number(value)
    if (!Number.isSafeInteger(amount)) return null
  } else {
    return null
  }
  if (amount < bounds.min || amount > bounds.max) return null
  return amount === 0 ? 0 : amount
}

const strictAmount = vine.createRule<{ min: number; max: number }>((value, options, field) => {
  const amount = parseAmount(value, options)
  if (amount === null) {
    field.report(
      '{{ field }} must be a whole number of dong (digits only)',
      'vnd_amount',
      field,
      options
    )
    return
  }
  field.mutate(amount, field)
})

/** A VineJS field for an amount in VND: see `parseAmount`. The output is a number. */
export function vndAmount(bounds: { min: number; max: number } = { min: -1e15, max: 1e15 }) {
  return vine
    .any()
    .use(strictAmount(bounds))
    .transform((v) => v as number)
}
