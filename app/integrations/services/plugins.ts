/**
 * The integration plugin contract. A plugin under plugins/integrations/<id>/ default-exports
 * `defineIntegration({...})`; the shared plugin loader (#reporting) validates its plugin.json and index.
 * The host gives it: case events inside the writing transaction (to queue outbox messages), and inbound
 * endpoints under /api/integrations/v1/<path> authorized by client token + scope.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { definePlugin, pluginRegistry } from '#reporting'
import { addWorkingDays, type CaseEventNotice } from '#core'
import { enqueue, subscribers, type OutboxMessage } from './outbox.js'
import type { InboundClient } from './inbound_auth.js'
import type { AuditEntry } from '#audit'

/** What the host lends a plugin while a case event is being written. */
export interface IntegrationHost {
  trx: TransactionClientContract
  /** Active clients whose `dataKind` read scope covers the unit path. */
  subscribers(dataKind: string, unitPath: string): Promise<{ id: number }[]>
  enqueue(message: OutboxMessage): Promise<string>
  addWorkingDays(day: string, n: number): Promise<string>
}

export interface InboundContext {
  ctx: HttpContext
  client: InboundClient
  /** Throws 403 (audited) unless the client holds `access` on `dataKind` for a unit covering `unitPath`. */
  requireScope(dataKind: string, access: 'read' | 'write', unitPath: string): void
  /** A write transaction (the working-day calendar warmed first, as the cases module does). */
  transaction<T>(work: (trx: TransactionClientContract) => Promise<T>): Promise<T>
  /** Refuses (422) a body with fields outside `allowed`. */
  rejectUnknownFields(body: Record<string, unknown>, allowed: string[]): void
  /** An audit row in the caller's transaction, with the client as actor. */
  audit(
    trx: TransactionClientContract,
    entry: Omit<AuditEntry, 'actor' | 'actorEmail'>
  ): Promise<void>
}

export interface InboundEndpoint {
  method: 'GET' | 'POST'
  /** Path under /api/integrations/v1/, e.g. 'judgments'. */
  path: string
  dataKind: string
  access: 'read' | 'write'
  handle(inbound: InboundContext): Promise<unknown>
}

export interface IntegrationParts {
  /** Data kinds this plugin's scopes speak of (offered on the scope form). */
  dataKinds: string[]
  onCaseEvent?(notice: CaseEventNotice, host: IntegrationHost): Promise<void>
  inbound?: InboundEndpoint[]
}

export interface IntegrationDefinition extends IntegrationParts {
  kind: 'integration'
  [key: string]: unknown
}

export function defineIntegration(definition: IntegrationParts) {
  return definePlugin({ kind: 'integration', ...definition } as IntegrationDefinition)
}

export function integrationPlugins(): { id: string; definition: IntegrationDefinition }[] {
  return pluginRegistry()
    .filter((p) => p.status === 'loaded' && p.kind === 'integration' && p.definition)
    .map((p) => ({ id: p.id, definition: p.definition as unknown as IntegrationDefinition }))
}

export const BUILTIN_DATA_KINDS = ['cases']

export function dataKinds(): string[] {
  const kinds = new Set(BUILTIN_DATA_KINDS)
  for (const p of integrationPlugins()) for (const k of p.definition.dataKinds ?? []) kinds.add(k)
  return [...kinds].sort()
}

/** The listener registered into #core: hands every case event to each integration plugin, same transaction. */
export async function dispatchCaseEvent(notice: CaseEventNotice, trx: TransactionClientContract) {
  const host: IntegrationHost = {
    trx,
    subscribers: (kind, path) => subscribers(trx, kind, path),
    enqueue: (message) => enqueue(trx, message),
    addWorkingDays: (day, n) => addWorkingDays(day, n, trx),
  }
  for (const p of integrationPlugins()) {
    if (p.definition.onCaseEvent) await p.definition.onCaseEvent(notice, host)
  }
}

export function inboundEndpoint(method: string, path: string): InboundEndpoint | null {
  for (const p of integrationPlugins()) {
    for (const e of p.definition.inbound ?? []) if (e.method === method && e.path === path) return e
  }
  return null
}
