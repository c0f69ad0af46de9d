/**
 * Boot of the integrations module in the web process: the case-event listener (same transaction as the case
 * write) and, unless turned off, periodic dispatcher passes (INTEGRATIONS_DISPATCH_MS, default 5000 ms;
 * 0 = off; off in tests unless a test starts one).
 */
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { registerCaseEventListener } from '#core'
import { dispatchCaseEvent } from './services/plugins.js'
import { Dispatcher } from './services/dispatcher.js'

let webDispatcher: Dispatcher | null = null

export function bootIntegrations() {
  registerCaseEventListener('integrations', dispatchCaseEvent)
  const interval = env.get('INTEGRATIONS_DISPATCH_MS', app.inTest ? 0 : 5000)
  if (interval > 0 && app.getEnvironment() === 'web' && !webDispatcher) {
    webDispatcher = new Dispatcher()
    webDispatcher.start(interval)
    app.terminating(() => webDispatcher?.stop())
  }
}
