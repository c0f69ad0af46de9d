/**
 * Public face of the integrations module (SPEC §7, QĐ 380 Đ12): integrator clients with scopes, tokens and
 * signing secrets; the outbox and its dispatcher (Standard Webhooks, Svix retry schedule); the inbound API;
 * the contract of integration plugins (plugins/integrations/<id>/).
 */
export {
  defineIntegration,
  integrationPlugins,
  dataKinds,
  type IntegrationDefinition,
  type IntegrationHost,
  type InboundContext,
  type InboundEndpoint,
} from './services/plugins.js'
export { IntegrationRefusal, type InboundClient } from './services/inbound_auth.js'
export { foldKey } from './services/fold.js'
export { enqueue, subscribers, type OutboxMessage } from './services/outbox.js'
export {
  Dispatcher,
  RETRY_SCHEDULE_SECONDS,
  DISABLE_AFTER_DAYS,
  nextAttemptDelay,
  type DispatcherOptions,
} from './services/dispatcher.js'
export {
  signature,
  signHeaders,
  verifySignature,
  newSecret,
  TOLERANCE_SECONDS,
} from './services/signing.js'
export { hashToken } from './services/credentials.js'
