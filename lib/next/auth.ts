import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { authSecret, env } from '../env'
import { log } from '../log'
import { checkSignIn, createSession, revokeSession } from '../auth/sessions'

const ZCredentials = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
  code: z.string().trim().max(40).optional(),
})

// The password was right and the account has an authenticator: ask for its code. Told only
// after a correct password, so it reveals nothing about which emails exist.
class SecondFactorRequired extends CredentialsSignin {
  code = 'second_factor_required'
}
class SecondFactorWrong extends CredentialsSignin {
  code = 'second_factor_wrong'
}

/* eslint-disable @typescript-eslint/consistent-type-definitions -- module augmentation needs interfaces */
declare module 'next-auth' {
  interface User {
    sid?: string
  }
  interface Session {
    sid?: string
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

// Auth.js signs the cookie; our AuthSession row is the real session (see sessions.ts).
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: env().SESSION_HOURS * 3600 },
  pages: { signIn: '/login' },
  // A refused sign-in is expected and not logged here (its email must not reach the logs);
  // anything else is, with its stack. (Checked by class: the production build minifies names.)
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return
      log.error({ err: error }, 'auth error')
    },
    warn(code) {
      log.warn({ code }, 'auth warning')
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw)
        if (!parsed.success) throw new CredentialsSignin()
        const outcome = await checkSignIn(parsed.data.email, parsed.data.password, parsed.data.code)
        if (outcome === 'refused') throw new CredentialsSignin()
        if (outcome === 'code_required') throw new SecondFactorRequired()
        if (outcome === 'code_wrong') throw new SecondFactorWrong()
        return { id: outcome.userId, sid: await createSession(outcome.userId) }
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
