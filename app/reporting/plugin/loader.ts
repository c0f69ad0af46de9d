/**
 * Plugin discovery: every folder plugins/<kind folder>/<id>/ with a plugin.json and an index.ts (index.js once
 * built). Each plugin is loaded on its own: a bad manifest, a missing index, a throwing import or a definition
 * that does not fit is logged and kept in the registry as `failed` with its error, and the boot goes on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Logger } from '@adonisjs/core/logger'
import { KIND_FOLDERS, PLUGIN_KINDS, validateManifest } from './manifest.js'
import { checkDefinition, isDefinedPlugin } from './define.js'
import type { FormDefinition, LoadedPlugin, PluginManifest } from './types.js'

const registry = new Map<string, LoadedPlugin>()

async function loadOne(
  dir: string,
  id: string,
  folderKind: (typeof PLUGIN_KINDS)[number]
): Promise<LoadedPlugin> {
  const entry: LoadedPlugin = {
    id,
    kind: folderKind,
    dir,
    manifest: null,
    definition: null,
    status: 'failed',
    error: null,
  }
  try {
    const manifestPath = join(dir, 'plugin.json')
    if (!existsSync(manifestPath)) throw new Error('plugin.json is missing')
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(manifestPath, 'utf8'))
    } catch (error: any) {
      throw new Error(`plugin.json is not valid JSON: ${error.message}`)
    }
    const manifest: PluginManifest = await validateManifest(raw, id, folderKind)
    entry.manifest = manifest
    const index = ['index.ts', 'index.js'].map((f) => join(dir, f)).find((f) => existsSync(f))
    if (!index) throw new Error('index.ts is missing')
    let module: any
    try {
      module = await import(pathToFileURL(join(dir, 'index.js')).href)
    } catch (error: any) {
      throw new Error(`index could not be imported: ${error.message}`)
    }
    if (!isDefinedPlugin(module.default))
      throw new Error('index must `export default definePlugin({...})` from #reporting')
    checkDefinition(module.default, manifest)
    entry.definition = module.default
    entry.status = 'loaded'
  } catch (error: any) {
    entry.error = error.message ?? String(error)
  }
  return entry
}

/**
 * Scans `root` (plugins/) and replaces the registry with what it found. Returns the entries, failed ones included.
 * `into` lets tests load a fixture folder without touching the application's registry.
 */
export async function loadPlugins(
  root: string,
  logger?: Logger,
  into: Map<string, LoadedPlugin> = registry
): Promise<LoadedPlugin[]> {
  into.clear()
  for (const kind of PLUGIN_KINDS) {
    const folder = join(root, KIND_FOLDERS[kind])
    if (!existsSync(folder)) continue
    for (const name of readdirSync(folder).sort()) {
      const dir = join(folder, name)
      if (name.startsWith('.') || !statSync(dir).isDirectory()) continue
      const entry = await loadOne(dir, name, kind)
      if (into.has(entry.id)) {
        entry.status = 'failed'
        entry.definition = null
        entry.error = `duplicate plugin id ${entry.id}`
        into.set(`${entry.id}@${KIND_FOLDERS[kind]}`, entry)
      } else {
        into.set(entry.id, entry)
      }
      if (entry.status === 'failed')
        logger?.error({ plugin: entry.id, dir }, `plugin ${entry.id} skipped: ${entry.error}`)
      else
        logger?.debug({ plugin: entry.id }, `plugin ${entry.id}@${entry.manifest!.version} loaded`)
    }
  }
  return [...into.values()]
}

export function pluginRegistry(): LoadedPlugin[] {
  return [...registry.values()]
}

/** A loaded form plugin by id, or null (unknown or failed). */
export function formPlugin(
  id: string
): (LoadedPlugin & { manifest: PluginManifest; definition: FormDefinition }) | null {
  const entry = registry.get(id)
  if (!entry || entry.status !== 'loaded' || entry.definition?.kind !== 'form') return null
  return entry as any
}

export function formPlugins() {
  return pluginRegistry()
    .filter((p) => p.status === 'loaded' && p.kind === 'form')
    .map((p) => formPlugin(p.id)!)
}
