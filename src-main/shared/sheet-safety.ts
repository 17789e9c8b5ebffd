// Spreadsheet cells must never start a formula (CSV/Excel injection): a leading = + - @ tab or
// CR is neutralised with an apostrophe on export, and that apostrophe is removed on import.
// Text that already starts with apostrophes before such a character gets one more, so a typed
// "'=" survives the round trip instead of losing its apostrophe on the way back.
const ESCAPABLE = /^'*[=+\-@\t\r]/
const ESCAPED = /^'+[=+\-@\t\r]/

export function neutralizeCell(text: string): string {
  return ESCAPABLE.test(text) ? `'${text}` : text
}

export function restoreCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text
}
