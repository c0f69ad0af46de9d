import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { Unit, nameOn, subtreeOn, currentSuccessor } from '#accounts'
import { CreateUnit } from '#accounts/actions/create_unit'
import { RenameUnit } from '#accounts/actions/rename_unit'
import { CloseUnit } from '#accounts/actions/close_unit'

test.group('unit tree versioning', () => {
  test('a renamed unit keeps its earlier name for earlier dates', async ({ assert }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const unit = await new CreateUnit().handle(admin, {
      code: 'VT-REN',
      name: 'Chi cục THADS Thử nghiệm',
      level: 'district',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2020-01-01'),
    })
    await new RenameUnit().handle(
      admin,
      unit,
      'Phòng THADS khu vực Thử nghiệm',
      DateTime.fromISO('2025-07-01')
    )
    assert.equal(await nameOn(unit.id, '2025-06-30'), 'Chi cục THADS Thử nghiệm')
    assert.equal(await nameOn(unit.id, '2025-07-01'), 'Phòng THADS khu vực Thử nghiệm')
    assert.equal((await Unit.findOrFail(unit.id)).name, 'Phòng THADS khu vực Thử nghiệm')
    await assert.rejects(() =>
      new RenameUnit().handle(admin, unit, 'Sớm hơn', DateTime.fromISO('2025-01-01'))
    )
  })

  test('a closed unit leaves the tree after its last day and points to its successor', async ({
    assert,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const a = await new CreateUnit().handle(admin, {
      code: 'VT-A',
      name: 'Chi cục A',
      level: 'district',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2020-01-01'),
    })
    const b = await new CreateUnit().handle(admin, {
      code: 'VT-B',
      name: 'Phòng khu vực B',
      level: 'regional',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2025-07-01'),
    })
    await new CloseUnit().handle(admin, a, DateTime.fromISO('2025-06-30'), b.id)
    const before = (await subtreeOn(camau, '2025-06-30')).map((u) => u.code)
    const after = (await subtreeOn(camau, '2025-07-01')).map((u) => u.code)
    assert.include(before, 'VT-A')
    assert.notInclude(before, 'VT-B')
    assert.include(after, 'VT-B')
    assert.notInclude(after, 'VT-A')
    assert.equal((await currentSuccessor(await Unit.findOrFail(a.id))).id, b.id)
    assert.isTrue(a.contains(a) && camau.contains(a) && !a.contains(camau))
  })

  test('tree rules: levels, open children, successor validity, national admin only', async ({
    assert,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const provinceAdmin = await makeUser(UNITS.camau, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const national = await unitByCode(UNITS.national)
    await assert.rejects(
      () =>
        new CreateUnit().handle(admin, {
          code: 'VT-BAD',
          name: 'Sai cấp',
          level: 'province',
          parentId: camau.id,
          validFrom: DateTime.fromISO('2024-01-01'),
        }),
      /units.errors.level_not_allowed/
    )
    await assert.rejects(
      () => new CloseUnit().handle(admin, camau, DateTime.fromISO('2025-06-30')),
      /units.errors.has_open_children/
    )
    await assert.rejects(
      () => new CloseUnit().handle(admin, national, DateTime.fromISO('2025-06-30')),
      /cannot_close_national/
    )
    await assert.rejects(
      () =>
        new CreateUnit().handle(provinceAdmin, {
          code: 'VT-P',
          name: 'Tỉnh tự tạo',
          level: 'district',
          parentId: camau.id,
          validFrom: DateTime.fromISO('2024-01-01'),
        }),
      /Access denied/
    )
    const c = await new CreateUnit().handle(admin, {
      code: 'VT-C',
      name: 'Chi cục C',
      level: 'district',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2020-01-01'),
    })
    const late = await new CreateUnit().handle(admin, {
      code: 'VT-D',
      name: 'Chi cục D',
      level: 'district',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2026-01-01'),
    })
    await assert.rejects(
      () => new CloseUnit().handle(admin, c, DateTime.fromISO('2025-06-30'), late.id),
      /successor_not_valid/
    )
  })

  test('every change to the tree is audited in its transaction', async ({ assert }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const unit = await new CreateUnit().handle(admin, {
      code: 'VT-AUD',
      name: 'Chi cục Nhật ký',
      level: 'district',
      parentId: camau.id,
      validFrom: DateTime.fromISO('2020-01-01'),
    })
    await new RenameUnit().handle(
      admin,
      unit,
      'Chi cục Nhật ký mới',
      DateTime.fromISO('2024-01-01')
    )
    await new CloseUnit().handle(admin, unit, DateTime.fromISO('2024-12-31'))
    const actions = (
      await db
        .from('audit_events')
        .where('subject_type', 'unit')
        .where('subject_id', String(unit.id))
        .orderBy('id')
    ).map((r) => r.action)
    assert.deepEqual(actions, ['unit.created', 'unit.renamed', 'unit.closed'])
  })
})
