// Per test file (vitest setupFiles): the folders tempDir() handed out are removed when the file
// is done, so a test that fails before its own clean-up leaves nothing behind either.
import { afterAll } from 'vitest'
import { removeTempDirs } from '../helpers/temp-backend'

afterAll(() => removeTempDirs())
