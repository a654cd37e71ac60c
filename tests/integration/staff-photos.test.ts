// Staff photos: what an upload accepts (and what it keeps of the file), and who may see a face.
// A client sees the staff who serve them and nobody else; anyone else gets the 404 a stranger's
// id gets, never a 403 that would tell the person exists.
import sharp from 'sharp'
import { afterAll, describe, expect, it, vi } from 'vitest'

let currentSid: string | null = null
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => currentSid }))

import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createSession } from '../../lib/auth/sessions'
import { portalClients } from '../../lib/clients/queries'
import { requestButler } from '../../lib/portal/request-butler'
import { createRequest } from '../../lib/requests/lifecycle'
import { getRequestDetail } from '../../lib/requests/queries'
import { replyToRequest } from '../../lib/requests/conversation'
import { MAX_PHOTO_BYTES, removeStaffPhoto, setStaffPhoto } from '../../lib/staff/photo'
import { GET } from '../../app/api/staff/[id]/photo/route'
import { createDelegate, createStaff } from '../factories'
import { actorFor, teamWithClient } from './helpers'

const jpeg = async (width = 1200, height = 900) =>
  new File(
    [
      new Uint8Array(
        await sharp({ create: { width, height, channels: 3, background: '#8a6d3b' } })
          .jpeg()
          // What a phone writes into a photo: who took it, with what, and (here) a secret.
          .withExif({ IFD0: { Copyright: 'home-address-secret', Make: 'PhoneCo' } })
          .toBuffer(),
      ),
    ],
    'me.jpg',
    { type: 'image/jpeg' },
  )

const stored = (userId: string) => db.staffPhoto.findUnique({ where: { userId } })
const audits = (action: string, userId: string) => db.auditEvent.count({ where: { action, entityId: userId } })

// The route handler as a browser calls it, signed in as `userId` (or nobody).
async function fetchPhoto(userId: string | null, staffId: string, init: { v?: string; etag?: string } = {}) {
  currentSid = userId ? await createSession(userId) : null
  const url = `http://local/api/staff/${staffId}/photo${init.v ? `?v=${init.v}` : ''}`
  const res = await GET(new Request(url, { headers: init.etag ? { 'if-none-match': init.etag } : {} }), {
    params: Promise.resolve({ id: staffId }),
  })
  currentSid = null
  return res
}

describe('staff photos', () => {
  afterAll(stopProducer)

  it('refuses a wrong type, an oversized, a broken or an empty file with its own message, and stores nothing', async () => {
    const butler = await actorFor((await createStaff(db, { name: 'Picky' })).id)
    const cases: [File, string][] = [
      [new File([Buffer.from('GIF89a\x01\x00\x01\x00')], 'me.gif', { type: 'image/gif' }), 'errors.photoType'],
      // A PDF with an image's name and claimed type: the bytes decide.
      [new File([Buffer.from('%PDF-1.7 not a face')], 'me.jpg', { type: 'image/jpeg' }), 'errors.photoType'],
      [
        new File([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_PHOTO_BYTES)])], 'big.jpg', {
          type: 'image/jpeg',
        }),
        'errors.photoTooLarge',
      ],
      // A JPEG's first bytes and nothing a decoder can use.
      [new File([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], 'cut.jpg'), 'errors.photoUnreadable'],
      [new File([], 'empty.png'), 'errors.fileRequired'],
    ]
    for (const [file, message] of cases) {
      await expect(setStaffPhoto(butler, butler.userId, file), message).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message,
        field: 'photo',
      })
    }
    expect(await stored(butler.userId)).toBeNull()
    expect(await audits('staff.photo_set', butler.userId)).toBe(0)
  })

  it('keeps a 512 px square WebP with none of the camera’s metadata, new on each upload, and audits it', async () => {
    const butler = await actorFor((await createStaff(db, { name: 'Portrait' })).id)
    const first = await setStaffPhoto(butler, butler.userId, await jpeg())
    const row = (await stored(butler.userId))!
    expect(row.mimeType).toBe('image/webp')
    const meta = await sharp(Buffer.from(row.content)).metadata()
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 512, 512, undefined])
    expect(Buffer.from(row.content).includes('home-address-secret')).toBe(false)
    expect(first.photoUrl).toBe(`/api/staff/${butler.userId}/photo?v=${row.storageKey}`)

    const second = await setStaffPhoto(butler, butler.userId, await jpeg(600, 800))
    expect(second.photoUrl).not.toBe(first.photoUrl)
    expect(await db.staffPhoto.count({ where: { userId: butler.userId } })).toBe(1)
    expect(await audits('staff.photo_set', butler.userId)).toBe(2)
    const entry = await db.auditEvent.findFirstOrThrow({
      where: { action: 'staff.photo_set', entityId: butler.userId },
    })
    expect(entry).toMatchObject({ actorId: butler.userId, entity: 'User', data: { own: true } })

    expect(await removeStaffPhoto(butler, butler.userId)).toEqual({ removed: true })
    expect(await stored(butler.userId)).toBeNull()
    expect(await removeStaffPhoto(butler, butler.userId)).toEqual({ removed: false })
    expect(await audits('staff.photo_removed', butler.userId)).toBe(1)
  })

  it('lets staff change only their own photo; an administrator anyone on the team’s, never a client’s', async () => {
    const team = await teamWithClient('Photo rights')
    const admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
    await expect(setStaffPhoto(team.butlerActor, team.backup.id, await jpeg())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(setStaffPhoto(team.clientActor, team.clientActor.userId, await jpeg())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(setStaffPhoto(admin, team.client.userId, await jpeg())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.staffPhoto.count({ where: { userId: { in: [team.backup.id, team.client.userId] } } })).toBe(0)

    await setStaffPhoto(admin, team.backup.id, await jpeg())
    expect(await stored(team.backup.id)).not.toBeNull()
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: 'staff.photo_set', entityId: team.backup.id } }),
    ).toMatchObject({ actorId: admin.userId, data: { own: false } })
    await expect(removeStaffPhoto(team.butlerActor, team.backup.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await removeStaffPhoto(admin, team.backup.id)).toEqual({ removed: true })
  })

  it('serves a butler’s face to their clients, their delegates and colleagues; 404 to a client of another butler', async () => {
    const a = await teamWithClient('Served by A')
    const b = await teamWithClient('Served by B')
    const delegate = await createDelegate(db, { clientId: a.client.clientId })
    const { photoUrl } = await setStaffPhoto(a.butlerActor, a.butler.id, await jpeg())
    const v = new URL(photoUrl!, 'http://local').searchParams.get('v')!
    const bytes = Buffer.from((await stored(a.butler.id))!.content)

    const own = await fetchPhoto(a.client.userId, a.butler.id, { v })
    expect(own.status).toBe(200)
    expect(Buffer.from(await own.arrayBuffer()).equals(bytes)).toBe(true)
    expect(own.headers.get('content-type')).toBe('image/webp')
    expect(own.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(own.headers.get('etag')).toBe(`"${v}"`)

    for (const who of [delegate.userId, a.butler.id, b.butler.id, a.backup.id]) {
      expect((await fetchPhoto(who, a.butler.id, { v })).status, who).toBe(200)
    }
    // Another butler's client, that client's butler's face is none of theirs.
    const foreign = await fetchPhoto(b.client.userId, a.butler.id, { v })
    expect(foreign.status).toBe(404)
    expect(await foreign.json()).toEqual({ error: 'NOT_FOUND', message: 'errors.notFound' })
    expect(foreign.headers.get('cache-control')).toBe('private, no-store')
    // Exactly the answer for a staff member with no photo, and for an id that is nobody's.
    const noPhoto = await fetchPhoto(a.client.userId, a.backup.id)
    const nobody = await fetchPhoto(a.client.userId, 'ckdoesnotexist000000000000')
    expect([noPhoto.status, nobody.status]).toEqual([404, 404])
    expect(await noPhoto.json()).toEqual(await nobody.json())
    expect((await fetchPhoto(null, a.butler.id, { v })).status).toBe(401)

    // An unversioned address is checked again each time; the browser's copy is confirmed, not resent.
    const plain = await fetchPhoto(a.client.userId, a.butler.id)
    expect(plain.headers.get('cache-control')).toBe('private, no-cache')
    const again = await fetchPhoto(a.client.userId, a.butler.id, { etag: `"${v}"` })
    expect(again.status).toBe(304)
    expect(await again.arrayBuffer()).toHaveProperty('byteLength', 0)

    // Removed: gone for everyone, at once.
    await removeStaffPhoto(a.butlerActor, a.butler.id)
    expect((await fetchPhoto(a.client.userId, a.butler.id, { v })).status).toBe(404)
  })

  it('shows a covering butler to the client whose request they hold or wrote on, and only while it is theirs', async () => {
    const a = await teamWithClient('Covered')
    const b = await teamWithClient('Not covered')
    const cover = await createStaff(db, { name: 'Covering' })
    const coverActor = await actorFor(cover.id)
    await setStaffPhoto(coverActor, cover.id, await jpeg())
    expect((await fetchPhoto(a.client.userId, cover.id)).status).toBe(404)

    const request = await createRequest(a.clientActor, { category: 'OTHER', title: 'Flowers', details: {} })
    await db.serviceRequest.update({ where: { id: request.id }, data: { assigneeId: cover.id } })
    expect((await fetchPhoto(a.client.userId, cover.id)).status).toBe(200)
    expect((await fetchPhoto(b.client.userId, cover.id)).status).toBe(404)

    // Handed back, but the conversation still shows the covering butler's reply with their face.
    await replyToRequest(coverActor, { requestId: request.id, body: 'Roses at seven', internal: false })
    await db.serviceRequest.update({ where: { id: request.id }, data: { assigneeId: a.butler.id } })
    expect((await fetchPhoto(a.client.userId, cover.id)).status).toBe(200)
    // An internal note is not something the client saw.
    const other = await createStaff(db, { name: 'Noting' })
    const otherActor = await actorFor(other.id)
    await setStaffPhoto(otherActor, other.id, await jpeg())
    await db.message.create({ data: { requestId: request.id, authorId: other.id, visibility: 'INTERNAL', body: 'x' } })
    expect((await fetchPhoto(a.client.userId, other.id)).status).toBe(404)
  })

  it('gives the portal the photo’s address and version, never its bytes, and initials where there is none', async () => {
    const a = await teamWithClient('Faces')
    const { photoUrl } = await setStaffPhoto(a.butlerActor, a.butler.id, await jpeg())
    const [card] = await portalClients(a.clientActor)
    expect(card.butler).toEqual({ name: a.butler.name, onDuty: true, photoUrl })
    expect(card.backup).toMatchObject({ name: a.backup.name, photoUrl: null })

    const request = await createRequest(a.clientActor, { category: 'OTHER', title: 'Dinner', details: {} })
    expect(await requestButler(a.clientActor, request.id)).toMatchObject({ photoUrl })
    await replyToRequest(a.butlerActor, { requestId: request.id, body: 'Booked', internal: false })
    const detail = await getRequestDetail(a.clientActor, request.id)
    const byAuthor = Object.fromEntries(detail!.messages.map((m) => [m.fromStaff ? 'staff' : 'client', m]))
    expect(byAuthor.staff.authorPhotoUrl).toBe(photoUrl)
  })
})
