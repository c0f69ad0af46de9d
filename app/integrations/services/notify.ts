/** E-mails a client's contact when its endpoint is disabled (@adonisjs/mail, SMTP mailer). */
import mail from '@adonisjs/mail/services/main'

const REASONS: Record<string, string> = {
  gone_410: 'điểm nhận trả lời 410 Gone / the endpoint answered 410 Gone',
  failing_days: 'điểm nhận lỗi liên tục nhiều ngày / the endpoint failed for days',
}

export async function notifyDisabled(
  client: { id: number; name: string; email: string },
  reason: string,
  lastError: string | null
) {
  await mail.send((message) => {
    message
      .to(client.email)
      .subject(
        `[THADS] Tạm dừng gửi dữ liệu tới "${client.name}" / Deliveries to "${client.name}" disabled`
      )
      .text(
        [
          `Hệ thống THADS đã tạm dừng gửi dữ liệu tới ứng dụng tích hợp "${client.name}" (#${client.id}).`,
          `The THADS integration engine disabled deliveries to "${client.name}" (#${client.id}).`,
          '',
          `Lý do / Reason: ${REASONS[reason] ?? reason}`,
          `Lỗi cuối / Last error: ${lastError ?? '—'}`,
          '',
          'Các thông điệp chưa gửi được giữ lại; sau khi sửa điểm nhận, quản trị viên bật lại và gửi lại.',
          'Undelivered messages are kept; once the endpoint is fixed an admin re-enables the client and replays them.',
        ].join('\n')
      )
  })
}
