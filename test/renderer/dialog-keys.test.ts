// Esc from a drop-down in a record dialog: Element Plus's select swallows Esc even when its list
// is closed, so the dialog decides itself whether that Esc is its own (close) or the list's.
import { afterEach, describe, expect, it } from 'vitest'
import { escapeFromClosedSelect } from '../../src-renderer/src/components/register/dialog-keys'

afterEach(() => document.body.replaceChildren())

/** The input of a select as Element Plus draws it, with the Esc pressed in it. */
function pressIn(opts: { expanded: boolean; typed?: string; inSelect?: boolean; key?: string }) {
  const wrap = document.createElement('div')
  if (opts.inSelect !== false) wrap.className = 'el-select'
  const input = document.createElement('input')
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-expanded', String(opts.expanded))
  input.value = opts.typed ?? ''
  wrap.append(input)
  document.body.append(wrap)
  let answer: boolean | undefined
  document.body.addEventListener('keydown', (e) => (answer = escapeFromClosedSelect(e)), {
    once: true,
  })
  input.dispatchEvent(new KeyboardEvent('keydown', { key: opts.key ?? 'Escape', bubbles: true }))
  return answer
}

describe('Esc in a record dialog', () => {
  it('closes the dialog from a closed, empty drop-down (会议类型 as the first field)', () => {
    expect(pressIn({ expanded: false })).toBe(true)
  })

  it('leaves Esc to an open list, to typed filter text, to other keys and to plain fields', () => {
    expect(pressIn({ expanded: true })).toBe(false)
    expect(pressIn({ expanded: false, typed: '党建' })).toBe(false)
    expect(pressIn({ expanded: false, key: 'Enter' })).toBe(false)
    expect(pressIn({ expanded: false, inSelect: false })).toBe(false)
  })
})
