/**
 * plugin.json validation (VineJS). The folder name is the id; the host version must satisfy the `host` range;
 * a form must name its legal basis and the first day it applies.
 */
import vine from '@vinejs/vine'
import semver from 'semver'
import type { PluginKind, PluginManifest } from './types.js'

export const HOST_VERSION = '1.0.0'
export const PLUGIN_KINDS: PluginKind[] = ['form', 'export', 'integration']
/** Where each kind lives under plugins/. */
export const KIND_FOLDERS: Record<PluginKind, string> = {
  form: 'forms',
  export: 'exports',
  integration: 'integrations',
}

const isoDay = () => vine.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const manifestValidator = vine.compile(
  vine.object({
    id: vine.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    kind: vine.enum(PLUGIN_KINDS),
    version: vine.string().maxLength(32),
    title: vine.object({
      vi: vine.string().minLength(1).maxLength(255),
      en: vine.string().minLength(1).maxLength(255),
    }),
    host: vine.string().maxLength(64),
    legalBasis: vine.string().maxLength(255).nullable().optional(),
    validFrom: isoDay().nullable().optional(),
    validTo: isoDay().nullable().optional(),
  })
)

export class ManifestError extends Error {}

/** Validates a parsed plugin.json for the folder `folderId` of kind folder `folderKind`; throws ManifestError. */
export async function validateManifest(
  raw: unknown,
  folderId: string,
  folderKind?: PluginKind
): Promise<PluginManifest> {
  let data
  try {
    data = await manifestValidator.validate(raw)
  } catch (error: any) {
    const messages = (error.messages ?? []).map((m: any) => `${m.field}: ${m.message}`)
    throw new ManifestError(`invalid plugin.json: ${messages.join('; ') || error.message}`)
  }
  if (data.id !== folderId)
    throw new ManifestError(`id "${data.id}" differs from its folder name "${folderId}"`)
  if (folderKind && data.kind !== folderKind)
    throw new ManifestError(
      `kind "${data.kind}" is not allowed in the ${KIND_FOLDERS[folderKind]}/ folder`
    )
  if (semver.valid(data.version) !== data.version)
    throw new ManifestError(`version "${data.version}" is not a semantic version`)
  if (semver.validRange(data.host) === null)
    throw new ManifestError(`host range "${data.host}" is not understood`)
  if (!semver.satisfies(HOST_VERSION, data.host))
    throw new ManifestError(`needs host ${data.host}, this host is ${HOST_VERSION}`)
  const manifest: PluginManifest = {
    id: data.id,
    kind: data.kind,
    version: data.version,
    title: data.title,
    host: data.host,
    legalBasis: data.legalBasis ?? null,
    validFrom: data.validFrom ?? null,
    validTo: data.validTo ?? null,
  }
  if (manifest.kind === 'form' && (!manifest.legalBasis || !manifest.validFrom)) {
    throw new ManifestError('a form needs legalBasis and validFrom')
  }
  if (manifest.validFrom && manifest.validTo && manifest.validTo < manifest.validFrom) {
    throw new ManifestError('validTo is before validFrom')
  }
  return manifest
}
