import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskIdCard, maskPhone } from '../../src-main/shared/mask'
import { checkDigit, parseIdCard } from '../../src-main/shared/validators/id-card'
import { isPhone, normalizePhone } from '../../src-main/shared/validators/phone'
import { chineseDate } from '../../src-main/shared/dates'

const today = new Date('2026-11-23T00:00:00Z')

describe('身份证号', () => {
  it('accepts a valid number and derives 性别 and 出生年月', () => {
    // 11010519491231002X is the textbook example from GB 11643.
    expect(parseIdCard('11010519491231002X', today)).toEqual({
      ok: true,
      id: '11010519491231002X',
      gender: '女',
      birth: '1949-12',
      upgraded: false,
    })
    expect(parseIdCard(' 110105１９４９１２３１００２x ', today)).toMatchObject({
      ok: true,
      id: '11010519491231002X',
    })
  })

  it('rejects a wrong check digit, a bad date, a future date and wrong lengths', () => {
    expect(parseIdCard('110105194912310021', today)).toMatchObject({
      ok: false,
      message: expect.stringContaining('校验位'),
    })
    expect(parseIdCard('110105194902300023', today)).toMatchObject({
      ok: false,
      message: expect.stringContaining('出生日期'),
    })
    expect(parseIdCard('110105203001010011', today)).toMatchObject({
      ok: false,
      message: expect.stringContaining('出生日期'),
    })
    expect(parseIdCard('1101051949', today)).toMatchObject({
      ok: false,
      message: '身份证号应为 18 位（现为 10 位）',
    })
    expect(parseIdCard('4.40981E+17', today)).toMatchObject({ ok: false })
  })

  it('upgrades a 15-digit legacy number', () => {
    const r = parseIdCard('110105491231002', today)
    expect(r).toMatchObject({ ok: true, upgraded: true, birth: '1949-12', gender: '女' })
    if (r.ok) expect(r.id).toBe('11010519491231002' + checkDigit('11010519491231002'))
  })

  it('property: every number built with its check digit is accepted; any changed digit is refused', () => {
    const digits = (n: number) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
        .map((a) => a.join(''))
    const dates = fc.date({
      min: new Date('1920-01-01'),
      max: new Date('2020-12-31'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(
        digits(6),
        dates,
        digits(3),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (area, d, seq, pos, bump) => {
          const ymd = d.toISOString().slice(0, 10).replace(/-/g, '')
          const body = area + ymd + seq
          const id = body + checkDigit(body)
          const r = parseIdCard(id, today)
          expect(r.ok).toBe(true)
          const changed =
            body.slice(0, pos) + String((Number(body[pos]) + bump) % 10) + body.slice(pos + 1)
          // A single changed digit always breaks the mod-11 check (weights are never 0 mod 11).
          expect(parseIdCard(changed + id.slice(17), today).ok).toBe(false)
        },
      ),
    )
  })
})

describe('phones and masking', () => {
  it('accepts mobiles and landlines, refuses the rest', () => {
    for (const p of ['13812345678', '19912345678', '0871-12345678', '087112345678', '010-1234567'])
      expect(isPhone(p)).toBe(true)
    for (const p of ['12812345678', '1381234567', '138123456789', 'abc', '0871-123'])
      expect(isPhone(p)).toBe(false)
    expect(normalizePhone(' １３８ 1234 5678 ')).toBe('13812345678')
  })

  it('masks ID numbers as first 6 + last 4 and phones as 3 + 4', () => {
    expect(maskIdCard('110105194912310021')).toBe('110105********0021')
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('0871-65123456')).toBe('0871-****3456')
  })

  it('property: a masked ID never reveals the birth date and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdCard(id)
        expect(m).toHaveLength(18)
        expect(m.slice(6, 14)).toBe('********')
        expect(m.slice(0, 6) + m.slice(14)).toBe(id.slice(0, 6) + id.slice(14))
      }),
    )
  })
})

describe('dates', () => {
  it('writes GB/T 9704 dates without zero padding', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(chineseDate('2026-11-22')).toBe('2026年11月22日')
  })
})
