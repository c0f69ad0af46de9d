import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import type { ProducedExport } from '../services/produce.js'

/** Sends a file as an attachment that no cache keeps. */
export function sendAttachment(
  { response }: HttpContext,
  fileName: string,
  mime: string,
  body: Buffer | Readable
) {
  response.header('content-type', mime)
  response.header(
    'content-disposition',
    `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`
  )
  response.header('cache-control', 'private, no-store')
  response.header('x-content-type-options', 'nosniff')
  if (Buffer.isBuffer(body)) return response.send(body)
  return response.stream(body)
}

/** Sends a produced export; a temporary file is deleted once the response is over. */
export function sendProduced(ctx: HttpContext, file: ProducedExport) {
  if (file.body) return sendAttachment(ctx, file.fileName, file.mime, file.body)
  const path = file.path!
  ctx.response.response.once('close', () => void rm(path, { force: true }))
  return sendAttachment(ctx, file.fileName, file.mime, createReadStream(path))
}
