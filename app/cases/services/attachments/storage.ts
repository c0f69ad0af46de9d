/**
 * The private disk the attachments live on, the upload limit and the download headers. Keys are
 * attachments/<yyyy>/<uuid>: the user's file name never reaches the file system.
 */
import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'

export const ATTACHMENT_DISK = 'fs' as const

export function attachmentDisk() {
  return drive.use(ATTACHMENT_DISK)
}

/** The size limit in MB (env UPLOAD_MAX_MB, default 20); the body parser allows 1 MB more for the form. */
export function uploadMaxMb(): number {
  return env.get('UPLOAD_MAX_MB', 20)
}

export function uploadMaxBytes(): number {
  return uploadMaxMb() * 1024 * 1024
}

export function newStorageKey(year: string): string {
  return `attachments/${year}/${randomUUID()}`
}

/** A file name safe to show and send back: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()
  if (clean.length <= 255) return clean || 'tep'
  const dot = clean.lastIndexOf('.')
  const ext = dot > 0 && clean.length - dot <= 8 ? clean.slice(dot) : ''
  return clean.slice(0, 255 - ext.length) + ext
}

/**
 * Content-Disposition for a download (RFC 6266 / RFC 5987): an ASCII fallback for old clients and the exact
 * UTF-8 name in filename*, so "Quyết định số 12.pdf" arrives with its Vietnamese letters.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
