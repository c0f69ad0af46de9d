/**
 * Receives the multipart `file` of an import request as a stream into a temporary file (the import routes are
 * processed manually: their limit is IMPORT_MAX_MB, not the attachments' limit). Fields (dry_run…) land in the
 * request body as usual. A file beyond the limit is refused with a readable message before it is kept.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { RuleViolation } from '#core'
import { importMaxMb } from './storage.js'

export interface Received {
  tmpPath: string
  clientName: string
  size: number
}

export async function receiveFile(ctx: HttpContext): Promise<Received | null> {
  const multipart = ctx.request.multipart
  if (!multipart || !ctx.request.is(['multipart/form-data'])) return null
  let received: Received | null = null
  multipart.onFile('file', {}, async (part, reporter) => {
    const tmpPath = join(tmpdir(), `thads-upload-${randomUUID()}`)
    let size = 0
    part.on('data', (chunk: Buffer) => {
      size += chunk.length
      reporter(chunk)
    })
    await pipeline(part, createWriteStream(tmpPath))
    received = { tmpPath, clientName: part.filename ?? 'tep', size }
    return { tmpPath }
  })
  try {
    await multipart.process({ limit: `${importMaxMb()}mb` } as any)
  } catch (error) {
    if (received) await unlink((received as Received).tmpPath).catch(() => {})
    if ((error as { code?: string })?.code === 'E_REQUEST_ENTITY_TOO_LARGE')
      throw new RuleViolation('imports.errors.too_large', { max: importMaxMb() })
    throw error
  }
  return received
}
