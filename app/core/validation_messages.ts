import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages in the user's language with a module's field labels laid over the shared validator
 * messages, so a form never shows a raw field name: the first namespace that has `<ns>.fields.<name>` wins
 * (e.g. `['transfers', 'cases']`), else the field's own name.
 */
export function labelledMessages(i18n: I18n, namespaces: string[]): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(
      defaultMessage: string,
      rule: string,
      field: FieldContext,
      meta?: Record<string, any>
    ) {
      const name = String(field.name)
      const label = namespaces.reduceRight(
        (fallback, ns) => i18n.t(`${ns}.fields.${name}`, {}, fallback),
        name
      )
      return shared.getMessage(
        defaultMessage,
        rule,
        { ...field, name: label } as FieldContext,
        meta
      )
    },
  }
}
