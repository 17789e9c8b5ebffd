// Spreadsheet cells must never start a formula (CSV/Excel injection): a leading = + - @ tab or
// CR is neutralised with an apostrophe on export, and that apostrophe is removed on import.
// Text that already looks neutralised ('=…, ''=…) gets one more apostrophe, so the round trip
// export → import gives back exactly what was typed.
const DANGEROUS = /^[=+\-@\t\r]/

function needsEscape(text: string): boolean {
  let i = 0
  while (text[i] === "'") i++
  return DANGEROUS.test(text.slice(i))
}

export function neutralizeCell(text: string): string {
  return needsEscape(text) ? `'${text}` : text
}

export function restoreCell(text: string): string {
  return text[0] === "'" && needsEscape(text.slice(1)) ? text.slice(1) : text
}
