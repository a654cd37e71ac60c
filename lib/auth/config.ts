import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { authSecret, env } from '../env'
import { log } from '../log'
import { createSession, revokeSession, verifyCredentials } from './sessions'

const ZCredentials = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
})

declare module 'next-auth' {
  interface User { sid?: string }
  interface Session { sid?: string }
}

// Auth.js signs the cookie; our AuthSession row is the real session (see sessions.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: env().SESSION_HOURS * 3600 },
  pages: { signIn: '/login' },
  // A refused sign-in is expected; log it without a stack and without the email.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin') return
      log.error({ err: error.name, msg: error.message }, 'auth error')
    },
    warn(code) { log.warn({ code }, 'auth warning') },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw)
        if (!parsed.success) throw new CredentialsSignin()
        const user = await verifyCredentials(parsed.data.email, parsed.data.password)
        if (!user) throw new CredentialsSignin()
        return { id: user.id, sid: await createSession(user.id) }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid
      return token
    },
    session({ session, token }) {
      session.sid = typeof token.sid === 'string' ? token.sid : undefined
      return session
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined
      if (typeof sid === 'string') await revokeSession(sid)
    },
  },
}))
