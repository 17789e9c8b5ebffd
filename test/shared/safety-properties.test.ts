// Properties (fast-check) of what keeps personal data and spreadsheets safe: masking never
// reveals the middle, no exported cell can start a formula, neutralising round-trips.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskIdCard, maskPhone } from '../../src-main/shared/mask'
import { neutralizeCell, restoreCell } from '../../src-main/shared/sheet-safety'
import { checkDigit, parseIdCard } from '../../src-main/shared/validators/id-card'

const DANGEROUS = /^[=+\-@\t\r]/
const today = new Date('2026-11-23T00:00:00Z')
// Strings that often start with the characters that matter, plus anything at all.
const risky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "''"), fc.string())
    .map(([a, b]) => a + b),
)

describe('formula neutralisation', () => {
  it('a neutralised cell never starts a formula', () => {
    fc.assert(
      fc.property(risky, (s) => {
        expect(DANGEROUS.test(neutralizeCell(s))).toBe(false)
      }),
      {
        numRuns: 2000,
      },
    )
  })

  it('export then import gives back exactly the text that was typed', () => {
    fc.assert(
      fc.property(risky, (s) => {
        expect(restoreCell(neutralizeCell(s))).toBe(s)
      }),
      {
        numRuns: 2000,
      },
    )
    expect(restoreCell(neutralizeCell("'=1+1"))).toBe("'=1+1")
  })

  it('text that was never dangerous is left alone', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^'*[=+\-@\t\r]/.test(s)),
        (s) => {
          expect(neutralizeCell(s)).toBe(s)
        },
      ),
    )
  })
})

describe('masking', () => {
  it('an ID number of any shape never shows more than its first 6 and last 4 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), (id) => {
        const m = maskIdCard(id)
        expect(m).toHaveLength(id.length)
        if (id.length < 11) expect(m).toBe('*'.repeat(id.length))
        else expect(m.slice(6, -4)).toBe('*'.repeat(id.length - 10))
      }),
    )
  })

  it('a mobile number never shows its middle four digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p)
        expect(m).toBe(`${p.slice(0, 3)}****${p.slice(7)}`)
      }),
    )
  })

  it('a landline never shows the digits between area code and last four', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\d{2,3}-\d{7,8}$/), (p) => {
        const [area = '', local = ''] = p.split('-')
        const m = maskPhone(p)
        expect(m).toBe(`${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`)
      }),
    )
  })

  it('any other text shows only its last four characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 5, maxLength: 30 }), (p) => {
        fc.pre(!/^1\d{10}$/.test(p) && !/^0\d{2,3}-?\d+\d{4}$/.test(p))
        expect(maskPhone(p)).toBe('*'.repeat(p.length - 4) + p.slice(-4))
      }),
    )
  })
})

describe('身份证号', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''))
  const validId = fc
    .tuple(
      digits(6),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-22'), noInvalidDate: true }),
      digits(3),
    )
    .map(([area, d, seq]) => {
      const body = area + d.toISOString().slice(0, 10).replace(/-/g, '') + seq
      return body + checkDigit(body)
    })

  it('every valid number is accepted, also with an x, spaces or full-width digits', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(parseIdCard(id, today)).toMatchObject({ ok: true, id })
        const wide = id.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
        expect(parseIdCard(` ${wide.toLowerCase()} `, today)).toMatchObject({ ok: true, id })
      }),
      { numRuns: 500 },
    )
  })

  it('changing any one character (the check digit included) is refused', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, pos, bump) => {
          const alphabet = '0123456789X'
          const current = alphabet.indexOf(id[pos] ?? '0')
          const next = alphabet[(current + bump) % 11] ?? '0'
          if (pos < 17 && next === 'X') return
          const changed = id.slice(0, pos) + next + id.slice(pos + 1)
          expect(parseIdCard(changed, today).ok).toBe(false)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('two swapped neighbouring digits are refused unless they are equal', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, pos) => {
        const a = id[pos] ?? ''
        const b = id[pos + 1] ?? ''
        if (a === b) return
        const swapped = id.slice(0, pos) + b + a + id.slice(pos + 2)
        expect(parseIdCard(swapped, today).ok).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})
