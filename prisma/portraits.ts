// Demo faces for the seeded butlers: flat illustrations drawn here, so `npm run dev` shows photos
// on the portal without shipping or downloading any picture. Stored as an upload would be.
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import type { Db } from '../lib/db'

type Look = { background: [string, string]; suit: string; skin: string; hair: string; longHair: boolean }

export const LOOKS = {
  lin: { background: ['#f4ecdc', '#d8c49c'], suit: '#1d2733', skin: '#efcfae', hair: '#231a14', longHair: true },
  zhou: { background: ['#e9eef2', '#b9c6d0'], suit: '#2a2f3a', skin: '#e6bf98', hair: '#1a1410', longHair: false },
} satisfies Record<string, Look>

function svg(l: Look) {
  const longHair = `<path d="M150 230C140 120 200 80 256 80S372 120 362 230L372 380H140Z" fill="${l.hair}"/>`
  const fringe = l.longHair
    ? `<path d="M170 210C168 140 210 112 256 112C306 112 346 140 342 206C320 170 282 150 232 156C206 170 186 188 170 210Z" fill="${l.hair}"/>`
    : `<path d="M172 206C164 130 212 104 258 104C310 104 350 132 340 204C332 172 318 158 296 150C262 160 214 158 190 164C180 176 176 190 172 206Z" fill="${l.hair}"/>`
  const tie = '<path d="M247 372H265L271 440L256 458L241 440Z" fill="#8a6d3b"/>'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${l.background[0]}"/><stop offset="1" stop-color="${l.background[1]}"/>
    </linearGradient>
    <radialGradient id="light" cx="0.35" cy="0.3" r="0.8">
      <stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="512" height="512" fill="url(#bg)"/><rect width="512" height="512" fill="url(#light)"/>
  ${l.longHair ? longHair : ''}
  <path d="M70 512C80 410 150 372 210 360H302C362 372 432 410 442 512Z" fill="${l.suit}"/>
  <path d="M220 356L256 430L292 356Z" fill="#f7f3ea"/>
  ${l.longHair ? '' : tie}
  <rect x="226" y="290" width="60" height="78" rx="26" fill="${l.skin}"/>
  <ellipse cx="256" cy="218" rx="84" ry="100" fill="${l.skin}"/>
  ${fringe}
  <ellipse cx="225" cy="226" rx="7" ry="8" fill="#2b2118" opacity="0.85"/>
  <ellipse cx="287" cy="226" rx="7" ry="8" fill="#2b2118" opacity="0.85"/>
  <path d="M232 270Q256 286 280 270" stroke="#9c5b4a" stroke-width="5" fill="none" stroke-linecap="round"/>
</svg>`
}

export async function giveDemoPortrait(db: Db, userId: string, look: Look) {
  const content = await sharp(Buffer.from(svg(look)))
    .webp({ quality: 82 })
    .toBuffer()
  await db.staffPhoto.create({
    data: { userId, storageKey: randomUUID(), mimeType: 'image/webp', sizeBytes: content.length, content },
  })
}
