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
  /** A submission's printout: its stored snapshot (exactly as submitted) is what the paper is checked against. */
  submission?: { id: number; snapshot: string }
}): Promise<PrintVerification> {
  const snapshot = input.submission?.snapshot ?? JSON.stringify(input.form)
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
        ...(input.submission ? { submission_id: input.submission.id } : {}),
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
        after: {
          form: input.form.form.id,
          format: input.format,
          sha256: hash,
          ...(input.submission ? { submission: input.submission.id } : {}),
        },
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
      /** A printed submission: its version, and what came after it (a newer version, a revision). */
      submission?: SubmissionState | null
    }

export interface SubmissionState {
  id: number
  version: number
  /** The stored submission's snapshot no longer gives the hash printed (edited in the database). */
  altered: boolean
  /** The newest version of the same form, unit and period when it is not this one. */
  newerVersion: number | null
  /** Data the version counted was edited later under an approved exception (submission_revisions). */
  revised: boolean
}

/** What became of a printed submission since (read from the append-only submission tables). */
async function submissionState(id: number, sha256: string): Promise<SubmissionState | null> {
  const row = await db.from('submissions').where('id', id).first()
  if (!row) return null
  const newest = await db
    .from('submissions')
    .where({
      form_id: row.form_id,
      unit_id: row.unit_id,
      year: row.year,
      period: row.period,
      level: row.level,
      officer_id: row.officer_id,
    })
    .max('version as v')
    .first()
  const revision = await db.from('submission_revisions').where('submission_id', id).first()
  const newer = Number(newest?.v ?? row.version)
  return {
    id,
    version: Number(row.version),
    altered: row.sha256 !== sha256 || snapshotHash(String(row.snapshot)) !== sha256,
    newerVersion: newer > Number(row.version) ? newer : null,
    revised: Boolean(revision),
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
  const submission = row.submission_id
    ? await submissionState(Number(row.submission_id), row.sha256)
    : null
  // The stored snapshot (and, for a submission, the submission itself) must still give the hash printed.
  if (snapshotHash(row.snapshot) !== row.sha256 || submission?.altered)
    return { state: 'corrupted', report, submission }
  if (!printedHash) return { state: 'no_hash', report, submission }
  return {
    state: printedHash.toLowerCase() === row.sha256 ? 'match' : 'mismatch',
    report,
    submission,
  }
}
