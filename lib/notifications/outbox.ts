import 'server-only'
import { fromPrisma } from 'pg-boss'
import { createTranslator } from 'use-intl/core'
import { db, type Tx } from '../db'
import { env } from '../env'
import { producer, QUEUES } from '../jobs/boss'
import en from '../../messages/en.json'
import zh from '../../messages/zh-CN.json'

export type EmailKind = 'butlerReplied' | 'alternativeOffered' | 'vendorConfirmed' | 'delegateInvited' | 'staffInvited'

// Mail is written to the outbox in the same transaction as the change it reports, and a job
// sends it after commit (with retries). Nothing is sent for a change that rolled back.
export async function enqueueEmail(
  tx: Tx,
  to: string,
  locale: 'zh_CN' | 'en',
  kind: EmailKind,
  values: Record<string, string>,
) {
  const t = createTranslator({
    locale: locale === 'en' ? 'en' : 'zh-CN',
    messages: locale === 'en' ? en : zh,
    namespace: 'email',
  })
  const link = values.path ? new URL(values.path, env().APP_URL).toString() : env().APP_URL
  const row = await tx.outbox.create({
    data: {
      toEmail: to,
      subject: t(`${kind}.subject`, values),
      body: `${t(`${kind}.body`, values)}\n\n${link}\n\n${t('footer')}`,
    },
    select: { id: true },
  })
  const boss = await producer()
  await boss.send(
    QUEUES.sendEmail,
    { outboxId: row.id },
    { db: fromPrisma(tx), retryLimit: 6, retryDelay: 10, retryBackoff: true },
  )
  return row
}

// Who hears about a request: the client's own address.
export async function clientMailTarget(tx: Tx, clientId: string) {
  // Raw: every reply asks.
  const [c] = await tx.$queryRaw<{ to: string; locale: 'zh_CN' | 'en' }[]>`
    SELECT u.email AS "to", c.language::text AS locale FROM "Client" c JOIN "User" u ON u.id = c."userId"
    WHERE c.id = ${clientId}`
  if (!c) throw new Error(`client ${clientId} not found`)
  return c
}

export async function listDevMail(take = 50) {
  return db.outbox.findMany({
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, toEmail: true, subject: true, body: true, status: true, createdAt: true, sentAt: true },
  })
}
