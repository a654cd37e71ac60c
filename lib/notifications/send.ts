import 'server-only'
import nodemailer from 'nodemailer'
import { db } from '../db'
import { env } from '../env'
import { log } from '../log'

let transport: nodemailer.Transporter | null = null

// Sends one outbox row. Throwing lets the job queue retry with backoff; the row records
// every attempt and the last error.
export async function sendOutboxEmail(outboxId: string) {
  const mail = await db.outbox.findUnique({ where: { id: outboxId } })
  if (!mail || mail.status === 'SENT') return
  const smtp = env().SMTP_URL
  if (!smtp) {
    // Development without SMTP: the mail stays readable on /dev/mail.
    await db.outbox.update({
      where: { id: mail.id },
      data: {
        status: 'SENT',
        sentAt: new Date(),
        attempts: { increment: 1 },
        lastError: 'not sent: no SMTP_URL (shown on /dev/mail)',
      },
    })
    return
  }
  transport ??= nodemailer.createTransport(smtp)
  try {
    await transport.sendMail({ from: env().MAIL_FROM, to: mail.toEmail, subject: mail.subject, text: mail.body })
    await db.outbox.update({
      where: { id: mail.id },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    await db.outbox.update({
      where: { id: mail.id },
      data: { status: 'FAILED', attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    })
    log.warn({ outboxId: mail.id, err: e }, 'mail send failed; will retry')
    throw e
  }
}
