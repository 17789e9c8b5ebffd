// A spreadsheet handed to the import channels the way every door does it: uploaded first in
// pieces (safety:upload) to the staging folder, then named by its upload id.
import type { RegisterKey } from '../../src-main/shared/registers/registers'
import { CHUNK_BYTES } from '../../src-main/shared/limits'
import type { TestBackend } from './temp-backend'

export async function stageFile(b: Pick<TestBackend, 'call'>, data: Buffer): Promise<string> {
  const uploadId = `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  let offset = 0
  do {
    const piece = data.subarray(offset, offset + CHUNK_BYTES)
    await b.call('safety:upload', { uploadId, offset, base64: piece.toString('base64') })
    offset += piece.length
  } while (offset < data.length)
  return uploadId
}

/** The file part of an exchange:preview / exchange:import request. */
export async function sheetFile<R extends RegisterKey = 'talents'>(
  b: Pick<TestBackend, 'call'>,
  fileName: string,
  data: Buffer,
  register = 'talents' as R,
): Promise<{ register: R; fileName: string; uploadId: string }> {
  return { register, fileName, uploadId: await stageFile(b, data) }
}
