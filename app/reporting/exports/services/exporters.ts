/**
 * Finds the export plugin for a format among the loaded plugins (plugins/exports/<id>/) and builds the
 * options every render receives: translator, display divisor, official header groups, recipient, preparer.
 */
import i18nManager from '@adonisjs/i18n/services/main'
import { RuleViolation, today } from '#core'
import { Unit, type User } from '#accounts'
import { definePlugin } from '../../plugin/define.js'
import { pluginRegistry } from '../../plugin/loader.js'
import type { FormDefinition } from '../../plugin/types.js'
import type { ExportFormat, ExportPlugin, ExportRenderOptions, Translate } from '../types.js'
import { officialHeaderGroups } from './official_headers.js'

/** Typed `definePlugin` for export plugins (render options and renderList included). */
export function defineExport(
  definition: Omit<ExportPlugin, 'kind'> & { kind?: 'export' }
): ExportPlugin {
  return definePlugin({ ...definition, kind: 'export' } as ExportPlugin)
}

/** The first loaded export plugin (folder order) that writes `format`, or null. */
export function exportPluginFor(format: string): ExportPlugin | null {
  for (const p of pluginRegistry()) {
    if (
      p.status === 'loaded' &&
      p.kind === 'export' &&
      (p.definition as ExportPlugin).formats.includes(format as ExportFormat)
    ) {
      return p.definition as ExportPlugin
    }
  }
  return null
}

export function requireExporter(format: ExportFormat): ExportPlugin {
  const plugin = exportPluginFor(format)
  if (!plugin) throw new RuleViolation('exports.no_exporter', { format })
  return plugin
}

export function exportLocale(locale: string | null | undefined): 'vi' | 'en' {
  return locale === 'en' ? 'en' : 'vi'
}

export function translator(locale: string): Translate {
  const i18n = i18nManager.locale(exportLocale(locale))
  return (key, data) => i18n.t(key, data as any)
}

export async function renderOptions(
  user: User,
  unitId: number,
  formId: string,
  definition: FormDefinition,
  locale: string
): Promise<ExportRenderOptions> {
  const unit = await Unit.find(unitId)
  const parent = unit?.parentId ? await Unit.find(unit.parentId) : null
  return {
    locale: exportLocale(locale),
    t: translator(locale),
    divisor:
      'displayDivisor' in definition && definition.displayDivisor ? definition.displayDivisor : 1,
    headerGroups: officialHeaderGroups(formId),
    recipient: parent?.name ?? null,
    preparedBy: user.fullName,
    issuedOn: today(),
  }
}
