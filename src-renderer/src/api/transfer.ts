// Big files (backups, data packages) cross the contract in 4 MB pieces: uploads are appended
// in the backend's staging folder, downloads are read back piece by piece.
import { CHUNK_BYTES } from '@shared/schemas/safety.schema'
import { base64ToBytes, fileToBase64, MIME, saveDownload } from '../utils/files'
import { invoke } from './client'

export type TransferProgress = (done: number, total: number) => void

export function newUploadId(): string {
  return `up-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export async function uploadFile(file: Blob, onProgress?: TransferProgress): Promise<string> {
  const uploadId = newUploadId()
  let offset = 0
  do {
    const base64 = await fileToBase64(file.slice(offset, offset + CHUNK_BYTES))
    await invoke('safety:upload', { uploadId, offset, base64 })
    offset = Math.min(file.size, offset + CHUNK_BYTES)
    onProgress?.(offset, file.size)
  } while (offset < file.size)
  return uploadId
}

/** Reads a staged file (a data package) back and hands it to the browser as a download. */
export async function downloadStaged(
  fileName: string,
  onProgress?: TransferProgress,
): Promise<void> {
  const parts: Uint8Array[] = []
  let offset = 0
  for (;;) {
    const c = await invoke('safety:download', { fileName, offset })
    const bytes = base64ToBytes(c.base64)
    parts.push(bytes)
    offset += bytes.length
    onProgress?.(offset, c.size)
    if (c.done || bytes.length === 0) break
  }
  saveDownload(fileName, parts, MIME.zip)
}
