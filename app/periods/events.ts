import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'

/**
 * Raised once per (transaction, request, effective date) when data is written under an approved past-period
 * exception, after that transaction commits (never for a rolled-back write). The reporting module listens
 * to mark the submitted snapshots covering `effectiveDate` for `unitId` (and its ancestors) as revised.
 */
export interface EditedUnderException {
  unitId: number
  unitPath: string
  effectiveDate: string
  editRequestId: number
  actorId: number | null
  caseId: number | null
}

export const EDITED_UNDER_EXCEPTION = 'periods:edited_under_exception'

declare module '@adonisjs/core/types' {
  interface EventsList {
    'periods:edited_under_exception': EditedUnderException
  }
}

type Listener = (payload: EditedUnderException) => void | Promise<void>
const listeners = new Set<Listener>()

/** Subscribes to edits made under an exception; returns the unsubscribe function. */
export function onEditUnderException(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Calls the direct listeners, then emits the AdonisJS event; a failing listener never undoes the edit. */
export async function notifyEditUnderException(payload: EditedUnderException) {
  for (const listener of listeners) {
    try {
      await listener(payload)
    } catch (error) {
      logger.error({ err: error }, 'periods: an edited_under_exception listener failed')
    }
  }
  await emitter.emit(EDITED_UNDER_EXCEPTION, payload)
}
