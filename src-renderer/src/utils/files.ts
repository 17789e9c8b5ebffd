// Moving files between the user's disk and the backend as base64 (the contract is JSON), and
// the one way the renderer hands a file to the browser as a download.

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
} as const

export function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/** Saves bytes as a download named `fileName` (the browser asks where, or uses Downloads). */
export function saveDownload(fileName: string, parts: Uint8Array[], mime: string): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  // Firefox only follows a link that is in the document.
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked later, not at once: a big file is still being written to disk after click().
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export function downloadBase64(fileName: string, base64: string, mime: string): void {
  saveDownload(fileName, [base64ToBytes(base64)], mime)
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // Chunks keep String.fromCharCode's argument list within engine limits on big files.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
