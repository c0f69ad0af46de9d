import { transaction } from '#core'
import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import QRCode from 'qrcode'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { recordAudit } from './record_audit.js'

export interface PrintVerification {
  /** SHA-256 of the stored snapshot (hex). */
  hash: string
  /** "#12 · 3f2a…" — the latest signed audit checkpoint at print time, or null before the first one. */
  checkpoint: string | null
  /** The public verification address the QR code opens. */
  url: string
  /** The QR code (PNG). */
  qrPng: Buffer
}

function baseUrl(): string {
  const fallback = `http://${env.get('HOST', '127.0.0.1')}:${env.get('PORT', 3333)}`
  return (env.get('APP_URL') ?? fallback).replace(/\/$/, '').replace('0.0.0.0', '127.0.0.1')
}

export function snapshotHash(snapshot: string): string {
  return createHash('sha256').update(snapshot, 'utf8').digest('hex')
}

/**
 * Stores the snapshot of a form about to be printed and returns what the paper carries: the snapshot hash, the
 * latest checkpoint and a QR code of the verification address.
 */
export async function registerPrint(input: {
  form: {
    form: { id: string; version?: string }
    unit: { id: number; name: string }
    period: { year: number; n: number }
  }
  unitPath: string
  format: string
  actor: { id: number; email: string } | null
}): Promise<PrintVerification> {
  const snapshot = JSON.stringify(input.form)
  const hash = snapshotHash(snapshot)
  const token = randomBytes(16).toString('hex')
  const checkpoint = await db
    .from('audit_checkpoints')
    .orderBy('id', 'desc')
    .select('id', 'digest')
    .first()
  await transaction(async (trx) => {
    await trx
      .insertQuery()
      .table('printed_reports')
      .insert({
        token,
        form_id: input.form.form.id,
        form_version: input.form.form.version ?? null,
        unit_id: input.form.unit.id,
        unit_path: input.unitPath,
        unit_name: input.form.unit.name,
        year: input.form.period.year,
        period: input.form.period.n,
        format: input.format,
        snapshot,
        sha256: hash,
        checkpoint_id: checkpoint?.id ?? null,
        checkpoint_digest: checkpoint?.digest ?? null,
        created_by_id: input.actor?.id ?? null,
        created_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
      })
    await recordAudit(
      {
        actor: input.actor,
        unit: { id: input.form.unit.id, path: input.unitPath },
        action: 'report.printed',
        subjectType: 'printed_report',
        subjectId: token.slice(0, 12),
        after: { form: input.form.form.id, format: input.format, sha256: hash },
      },
      trx
    )
  })
  const url = `${baseUrl()}/verify/${token}?h=${hash}`
  const qrPng = await QRCode.toBuffer(url, {
    type: 'png',
    margin: 1,
    width: 180,
    errorCorrectionLevel: 'M',
  })
  return {
    hash,
    checkpoint: checkpoint ? `#${checkpoint.id} · ${String(checkpoint.digest).slice(0, 16)}` : null,
    url,
    qrPng,
  }
}

export type VerifyOutcome =
  | { state: 'unknown' }
  | {
      state: 'match' | 'mismatch' | 'no_hash' | 'corrupted'
      report: {
        formId: string
        unitName: string
        year: number
        period: number
        format: string
        printedAt: string
        sha256: string
        checkpointId: number | null
        checkpointDigest: string | null
      }
    }

/** Whether a printed report (its token and the hash printed on it) matches the stored snapshot. */
export async function verifyPrint(
  token: string,
  printedHash: string | null
): Promise<VerifyOutcome> {
  if (!/^[0-9a-f]{32}$/.test(token)) return { state: 'unknown' }
  const row = await db.from('printed_reports').where('token', token).first()
  if (!row) return { state: 'unknown' }
  const report = {
    formId: row.form_id,
    unitName: row.unit_name,
    year: Number(row.year),
    period: Number(row.period),
    format: row.format,
    printedAt: String(
      row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at
    ),
    sha256: row.sha256,
    checkpointId: row.checkpoint_id === null ? null : Number(row.checkpoint_id),
    checkpointDigest: row.checkpoint_digest,
  }
  // The stored snapshot must still give its own hash (nobody edited it in the database).
  if (snapshotHash(row.snapshot) !== row.sha256) return { state: 'corrupted', report }
  if (!printedHash) return { state: 'no_hash', report }
  return { state: printedHash.toLowerCase() === row.sha256 ? 'match' : 'mismatch', report }
}
