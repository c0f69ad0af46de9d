/**
 * Import files on the private drive disk (keys imports/<yyyy>/<uuid>.<ext>). The parsers read a local path: on
 * the fs disk that is the stored file itself; on another disk the file is first copied to the temp directory.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import app from '@adonisjs/core/services/app'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'

export const IMPORT_DISK = 'fs' as const

export function importDisk() {
  return drive.use(IMPORT_DISK)
}

/** Largest accepted import file, in MB (env IMPORT_MAX_MB, default 150). */
export function importMaxMb(): number {
  return Number(process.env.IMPORT_MAX_MB ?? 150)
}

export function newImportKey(ext: 'csv' | 'xlsx'): string {
  return `imports/${new Date().getUTCFullYear()}/${randomUUID()}.${ext}`
}

const TEMP_PREFIX = 'thads-import-'

export async function localPath(key: string): Promise<string> {
  if (env.get('DRIVE_DISK', 'fs') === 'fs') return app.makePath('storage', key)
  const path = join(tmpdir(), `${TEMP_PREFIX}${randomUUID()}`)
  await pipeline(await importDisk().getStream(key), createWriteStream(path))
  return path
}

/**
 * Deletes the local copy `localPath` made of a file on a remote disk; the kept original on a local disk is never
 * touched (a prefix test on the temp directory alone would delete it when the app itself runs under /tmp).
 */
export async function releaseLocalPath(path: string): Promise<void> {
  if (path.startsWith(join(tmpdir(), TEMP_PREFIX))) await unlink(path).catch(() => {})
}
