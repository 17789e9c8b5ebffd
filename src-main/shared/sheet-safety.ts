// Spreadsheet cells must never start a formula (CSV/Excel injection): a leading = + - @ tab or
// CR is neutralised with an apostrophe on export, and that apostrophe is removed on import.
const DANGEROUS = /^[=+\-@\t\r]/

export function neutralizeCell(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text
}

export function restoreCell(text: string): string {
  return text.length > 1 && text[0] === "'" && DANGEROUS.test(text.slice(1)) ? text.slice(1) : text
}
