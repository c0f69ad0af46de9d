/**
 * The one vocabulary of synthetic data — Vietnamese person, company and bank names and obligation amounts —
 * shared by the demo practice plan (database/seeders/demo_cases_plan.ts, executed through the real actions) and
 * the national bulk history (national_history.ts, written as rows), so both draw the same kinds of parties and sums.
 */
import type { SeededRandom } from '#core/random'

export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
]
export const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân']
export const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Hồng', 'Thanh', 'Minh', 'Phương']
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Hiếu',
  'Trung',
]
const GIVEN_F = [
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Phương',
  'Tâm',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
  'Huyền',
  'Loan',
]
const TRADES = [
  'Thương mại',
  'Xây dựng',
  'Vận tải',
  'Đầu tư',
  'Dịch vụ',
  'Sản xuất',
  'Thủy sản',
  'Bất động sản',
]
const BRANDS = [
  'Hưng Thịnh',
  'Phú Cường',
  'Minh Phát',
  'An Khang',
  'Đại Việt',
  'Tân Tiến',
  'Hoàng Long',
  'Thành Công',
  'Sao Mai',
  'Bình Minh',
]
const BANKS = [
  'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)',
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)',
  'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)',
  'Ngân hàng TMCP Công thương Việt Nam (VietinBank)',
  'Ngân hàng TMCP Kỹ thương Việt Nam (Techcombank)',
  'Ngân hàng TMCP Quân đội (MB)',
]

export function personName(r: SeededRandom): string {
  const female = r.chance(0.45)
  return `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`
}
export const companyName = (r: SeededRandom) =>
  `Công ty ${r.pick(['TNHH', 'Cổ phần'])} ${r.pick(TRADES)} ${r.pick(BRANDS)}`
export const bankName = (r: SeededRandom) => r.pick(BANKS)

/** Log-uniform amount in [min, max] VND, rounded to thousands (most debts small, a few very large). */
export function logUniformAmount(r: SeededRandom, min: number, max: number): number {
  const v = Math.exp(Math.log(min) + r.next() * (Math.log(max) - Math.log(min)))
  return Math.round(v / 1000) * 1000
}

/** Amounts of the demo practice cases: a few million to a few billion VND. */
export const amountOf = (r: SeededRandom) => logUniformAmount(r, 3e6, 3e9)
