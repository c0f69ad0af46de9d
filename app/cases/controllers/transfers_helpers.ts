import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { compact } from '../validators/shared.js'
import { labelledMessages, preauthorize } from '#core'

/** Validation messages with the transfer forms' field labels (transfers.fields.*, then cases.fields.*). */
function messages(i18n: I18n): MessagesProviderContact {
  return labelledMessages(i18n, ['transfers', 'cases'])
}

export async function validateTransfer<T extends VineValidator<any, any>>(
  ctx: HttpContext,
  validator: T,
  data?: unknown
): Promise<Awaited<ReturnType<T['validate']>>> {
  await preauthorize(ctx)
  const input = compact(data ?? { ...ctx.request.qs(), ...ctx.request.body() })
  return validator.validate(input, { messagesProvider: messages(ctx.i18n) }) as any
}

/** Form checkboxes arrive as one value or a list. */
export function idList(value: unknown): number[] {
  const list = Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value]
  return list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)
}
