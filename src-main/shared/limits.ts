// File sizes every door and the backend agree on, in one place: the import dialog checks a
// spreadsheet against the same number the backend refuses it by, and the browser door's
// request cap is derived from what a request may legitimately carry.

const MB = 1024 * 1024

/** A spreadsheet (.xlsx / .csv) to import into a register. */
export const MAX_SHEET_BYTES = 20 * MB

/** A Word template (.docx), uploaded whole in one request. */
export const MAX_TEMPLATE_BYTES = 10 * MB

/** Big files (spreadsheets, backups, data packages) cross the contract in pieces of this size. */
export const CHUNK_BYTES = 4 * MB

/** Everything a staged upload may hold (a data package or a backup of a city-sized community). */
export const MAX_UPLOAD_BYTES = 512 * MB

/** Base64 text of `bytes` bytes (what a file becomes inside a JSON request). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4

/**
 * The largest request body the browser door reads: the biggest thing sent inline (a template)
 * as base64 plus room for the rest of the JSON. Anything bigger goes in CHUNK_BYTES pieces.
 */
export const MAX_REQUEST_BYTES = base64Length(Math.max(MAX_TEMPLATE_BYTES, CHUNK_BYTES)) + MB

export const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`

/** What every door says about a spreadsheet over MAX_SHEET_BYTES. */
export const sheetTooBig = (bytes: number): string =>
  `文件太大（${(bytes / MB).toFixed(1)} MB），导入的表格最大 ${megabytes(MAX_SHEET_BYTES)}。请把表格分成几个文件，分批导入`
