/**
 * Authorization before anything else for an import batch's confirmation and rollback (see
 * `registerPreauthorization` in #core): only a head acts on a batch — a user of another role gets 403 + audit
 * even for a batch that does not exist; the use case then checks the batch's units (assertConfirmingHead).
 */
import type { User } from '#accounts'
import { AccessDenied, registerPreauthorization } from '#core'

export function registerImportsPreauthorization() {
  for (const key of ['POST /imports/:id/confirm', 'POST /imports/:id/rollback']) {
    registerPreauthorization(key, (ctx, user) => {
      const id = Number(ctx.params.id)
      if (!(user as User).hasRole('head'))
        throw new AccessDenied('not_unit_head', {
          type: 'import_batch',
          id: Number.isSafeInteger(id) ? id : 0,
        })
    })
  }
}
