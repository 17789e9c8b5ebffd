// Masking for exports and printed rosters (个人信息保护法): ID first 6 + last 4, phone 3 + 4.

export function maskIdCard(id: string): string {
  if (id.length < 11) return id.length === 0 ? '' : '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return phone.slice(0, 3) + '****' + phone.slice(7)
  // Landlines: keep the area code and the last four digits.
  const m = /^(0\d{2,3}-?)(\d+)(\d{4})$/.exec(phone)
  if (m) return (m[1] ?? '') + '*'.repeat((m[2] ?? '').length) + (m[3] ?? '')
  return phone.length <= 4 ? phone : '*'.repeat(phone.length - 4) + phone.slice(-4)
}
