// Installs or upgrades the job queue's schema (pg-boss keeps its tables in "pgboss").
import { createBoss } from '../lib/jobs/boss'

const boss = await createBoss('worker')
await boss.stop({ graceful: false })
