// Phone and ID numbers are masked in every list; only the last digits stay readable.
export function maskPhone(phone: string | null) {
  if (!phone) return null
  const digits = phone.replace(/\D/g, '').length
  let seen = 0
  return phone.replace(/\d/g, (d) => (++seen > digits - 4 ? d : '*'))
}

export function maskId(id: string | null) {
  if (!id) return null
  if (id.length <= 4) return '*'.repeat(id.length)
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`
}
