import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { RuleViolation } from '#core'
import {
  lockStatus,
  assertWritable,
  registerSubmissionCheck,
  onEditUnderException,
  type EditedUnderException,
} from '#periods'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { makeEditRequest, closeYearDirectly, reopenYearDirectly } from '#tests/helpers/periods'

async function refusalKey(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise
    return null
  } catch (error) {
    if (error instanceof RuleViolation) return error.key
    throw error
  }
}

test.group('Lock reasons (SPEC §4)', () => {
  test('a month is open until its end plus one working day', async ({ assert }) => {
    const unit = await unitByCode(UNITS.hanoi)
    assert.deepEqual(await lockStatus(unit.id, '2025-02-10', { today: '2025-03-03' }), {
      reason: 'open',
    }) // Fri 28/2 → Mon 3/3
    assert.deepEqual(await lockStatus(unit.id, '2025-02-10', { today: '2025-03-04' }), {
      reason: 'period_closed',
    })
    // April 2025: 30/4, 1/5, the swapped 2/5 and the weekend push the closing to Monday 5/5
    assert.equal((await lockStatus(unit.id, '2025-04-15', { today: '2025-05-05' })).reason, 'open')
    assert.equal(
      (await lockStatus(unit.id, '2025-04-15', { today: '2025-05-06' })).reason,
      'period_closed'
    )
  })

  test('a closed statistical year answers year_closed for every date in it, and only in it', async ({
    assert,
  }) => {
    const unit = await unitByCode(UNITS.laocai)
    const national = await makeUser(UNITS.national, ['head'])
    await closeYearDirectly(2019, national)
    try {
      assert.equal(
        (await lockStatus(unit.id, '2018-10-01', { today: '2025-01-10' })).reason,
        'year_closed'
      )
      assert.equal(
        (await lockStatus(unit.id, '2019-09-30', { today: '2025-01-10' })).reason,
        'year_closed'
      )
      assert.equal(
        (await lockStatus(unit.id, '2019-10-01', { today: '2025-01-10' })).reason,
        'period_closed'
      )
    } finally {
      await reopenYearDirectly(2019)
    }
  })

  test('a registered submission check makes an open month answer submitted', async ({ assert }) => {
    const hanoi = await unitByCode(UNITS.hanoi)
    const camau = await unitByCode(UNITS.camau)
    const unregister = registerSubmissionCheck(
      async ({ unitId, month }) => unitId === hanoi.id && month === '2025-06'
    )
    try {
      assert.equal(
        (await lockStatus(hanoi.id, '2025-06-05', { today: '2025-06-20' })).reason,
        'submitted'
      )
      assert.equal(
        (await lockStatus(camau.id, '2025-06-05', { today: '2025-06-20' })).reason,
        'open'
      )
      assert.equal(
        await refusalKey(assertWritable(hanoi.id, '2025-06-05', { today: '2025-06-20' })),
        'periods.locked.submitted'
      )
    } finally {
      unregister()
    }
    assert.equal((await lockStatus(hanoi.id, '2025-06-05', { today: '2025-06-20' })).reason, 'open')
  })

  test('an approved exception opens its unit-month for its requester inside its time box only', async ({
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const caugiay = await unitByCode(UNITS.caugiay)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const colleague = await makeUser(UNITS.badinh, ['officer'])
    const id = await makeEditRequest(badinh, officer, {
      month: '2024-11',
      from: '2025-01-10',
      until: '2025-01-16',
    })
    const as = (actorId: number, today: string, day = '2024-11-20', unitId = badinh.id) =>
      lockStatus(unitId, day, { actorId, today })

    assert.deepEqual(await as(officer.id, '2025-01-12'), {
      reason: 'exception_active',
      editRequestId: id,
      lockedBy: 'period_closed',
    })
    assert.equal((await as(officer.id, '2025-01-16')).reason, 'exception_active')
    assert.equal((await as(officer.id, '2025-01-09')).reason, 'period_closed') // before approval
    assert.equal((await as(officer.id, '2025-01-17')).reason, 'period_closed') // time box over
    assert.equal((await as(colleague.id, '2025-01-12')).reason, 'period_closed') // another user
    assert.equal((await as(officer.id, '2025-01-12', '2024-12-05')).reason, 'period_closed') // another month
    assert.equal(
      (await as(officer.id, '2025-01-12', '2024-11-20', caugiay.id)).reason,
      'period_closed'
    ) // another unit
    assert.equal(
      (await lockStatus(badinh.id, '2024-11-20', { today: '2025-01-12' })).reason,
      'period_closed'
    ) // no actor
  })

  test('a request naming cases covers only those cases', async ({ assert }) => {
    const sapa = await unitByCode(UNITS.sapa)
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    const id = await makeEditRequest(sapa, clerk, {
      month: '2024-10',
      from: '2025-02-03',
      until: '2025-02-09',
      caseIds: [9001, 9002],
    })
    const check = (caseId: number | null) =>
      lockStatus(sapa.id, '2024-10-15', { actorId: clerk.id, caseId, today: '2025-02-05' })
    assert.equal((await check(9002)).editRequestId, id)
    assert.equal((await check(9003)).reason, 'period_closed')
    assert.equal((await check(null)).reason, 'period_closed')
  })

  test('an exception also lifts a year closing', async ({ assert }) => {
    const camau = await unitByCode(UNITS.camau)
    const statistician = await makeUser(UNITS.camau, ['statistician'])
    const national = await makeUser(UNITS.national, ['head'])
    await closeYearDirectly(2020, national)
    try {
      const id = await makeEditRequest(camau, statistician, {
        month: '2020-03',
        from: '2025-03-01',
        until: '2025-03-07',
      })
      assert.deepEqual(
        await lockStatus(camau.id, '2020-03-31', { actorId: statistician.id, today: '2025-03-03' }),
        {
          reason: 'exception_active',
          editRequestId: id,
          lockedBy: 'year_closed',
        }
      )
    } finally {
      await reopenYearDirectly(2020)
    }
  })
})

test.group('assertWritable', () => {
  test('refuses future dates, locked dates and malformed dates with the reason key', async ({
    assert,
  }) => {
    const unit = await unitByCode(UNITS.hanoi)
    assert.equal(
      await refusalKey(assertWritable(unit.id, '2025-03-11', { today: '2025-03-10' })),
      'periods.locked.future_date'
    )
    assert.equal(
      await refusalKey(assertWritable(unit.id, '2025-01-31', { today: '2025-03-10' })),
      'periods.locked.period_closed'
    )
    assert.equal(
      await refusalKey(assertWritable(unit.id, '10/03/2025', { today: '2025-03-10' })),
      'periods.locked.invalid_date'
    )
    assert.deepEqual(await assertWritable(unit.id, '2025-03-10', { today: '2025-03-10' }), {
      editRequestId: null,
    })
    assert.deepEqual(await assertWritable(unit.id, '2025-02-28', { today: '2025-03-03' }), {
      editRequestId: null,
    })
  })

  test('under an exception it tags the edit, audits it and raises the hook once, after commit', async ({
    assert,
  }) => {
    const caugiay = await unitByCode(UNITS.caugiay)
    const officer = await makeUser(UNITS.caugiay, ['officer'])
    const id = await makeEditRequest(caugiay, officer, {
      month: '2024-12',
      from: '2025-02-10',
      until: '2025-02-16',
    })
    const heard: EditedUnderException[] = []
    const stop = onEditUnderException((payload) => {
      heard.push(payload)
    })
    try {
      await db.transaction(async (trx) => {
        const options = { actorId: officer.id, caseId: 77, trx, today: '2025-02-11' }
        assert.deepEqual(await assertWritable(caugiay.id, '2024-12-20', options), {
          editRequestId: id,
        })
        assert.deepEqual(await assertWritable(caugiay.id, '2024-12-20', options), {
          editRequestId: id,
        }) // same write, second row
        assert.lengthOf(heard, 0) // not before commit
      })
      assert.deepEqual(heard, [
        {
          unitId: caugiay.id,
          unitPath: caugiay.path,
          effectiveDate: '2024-12-20',
          editRequestId: id,
          actorId: officer.id,
          caseId: 77,
        },
      ])
      const steps = await db
        .from('edit_request_steps')
        .where({ edit_request_id: id, action: 'edited' })
      assert.lengthOf(steps, 1)
      assert.equal(String(steps[0].effective_date).slice(0, 10), '2024-12-20')
      const request = await db.from('edit_requests').where('id', id).first()
      assert.equal(Number(request.edits_count), 1)
      const audit = await db
        .from('audit_events')
        .where({ action: 'periods.edited_under_exception', subject_id: String(id) })
      assert.lengthOf(audit, 1)
      assert.equal(Number(audit[0].actor_id), officer.id)

      // A rolled-back write leaves no trace and raises nothing.
      await db
        .transaction(async (trx) => {
          await assertWritable(caugiay.id, '2024-12-21', {
            actorId: officer.id,
            trx,
            today: '2025-02-11',
          })
          throw new Error('rollback')
        })
        .catch(() => {})
      assert.lengthOf(heard, 1)
      assert.lengthOf(
        await db.from('edit_request_steps').where({ edit_request_id: id, action: 'edited' }),
        1
      )
    } finally {
      stop()
    }
  })
})
