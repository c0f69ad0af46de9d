import { test } from '@japa/runner'
import { searchKey, compareVi, sortVi } from '#core'

test.group('searchKey (diacritic-free search form)', () => {
  test('drops tones and letter marks, đ becomes d, lower case', ({ assert }) => {
    assert.equal(searchKey('Nguyễn Văn Đức'), 'nguyen van duc')
    assert.equal(searchKey('ĐỐNG ĐA'), 'dong da')
    assert.equal(searchKey('Trần Thị Ánh Nguyệt'), 'tran thi anh nguyet')
    assert.equal(searchKey('Ư ơ ă â ê ô'), 'u o a a e o')
  })

  test('punctuation and runs of spaces become one space; numbers are kept', ({ assert }) => {
    assert.equal(searchKey('  12/2025/QĐ-CCTHADS  '), '12 2025 qd ccthads')
    assert.equal(searchKey('Số 05/2024/DS-PT'), 'so 05 2024 ds pt')
  })

  test('the same text typed with or without diacritics, in NFC or NFD, gives one key', ({
    assert,
  }) => {
    const nfd = 'Lê Thị Hồng'.normalize('NFD')
    assert.equal(searchKey(nfd), searchKey('Le Thi Hong'))
    assert.equal(searchKey('Đặng'), searchKey('dang'))
    assert.equal(searchKey('Dặng'), 'dang')
  })

  test('empty input gives an empty key', ({ assert }) => {
    assert.equal(searchKey(''), '')
    assert.equal(searchKey(null), '')
    assert.equal(searchKey(undefined), '')
  })
})

test.group('Vietnamese alphabetical order', () => {
  test('"Ba Đình" comes before "Bắc Từ Liêm" (syllable by syllable, ă after a)', ({ assert }) => {
    assert.isBelow(compareVi('Ba Đình', 'Bắc Từ Liêm'), 0)
    assert.isAbove(compareVi('Bắc Từ Liêm', 'Ba Đình'), 0)
  })

  test('đ is a letter after d; ă, â after a; ơ after ô; ư after u', ({ assert }) => {
    assert.isBelow(compareVi('Dương', 'Đông'), 0)
    assert.isBelow(compareVi('Duy', 'Đa'), 0)
    assert.isBelow(compareVi('Anh', 'Ăn'), 0)
    assert.isBelow(compareVi('Ăn', 'Ân'), 0)
    assert.isBelow(compareVi('Ân', 'Bình'), 0)
    assert.isBelow(compareVi('Ôn', 'Ơn'), 0)
    assert.isBelow(compareVi('Uông', 'Ưng'), 0)
    assert.isBelow(compareVi('Ưng', 'Vân'), 0)
  })

  test('tones are a secondary difference: ngang, huyền, hỏi, ngã, sắc, nặng', ({ assert }) => {
    const sorted = sortVi(['ma', 'mạ', 'má', 'mã', 'mả', 'mà'], (x) => x)
    assert.deepEqual(sorted, ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'])
    // A later letter outweighs an earlier tone.
    assert.isBelow(compareVi('Hà Nam', 'Hai Bà Trưng'), 0)
  })

  test('sorts Hanoi districts as a Vietnamese reader expects', ({ assert }) => {
    const names = [
      'Đống Đa',
      'Bắc Từ Liêm',
      'Cầu Giấy',
      'Ba Đình',
      'Hoàn Kiếm',
      'Đông Anh',
      'Gia Lâm',
    ]
    assert.deepEqual(
      sortVi(names, (x) => x),
      ['Ba Đình', 'Bắc Từ Liêm', 'Cầu Giấy', 'Đông Anh', 'Đống Đa', 'Gia Lâm', 'Hoàn Kiếm']
    )
  })

  test('sortVi sorts objects by a key and leaves the input untouched', ({ assert }) => {
    const input = [{ name: 'Đức' }, { name: 'An' }, { name: null }]
    const out = sortVi(input, (x) => x.name)
    assert.deepEqual(
      out.map((x) => x.name),
      [null, 'An', 'Đức']
    )
    assert.equal(input[0].name, 'Đức')
  })
})

test.group('Amount in Vietnamese words (receipts)', () => {
  test('reads integer VND amounts with a capital first letter and the unit', async ({ assert }) => {
    const { moneyInWords } = await import('#core')
    assert.equal(moneyInWords(1005000), 'Một triệu không trăm lẻ năm nghìn đồng')
    assert.match(moneyInWords(1187444000), /^Một tỉ một trăm tám mươi bảy triệu .* đồng$/)
    assert.equal(moneyInWords(0), 'Không đồng')
  })
})
