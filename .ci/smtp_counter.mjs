// Loopback SMTP server for the multi-instance stage: accepts every message and appends one JSON line per
// recipient to $SMTP_LOG ({ to, subject, at }). Messages to an address starting with "slow" are held for
// $SMTP_SLOW_SECONDS before they are accepted (lets the stage kill an instance while it is mid-run).
// usage: node .ci/smtp_counter.mjs <port> <logfile>
import { appendFileSync } from 'node:fs'
import { SMTPServer } from 'smtp-server'

const [port, log] = [Number(process.argv[2] ?? 3490), process.argv[3] ?? '/tmp/thads-smtp.log']
const slowMs = Number(process.env.SMTP_SLOW_SECONDS ?? 120) * 1000

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = []
    stream.on('data', (c) => chunks.push(c))
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const subject = /^Subject: (.*)$/im.exec(raw)?.[1] ?? ''
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
      const done = () => {
        for (const address of to)
          appendFileSync(log, JSON.stringify({ to: address, subject, at: new Date().toISOString() }) + '\n')
        callback()
      }
      if (to.some((a) => a.startsWith('slow'))) setTimeout(done, slowMs)
      else done()
    })
  },
})
server.listen(port, '127.0.0.1', () => console.log(`smtp counter on 127.0.0.1:${port}, log ${log}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
