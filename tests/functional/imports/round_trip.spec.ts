import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ComputeReport } from '#reporting'
import { RecordEvent, RecordCollection, RecordPayout, RecordFee, AmendObligation } from '#cases'
import { WithdrawCase } from '#cases/actions/withdraw_case'
import { RevokeDecision } from '#cases/actions/revoke_decision'
import { writePartialDelegation } from '#cases/services/transfers'
import { writeTransaction } from '#cases/services/dates'
import { makeUser, as } from '#tests/helpers/factories'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { acceptedCase, day, pinClock } from '#tests/functional/cases/_setup'
import { importRunner } from '#cases/imports/services/runner'
import { batchIdFrom, confirmAndWait } from './_helpers.js'

const FORMS = ['form-06-cases', 'form-07-money']
const YEARS = [2026, 2027]

async function snapshot(reader: any, units: string[], officerUnit: string) {
  const out: Record<string, unknown> = {}
  for (const form of FORMS)
    for (const unit of units)
      for (const year of YEARS)
        for (let period = 1; period <= 12; period++) {
          const layouts: (undefined | 'officer')[] =
            unit === officerUnit ? [undefined, 'officer'] : [undefined]
          for (const by of layouts) {
            const key = `${form}/${unit}/${year}/${period}/${by ?? 'default'}`
            try {
              const { form: computed } = await new ComputeReport().handle(reader, {
                form,
                unit,
                year,
                period,
                by,
              })
              out[key] = { rows: computed.rows, columns: (computed as any).columns?.length }
            } catch (error) {
              out[key] = { error: (error as any).key ?? String(error) }
            }
          }
        }
  return out
}

test.group('Imports / round trip', (group) => {
  pinClock(group)
  group.each.teardown(() => importRunner.idle())

  test('export a unit in the import format, import it into an emptied instance: forms 06 and 07 identical for every period, year and level', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    const [district, other] = districts
    const provinceHead = await makeUser(province.code, ['head'])
    const provinceStat = await makeUser(province.code, ['statistician'])
    const inspector = await makeUser('TC', ['inspector'])
    const core = new RecordEvent()
    const ev = (actor: any, caseId: number, input: any) =>
      writeTransaction((trx) => core.within(trx, actor, caseId, input, () => {}))

    // A: collected, paid out, no conditions, resumed, collected the rest, paid out, completed
    const a = await acceptedCase({ unit: district.code })
    await new RecordCollection().handle(a.officer, a.c.id, {
      amount: 3_000_000,
      effectiveDate: day(2),
      receiptNumber: 'BL-A1',
    })
    await new RecordPayout().handle(a.officer, a.c.id, {
      amount: 3_000_000,
      effectiveDate: day(3),
      payee: 'creditor',
    })
    await ev(a.officer, a.c.id, {
      type: 'no_conditions',
      effectiveDate: day(4),
      legalGround: '44a.1.a',
    })
    await ev(a.officer, a.c.id, { type: 'resume', effectiveDate: day(6) })
    await new RecordCollection().handle(a.officer, a.c.id, {
      amount: 7_000_000,
      effectiveDate: day(7),
      receiptNumber: 'BL-A2',
    })
    await new RecordPayout().handle(a.officer, a.c.id, {
      amount: 7_000_000,
      effectiveDate: day(8),
      payee: 'creditor',
    })
    await ev(a.officer, a.c.id, { type: 'completed', effectiveDate: day(9) })
    // B: terminated
    const b = await acceptedCase({ unit: district.code, amount: 4_000_000 })
    await ev(b.officer, b.c.id, {
      type: 'terminated',
      effectiveDate: day(5),
      legalGround: '50.1.a',
    })
    // C: partial delegation, then postponed
    const c = await acceptedCase({ unit: district.code, amount: 6_000_000 })
    await writeTransaction((trx) =>
      writePartialDelegation(trx, c.head, c.c.id, {
        amount: 2_000_000,
        effectiveDate: day(3),
        documentNumber: 'UT-1',
        targetUnitId: other.id,
        delegationId: 0,
      })
    )
    await ev(c.officer, c.c.id, { type: 'postponed', effectiveDate: day(5), legalGround: '48.1.a' })
    // D: full delegation
    const d = await acceptedCase({ unit: district.code })
    await ev(d.head, d.c.id, {
      type: 'delegated_out',
      effectiveDate: day(4),
      targetUnitId: other.id,
      data: { scope: 'full' },
    })
    // E: withdrawn by the province
    const e = await acceptedCase({ unit: district.code })
    await new WithdrawCase().handle(provinceHead, e.c.id, {
      effectiveDate: day(5),
      reason: 'Rút hồ sơ',
    })
    // F: handover to another officer, amended, reduced, a fee
    const f = await acceptedCase({ unit: district.code })
    const officer2 = await makeUser(district.code, ['officer'])
    await ev(f.head, f.c.id, { type: 'handover', effectiveDate: day(3), officerId: officer2.id })
    await new AmendObligation().handle(officer2, f.c.id, {
      amount: 1_000_000,
      effectiveDate: day(4),
      documentNumber: 'SĐ-1',
    })
    await ev(officer2, f.c.id, { type: 'reduction', effectiveDate: day(6), amount: 500_000 })
    await new RecordFee().handle(officer2, f.c.id, { amount: 100_000, effectiveDate: day(6) })
    // G: revoked; H: suspended
    const g = await acceptedCase({ unit: district.code })
    await new RevokeDecision().handle(g.head, g.c.id, { effectiveDate: day(2), reason: 'Sai' })
    const h = await acceptedCase({ unit: district.code })
    await ev(h.officer, h.c.id, { type: 'suspended', effectiveDate: day(3) })

    const units = [district.code, province.code, 'TC']
    const before = await snapshot(inspector, units, district.code)
    const computed = Object.values(before).filter((v: any) => !v.error)
    assert.isAbove(computed.length, 100, 'forms were computed, not refused')
    assert.include(
      JSON.stringify(before[`form-07-money/${district.code}/2027/2/default`]),
      '10000000'
    )

    // export the district in the import format
    const exported = await as(
      client.get(`/imports/export?unit=${district.code}&format=csv`),
      provinceStat
    )
    assert.equal(exported.status(), 200)
    const file = Buffer.from(exported.text())
    assert.include(exported.text(), 'delegated_out')

    // empty the district (the instance keeps its units and accounts)
    const ids = (await db.from('cases').where('unit_id', district.id).select('id')).map((r) => r.id)
    assert.lengthOf(ids, 8)
    for (const table of [
      'money_entries',
      'case_assignments',
      'case_status_spans',
      'case_events',
      'case_parties',
      'case_obligations',
      'case_search_terms',
      'case_deadlines',
    ])
      await db.from(table).whereIn('case_id', ids).delete()
    await db.from('cases').whereIn('id', ids).delete()
    const emptied = await snapshot(inspector, [district.code], district.code)
    assert.notDeepEqual(
      emptied[`form-06-cases/${district.code}/2027/2/default`],
      before[`form-06-cases/${district.code}/2027/2/default`]
    )

    // import it again
    const up = await as(client.post('/imports'), provinceStat)
      .withCsrfToken()
      .file('file', file, { filename: 'export.csv' })
      .redirects(0)
    await importRunner.idle() // the dry run runs in the background
    const id = batchIdFrom(up.header('location'))
    const batch = await db.from('import_batches').where('id', id).first()
    const errors = await db.from('import_row_errors').where('batch_id', id)
    assert.deepEqual(errors, [])
    assert.equal(Number(batch.to_create), 8)
    await confirmAndWait(client, provinceHead, id)
    assert.equal((await db.from('import_batches').where('id', id).first()).status, 'committed')

    const after = await snapshot(inspector, units, district.code)
    assert.deepEqual(after, before)
    // The imported cases carry the live path's derived facts too: header-search terms and legal deadlines.
    const imported = (await db.from('cases').where('import_batch_id', id).select('id')).map(
      (r) => r.id
    )
    const searchable = await db
      .from('case_search_terms')
      .whereIn('case_id', imported)
      .where('kind', 'number')
      .countDistinct('case_id as n')
      .first()
    assert.equal(Number(searchable.n), imported.length)
  }).timeout(180_000)
})
