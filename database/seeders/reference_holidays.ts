import db from '@adonisjs/lucid/services/db'

/**
 * Reference data: Vietnamese public holidays for civil servants, 2024–2027 (Labour Code 2019, Art. 112),
 * with the days off the Government fixes each year (Tết span, swapped days, compensatory days) and the
 * Saturdays worked in exchange ("làm bù"). Lunar dates (Tết, Giỗ Tổ 10/3) were checked with the standard
 * Vietnamese lunar algorithm (UTC+7).
 * Sources: the annual notices of the Ministry of Home Affairs / Government Office as reported by the press
 * (e.g. 12729/VPCP-KGVX for New Year 2026). Rows marked "(dự kiến)" follow the Labour Code where no notice
 * was available when seeded; the national admin corrects them on the holidays page when the notice appears.
 * Idempotent: inserts only days not already present, so edits made by the admin are kept.
 */
type Day = [day: string, name: string]

const TET_2024 = 'Tết Nguyên đán Giáp Thìn'
const TET_2025 = 'Tết Nguyên đán Ất Tỵ'
const TET_2026 = 'Tết Nguyên đán Bính Ngọ'
const TET_2027 = 'Tết Nguyên đán Đinh Mùi (dự kiến)'

export const HOLIDAYS: Day[] = [
  // 2024
  ['2024-01-01', 'Tết Dương lịch'],
  ['2024-02-08', TET_2024], // 29 tháng Chạp; off Thu 08/02 – Wed 14/02
  ['2024-02-09', TET_2024],
  ['2024-02-12', TET_2024],
  ['2024-02-13', TET_2024],
  ['2024-02-14', TET_2024],
  ['2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5)'],
  ['2024-04-30', 'Ngày Chiến thắng'],
  ['2024-05-01', 'Ngày Quốc tế Lao động'],
  ['2024-09-02', 'Quốc khánh'],
  ['2024-09-03', 'Quốc khánh (ngày liền kề)'],
  // 2025
  ['2025-01-01', 'Tết Dương lịch'],
  ['2025-01-27', TET_2025], // off Sat 25/01 – Sun 02/02
  ['2025-01-28', TET_2025],
  ['2025-01-29', TET_2025],
  ['2025-01-30', TET_2025],
  ['2025-01-31', TET_2025],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2025-04-30', 'Ngày Chiến thắng'],
  ['2025-05-01', 'Ngày Quốc tế Lao động'],
  ['2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4)'],
  ['2025-09-01', 'Quốc khánh (ngày liền kề)'],
  ['2025-09-02', 'Quốc khánh'],
  // 2026
  ['2026-01-01', 'Tết Dương lịch'],
  ['2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)'],
  ['2026-02-16', TET_2026], // 29 tháng Chạp; off Sat 14/02 – Sun 22/02
  ['2026-02-17', TET_2026],
  ['2026-02-18', TET_2026],
  ['2026-02-19', TET_2026],
  ['2026-02-20', TET_2026],
  ['2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'], // a Sunday
  ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
  ['2026-04-30', 'Ngày Chiến thắng'],
  ['2026-05-01', 'Ngày Quốc tế Lao động'],
  ['2026-09-01', 'Quốc khánh (ngày liền kề)'],
  ['2026-09-02', 'Quốc khánh'],
  // 2027 — Tết falls on Saturday 06/02: eve, mùng 1–4, the weekend ones compensated on Wed/Thu
  ['2027-01-01', 'Tết Dương lịch'],
  ['2027-02-05', TET_2027],
  ['2027-02-08', TET_2027],
  ['2027-02-09', TET_2027],
  ['2027-02-10', TET_2027],
  ['2027-02-11', TET_2027],
  ['2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2027-04-30', 'Ngày Chiến thắng'],
  ['2027-05-01', 'Ngày Quốc tế Lao động'], // a Saturday
  ['2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động'],
  ['2027-09-02', 'Quốc khánh'],
  ['2027-09-03', 'Quốc khánh (ngày liền kề, dự kiến)'],
]

export const MAKE_UP_WORKING_DAYS: Day[] = [
  ['2024-05-04', 'Làm bù cho thứ Hai 29/4/2024'],
  ['2025-04-26', 'Làm bù cho thứ Sáu 02/5/2025'],
  ['2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'],
]

/** Inserts the missing reference days; returns how many rows were added. */
export async function seedReferenceHolidays(): Promise<number> {
  let added = 0
  await db.transaction(async (trx) => {
    for (const [table, rows] of [
      ['holidays', HOLIDAYS],
      ['make_up_working_days', MAKE_UP_WORKING_DAYS],
    ] as const) {
      const existing = new Set(
        (await trx.from(table).select('day')).map((r) => String(r.day).slice(0, 10))
      )
      const missing = rows
        .filter(([day]) => !existing.has(day))
        .map(([day, name]) => ({ day, name }))
      if (missing.length) await trx.insertQuery().table(table).multiInsert(missing)
      added += missing.length
    }
  })
  return added
}
