/**
 * The import/export format of historical records (docs/import.md): one flat table, one row per fact, rows of a
 * case contiguous and starting with its `case` row. The same columns serve the csv and xlsx templates and the
 * export of a unit's cases, so an export can be imported again unchanged.
 */
export const COLUMNS = [
  'row_type',
  'source_system',
  'external_id',
  'unit_code',
  'date',
  'number',
  'kind',
  'origin',
  'credit_institution',
  'judgment_number',
  'judgment_date',
  'court',
  'judgment_type',
  'role',
  'name',
  'address',
  'id_number',
  'description',
  'amount',
  'payee',
  'officer_email',
  'event_type',
  'legal_ground',
  'receipt_number',
  'target_unit_code',
  'scope',
  'note',
] as const

export type Column = (typeof COLUMNS)[number]
export type RawRow = Partial<Record<Column, string>>

export const ROW_TYPES = ['case', 'party', 'obligation', 'assignment', 'event', 'money'] as const
export type RowType = (typeof ROW_TYPES)[number]

/** Events a history row may carry: every event of SPEC §3 except the acceptance (the `case` row itself). */
export const HISTORY_EVENTS = [
  'officer_assigned',
  'handover',
  'notified',
  'verified',
  'no_conditions',
  'resume',
  'postponed',
  'suspended',
  'terminated',
  'exemption',
  'reduction',
  'obligation_amended',
  'security_measure',
  'coercion',
  'delegated_out',
  'withdrawn',
  'revoked',
  'completed',
  'result_confirmed',
  'archived',
] as const

/** Money rows: the postings an officer records; every other money kind follows from an event. */
export const MONEY_ROW_KINDS = ['collected', 'paid_out', 'fee'] as const

/** The error column added to the original file in the downloadable error report. */
export const ERROR_COLUMN = 'error'

/** A few example rows: the templates show one complete case. */
export const TEMPLATE_ROWS: RawRow[] = [
  {
    row_type: 'case',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    unit_code: 'T01-BADINH',
    date: '2017-03-15',
    number: '125/QĐ-CCTHADS',
    kind: 'ex_officio',
    origin: 'new',
    credit_institution: '0',
    judgment_number: '45/2016/DS-ST',
    judgment_date: '2016-12-20',
    court: 'TAND quận Ba Đình',
    judgment_type: 'civil',
    note: 'Hồ sơ nhập bổ sung',
  },
  {
    row_type: 'party',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    role: 'debtor',
    name: 'Nguyễn Văn A',
    address: 'Ba Đình, Hà Nội',
  },
  {
    row_type: 'party',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    role: 'creditor',
    name: 'Trần Thị B',
  },
  {
    row_type: 'obligation',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    kind: 'money',
    description: 'Trả nợ',
    amount: '50000000',
    payee: 'creditor',
  },
  {
    row_type: 'assignment',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    date: '2017-03-15',
    officer_email: 'chv@example.vn',
  },
  {
    row_type: 'event',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    event_type: 'verified',
    date: '2017-04-10',
    number: 'BB-12',
  },
  {
    row_type: 'money',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    kind: 'collected',
    date: '2017-05-02',
    amount: '20000000',
    receipt_number: 'BL-0091',
  },
  {
    row_type: 'money',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    kind: 'paid_out',
    date: '2017-05-20',
    amount: '20000000',
    payee: 'creditor',
  },
  {
    row_type: 'event',
    source_system: 'LEGACY',
    external_id: 'HS-0001',
    event_type: 'no_conditions',
    date: '2017-06-01',
    number: '07/QĐ-CCTHADS',
    legal_ground: '44a.1.a',
  },
]

/** CSV text of rows in the import columns (RFC 4180 quoting). */
export function csvLine(values: readonly (string | null | undefined)[]): string {
  return values
    .map((v) => {
      const s = v ?? ''
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
    })
    .join(',')
}

export function rowValues(row: RawRow): string[] {
  return COLUMNS.map((c) => row[c] ?? '')
}

/** A timestamp as SQL text (UTC), the same on SQLite and MariaDB; `msAgo` shifts it into the past. */
export function sqlNow(msAgo = 0): string {
  return new Date(Date.now() - msAgo).toISOString().slice(0, 19).replace('T', ' ')
}
