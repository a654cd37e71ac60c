// Signing in and accepting invitations: public pages, one centred column under the brand mark.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-5 py-10">
      <div className="w-full max-w-sm">
        <div
          aria-hidden
          className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-ink text-xl text-gold-light"
        >
          ◆
        </div>
        {children}
      </div>
    </main>
  )
}
