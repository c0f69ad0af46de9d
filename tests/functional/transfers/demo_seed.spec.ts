import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ComputeReport } from '#reporting'
import { periodOf } from '#periods'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { seedDemoAccounts } from '#database/seeders/demo_accounts'
import { seedDemoCases } from '#database/seeders/demo_cases'
import { pinClock, TODAY } from './_setup.js'

test.group('Demo practice history (small N)', (group) => {
  pinClock(group)

  test('is written through the real actions with every kind of transfer, and form 06/07 identities hold', async ({
    assert,
  }) => {
    await seedDemoAccounts()
    const result = await seedDemoCases({
      cases: 160,
      seed: 7,
      end: TODAY,
      restoreToday: TODAY,
      force: true,
    })
    assert.isNotNull(result)
    assert.isAbove(result!.cases, 150)
    assert.isBelow(result!.skipped, result!.steps / 10)
    const demo = db
      .from('cases')
      .whereIn('unit_id', (q) =>
        q
          .from('units')
          .select('id')
          .whereIn('code', ['T01', 'T01-BADINH', 'T01-CAUGIAY', 'T10', 'T10-SAPA', 'T96', 'QP-01'])
      )
    const kinds = await db
      .from('case_events')
      .whereIn('case_id', demo.clone().select('id'))
      .distinct('type')
      .then((rows) => rows.map((x: any) => x.type))
    for (const kind of [
      'decision_approved',
      'officer_assigned',
      'handover',
      'notified',
      'verified',
      'completed',
      'delegated_out',
    ])
      assert.include(kinds, kind)
    const money = await db
      .from('money_entries')
      .whereIn('case_id', demo.clone().select('id'))
      .distinct('kind')
      .then((rows) => rows.map((x: any) => x.kind))
    for (const kind of ['obligation', 'collected', 'paid_out', 'delegated_amount'])
      assert.include(money, kind)
    assert.isAbove(
      Number((await db.from('handovers').where('status', 'confirmed').count('* as n').first()).n),
      0
    )
    const origins = await demo
      .clone()
      .distinct('origin')
      .then((rows) => rows.map((x: any) => x.origin))
    assert.include(origins, 'delegated_in')
    // Delegations in both directions: to and from the military unit.
    const qp = await unitByCode('QP-01')
    const delegations = await db
      .from('delegations')
      .where('status', 'accepted')
      .select('from_unit_id', 'to_unit_id')
    assert.isTrue(delegations.some((d) => d.to_unit_id === qp.id || d.from_unit_id === qp.id))

    // Every identity rule of forms 06 and 07 passes for the demo provinces at the end of the history.
    const reader = await makeUser(UNITS.national, ['inspector'])
    const { year, n: period } = periodOf(TODAY)
    for (const unit of [UNITS.camau, UNITS.laocai]) {
      for (const form of ['form-06-cases', 'form-07-money']) {
        const computed = (await new ComputeReport().handle(reader, { form, unit, year, period }))
          .form
        const failed = computed.rules.filter((r) => !r.passed)
        assert.deepEqual(
          failed.map((r) => `${form} ${unit}: ${JSON.stringify(r)}`),
          []
        )
        assert.isAbove(computed.rules.length, 0)
      }
    }
  }).timeout(120_000)
})
