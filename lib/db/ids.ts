import 'server-only'
import { randomUUID } from 'node:crypto'

// The id of a row inserted by raw SQL (Prisma makes its own cuids; both are unique text).
export const newId = () => randomUUID()
