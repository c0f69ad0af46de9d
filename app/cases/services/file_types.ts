/**
 * Which files may be attached, recognised by their CONTENT (magic numbers and container structure), not by
 * what the browser claims. A file is accepted only when its extension and its content name the same type.
 *
 *   PDF  %PDF-                 PNG  89 50 4E 47 0D 0A 1A 0A      JPEG FF D8 FF
 *   DOC / XLS  OLE2 compound file D0 CF 11 E0 A1 B1 1A E1, told apart by the directory stream names
 *              (WordDocument | Workbook / Book)
 *   DOCX / XLSX  ZIP (PK 03 04) whose central directory holds [Content_Types].xml and word/… or xl/…
 */
export const ALLOWED_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'doc',
  'docx',
  'xls',
  'xlsx',
] as const
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'doc' | 'xls' | 'docx' | 'xlsx'

export const MIME_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The kind an extension promises (jpg and jpeg are the same kind). */
export function kindOfExtension(ext: string): FileKind | null {
  const e = ext.toLowerCase().replace(/^\./, '')
  if (e === 'jpg' || e === 'jpeg') return 'jpeg'
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(e) ? (e as FileKind) : null
}

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false
  return bytes.every((b, i) => buf[at + i] === b)
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Names of the entries of a ZIP archive, read from its central directory (null when it is not a sound ZIP). */
export function zipEntryNames(buf: Buffer): string[] | null {
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return null
  // End of central directory: 22 bytes + a comment of at most 65535 bytes, at the end of the file.
  const floor = Math.max(0, buf.length - 22 - 0xffff)
  let eocd = -1
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = buf.readUInt16LE(eocd + 10)
  let at = buf.readUInt32LE(eocd + 16)
  const names: string[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null
    const nameLength = buf.readUInt16LE(at + 28)
    const extraLength = buf.readUInt16LE(at + 30)
    const commentLength = buf.readUInt16LE(at + 32)
    if (at + 46 + nameLength > buf.length) return null
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/**
 * Stream names of an OLE2 compound file: directory entries are 128 bytes, aligned inside sectors, with a
 * UTF-16LE name of at most 31 characters and its byte length at offset 64.
 */
export function ole2StreamNames(buf: Buffer): string[] {
  if (!startsWith(buf, OLE2) || buf.length < 512) return []
  const sectorSize = 1 << buf.readUInt16LE(0x1e)
  if (sectorSize !== 512 && sectorSize !== 4096) return []
  const names: string[] = []
  for (let at = sectorSize; at + 128 <= buf.length; at += 128) {
    const length = buf.readUInt16LE(at + 64)
    const type = buf[at + 66]
    if (length < 4 || length > 64 || length % 2 !== 0 || type < 1 || type > 5) continue
    if (buf[at + length - 2] !== 0 || buf[at + length - 1] !== 0) continue
    const name = buf.toString('utf16le', at, at + length - 2)
    if ([...name].every((ch) => ch.charCodeAt(0) >= 1 && ch.charCodeAt(0) <= 0x7e)) names.push(name)
  }
  return names
}

/** The kind the bytes really are, or null when they are none of the accepted kinds. */
export function sniff(buf: Buffer): FileKind | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(buf, OLE2)) {
    const names = ole2StreamNames(buf)
    if (names.includes('WordDocument')) return 'doc'
    if (names.includes('Workbook') || names.includes('Book')) return 'xls'
    return null
  }
  const entries = zipEntryNames(buf)
  if (entries && entries.includes('[Content_Types].xml')) {
    if (entries.some((n) => n.startsWith('word/'))) return 'docx'
    if (entries.some((n) => n.startsWith('xl/'))) return 'xlsx'
  }
  return null
}
