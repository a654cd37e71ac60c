// A butler puts a face to their name on their account page; their client sees it on the portal
// home at once, another butler's client cannot load it, and removing it asks first.
import sharp from 'sharp'
import { expect, test } from './fixtures'
import { newSignedInPage } from './helpers'
import { people } from './people'

// A portrait-shaped picture, as a phone would send (taller than wide).
const portrait = async () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: '#7a5c3e' } })
    .png()
    .toBuffer()

test('a butler uploads a photo on their account and their client sees it on the portal home', async ({ browser }) => {
  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.goto('/account/photo')
  const card = butler.getByTestId('staff-photo')
  await expect(card.getByTestId('staff-photo-state')).toHaveText('尚未上传照片，客户目前看到的是您的姓名首字。')
  const picker = butler.locator('input[name="photo"]')

  // Not a picture: refused in words next to the picker, nothing to save.
  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') })
  await expect(card.getByRole('alert')).toHaveText('请选择 JPEG、PNG 或 WebP 格式的图片。')
  await expect(card.getByRole('button', { name: '保存照片' })).toHaveCount(0)

  await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await portrait() })
  await expect(card.getByRole('alert')).toHaveCount(0)
  await expect(card.getByTestId('avatar-photo')).toHaveAttribute('src', /^blob:/)
  await card.getByRole('button', { name: '保存照片' }).click()
  await expect(card.getByText('照片已保存。')).toBeVisible()
  const photo = card.getByTestId('avatar-photo')
  await expect(photo).toHaveAttribute('src', /^\/api\/staff\/[^/]+\/photo\?v=/)
  const src = (await photo.getAttribute('src'))!
  // The header shows the same face by the butler's name.
  await expect(butler.getByTestId('own-photo-link').getByTestId('avatar-photo')).toHaveAttribute('src', src)

  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  const loaded = client.waitForResponse((r) => r.url().endsWith(src))
  await client.goto('/portal')
  const face = client.getByTestId('butler-card').getByTestId('avatar-photo')
  await expect(face).toHaveAttribute('src', src)
  const response = await loaded
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/webp')
  // Kept by this browser only, for good: a new photo is a new address.
  expect(response.headers()['cache-control']).toBe('private, max-age=31536000, immutable')
  await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512)

  // Another butler's client: the same address answers as if there were nobody.
  const stranger = await newSignedInPage(browser, people.clientB, { width: 375 })
  const refused = await stranger.request.get(src)
  expect(refused.status()).toBe(404)
  expect(refused.headers()['cache-control']).toBe('private, no-store')

  // Removing asks first; then the client sees initials again.
  await butler.getByRole('button', { name: '移除照片' }).click()
  await butler.getByRole('group').getByRole('button', { name: '移除照片' }).click()
  await expect(card.getByTestId('staff-photo-state')).toHaveText('尚未上传照片，客户目前看到的是您的姓名首字。')
  await client.reload()
  await expect(client.getByTestId('butler-card').getByTestId('avatar-photo')).toHaveCount(0)
  await expect(client.getByTestId('butler-card')).toContainText('林')

  // Both changes read as sentences on the audit log.
  const supervisor = await newSignedInPage(browser, people.supervisor)
  await supervisor.goto('/supervisor/audit?action=staff')
  const log = supervisor.getByTestId('audit')
  await expect(log.getByTestId('audit-entry').filter({ hasText: '林静 更新了自己的照片' }).first()).toBeVisible()
  await expect(log.getByTestId('audit-entry').filter({ hasText: '林静 移除了自己的照片' }).first()).toBeVisible()
})
