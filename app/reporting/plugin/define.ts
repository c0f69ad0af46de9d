/**
 * `definePlugin` is what a plugin's index.ts default-exports. It only tags and returns the definition; the
 * loader checks it against the manifest (`checkDefinition`) so that a bad plugin is refused at boot, not at use.
 */
import type { PluginDefinition, PluginManifest } from './types.js'
import { checkRules } from '../services/rules.js'

const DEFINED = Symbol.for('thads.plugin')

export function definePlugin<T extends PluginDefinition>(definition: T): T {
  Object.defineProperty(definition, DEFINED, { value: true, enumerable: false })
  return definition
}

export function isDefinedPlugin(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as any)[DEFINED] === true
}

/** Throws with a readable message when the definition does not fit its manifest or the host's contract. */
export function checkDefinition(definition: PluginDefinition, manifest: PluginManifest) {
  if (definition.kind !== manifest.kind)
    throw new Error(
      `index.ts defines a ${definition.kind} plugin, plugin.json says ${manifest.kind}`
    )
  if (definition.kind === 'export') {
    if (!Array.isArray(definition.formats) || typeof definition.render !== 'function')
      throw new Error('an export needs formats and render()')
    return
  }
  if (definition.kind === 'integration') {
    const d = definition as { dataKinds?: unknown; onCaseEvent?: unknown; inbound?: unknown }
    if (
      !Array.isArray(d.dataKinds) ||
      d.dataKinds.some((k) => !/^[a-z][a-z0-9_]{1,31}$/.test(String(k)))
    )
      throw new Error('an integration needs dataKinds: lower-case identifiers')
    if (d.onCaseEvent !== undefined && typeof d.onCaseEvent !== 'function')
      throw new Error('onCaseEvent must be a function')
    if (d.inbound !== undefined) {
      if (!Array.isArray(d.inbound)) throw new Error('inbound must be a list of endpoints')
      for (const e of d.inbound as any[]) {
        if (
          !['GET', 'POST'].includes(e?.method) ||
          typeof e?.path !== 'string' ||
          typeof e?.handle !== 'function'
        )
          throw new Error('each inbound endpoint needs method (GET|POST), path and handle()')
        if (
          !['read', 'write'].includes(e.access) ||
          !(d.dataKinds as string[]).includes(e.dataKind)
        )
          throw new Error(
            `inbound ${e.path} needs access read|write and one of the plugin's dataKinds`
          )
      }
    }
    return
  }
  if (definition.kind !== 'form') return
  const columns = definition.columns
  if (!Array.isArray(columns) || columns.length === 0) throw new Error('a form needs columns')
  const keys = new Set<string>()
  const nos = new Set<number>()
  for (const c of columns) {
    if (!/^[a-z][a-z0-9_]*$/.test(c.key))
      throw new Error(`column key "${c.key}" must be a lower-case identifier`)
    if (keys.has(c.key) || nos.has(c.no)) throw new Error(`column ${c.key}/${c.no} is duplicated`)
    if (!c.label?.vi || !c.label?.en) throw new Error(`column ${c.key} needs vi and en labels`)
    keys.add(c.key)
    nos.add(c.no)
  }
  const type = definition.type ?? 'measures'
  if (type === 'measures') {
    const d = definition as Extract<PluginDefinition, { source: 'cases' | 'money' }>
    if (!['cases', 'money'].includes(d.source))
      throw new Error('a measure form needs source "cases" or "money"')
    if (typeof d.measures !== 'function') throw new Error('a measure form needs measures()')
    if (d.crossPeriod) {
      for (const no of [
        d.crossPeriod.opening,
        d.crossPeriod.closing,
        ...d.crossPeriod.flows,
        ...(d.crossPeriod.softFlows ?? []),
      ]) {
        if (!nos.has(Number(no)))
          throw new Error(`crossPeriod names column ${no} that does not exist`)
      }
    }
  } else if (type === 'custom' && typeof (definition as any).compute !== 'function') {
    throw new Error('a custom form needs compute()')
  } else if (type === 'list' && typeof (definition as any).list !== 'function') {
    throw new Error('a list report needs list()')
  }
  if ('rules' in definition && definition.rules) checkRules(definition.rules, columns)
}
