import QRCode from 'qrcode'
import env from '#start/env'

/** The absolute address of an item's page: APP_URL when configured, else the request's own origin. */
export function exhibitUrl(id: number, origin: string): string {
  const base = (env.get('APP_URL') || origin).replace(/\/+$/, '')
  return `${base}/warehouse/exhibits/${id}`
}

/** The QR code of `url` as an SVG data: URL (the CSP allows img data:; nothing is fetched). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`
}
