/**
 * What a schedule can send. A small registry so that other report kinds (reconciliation, completeness, …)
 * plug in with `registerSendable` from #reporting; every loaded form or list plugin is sendable as
 * `form:<plugin id>`. A sendable authorizes its reader (throws AccessDenied) and produces one file.
 */
import { readFile, rm } from 'node:fs/promises'
import { AccessDenied } from '#core'
import type { User } from '#accounts'
import { formPlugins, formPlugin } from '../../plugin/loader.js'
import { authorizeReport } from '../../services/access.js'
import { produceExport } from '../../exports/services/produce.js'
import { lang } from '../../exports/services/document.js'

export type SendFormat = 'xlsx' | 'pdf' | 'link'
export const SEND_FORMATS: readonly SendFormat[] = ['xlsx', 'pdf', 'link']

export interface SendUnit {
  id: number
  code: string
  path: string
}

export interface SendRequest {
  unit: SendUnit
  year: number
  period: number
  format: Exclude<SendFormat, 'link'>
  locale: string
}

export interface SentFile {
  fileName: string
  mime: string
  body: Buffer
}

export interface Sendable {
  key: string
  /** form, list, reconciliation, completeness … (groups the chooser). */
  group: string
  title(locale: string): string
  formats: readonly SendFormat[]
  /** Throws AccessDenied when `user` may not read it for `unit`. */
  authorize(user: User, unit: SendUnit): void
  produce(user: User, request: SendRequest): Promise<SentFile>
  /** Path (no host) of the page showing the same report. */
  link(request: Omit<SendRequest, 'format' | 'locale'>): string
}

const registry = new Map<string, Sendable>()

export function registerSendable(item: Sendable): void {
  registry.set(item.key, item)
}

function formSendable(id: string): Sendable | null {
  const plugin = formPlugin(id)
  if (!plugin) return null
  return {
    key: `form:${id}`,
    group: plugin.definition.type === 'list' ? 'list' : 'form',
    title: (locale) => lang(plugin.manifest.title, locale),
    formats: SEND_FORMATS,
    authorize(user, unit) {
      // A summary goes to others: an officer's own-row view is not a unit's report.
      if (authorizeReport(user, unit).officerId !== null)
        throw new AccessDenied('forbidden', { type: 'unit', id: unit.id })
    },
    async produce(user, r) {
      const file = await produceExport(user, {
        form: id,
        unit: String(r.unit.id),
        year: r.year,
        period: r.period,
        format: r.format,
        locale: r.locale,
      })
      if (file.body) return { fileName: file.fileName, mime: file.mime, body: file.body }
      try {
        return { fileName: file.fileName, mime: file.mime, body: await readFile(file.path!) }
      } finally {
        await rm(file.path!, { force: true })
      }
    },
    link: (r) => `/reports/forms/${id}?unit=${r.unit.id}&year=${r.year}&period=${r.period}`,
  }
}

export function sendable(key: string): Sendable | null {
  if (registry.has(key)) return registry.get(key)!
  return key.startsWith('form:') ? formSendable(key.slice(5)) : null
}

export function sendables(): Sendable[] {
  const forms = formPlugins().map((p) => formSendable(p.id)!)
  return [...forms.filter((f) => f && !registry.has(f.key)), ...registry.values()]
}
