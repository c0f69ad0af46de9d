import { test } from '@japa/runner'
import { parseAmount } from '#core'

test.group('money amounts: strict types', () => {
  test('a JSON integer or a string of digits within the safe range is an amount', ({ assert }) => {
    assert.equal(parseAmount(1000), 1000)
    assert.equal(parseAmount('1000'), 1000)
    assert.equal(parseAmount(0), 0)
    assert.equal(parseAmount('-500'), -500)
    assert.equal(parseAmount(1e15), 1e15)
  })

  test('every other type or shape is refused', ({ assert }) => {
    for (const value of [
      true,
      false,
      [1000],
      ['1000'],
      { value: 1000 },
      '1e3',
      ' 1000 ',
      '1000 ',
      '+1000',
      '1.000',
      '1,000',
      '0x10',
      '',
      1000.5,
      '1000.5',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      1e16,
      '99999999999999999',
      null,
      undefined,
    ]) {
      assert.isNull(parseAmount(value), JSON.stringify(value) ?? String(value))
    }
  })

  test('the bounds of the field hold', ({ assert }) => {
    assert.isNull(parseAmount(0, { min: 1, max: 10 }))
    assert.isNull(parseAmount('11', { min: 1, max: 10 }))
    assert.equal(parseAmount('10', { min: 1, max: 10 }), 10)
  })
})
