/** Amounts in Vietnamese words for receipts ("Bằng chữ: …"), via the read-vietnamese-number package. */
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number'

const config = new ReadingConfig()
config.unit = ['đồng']

/** 1005000 → "Một triệu không trăm lẻ năm nghìn đồng". Integer VND only. */
export function moneyInWords(amount: number | bigint): string {
  const text = doReadNumber(String(amount), config)
  return text.charAt(0).toUpperCase() + text.slice(1)
}
