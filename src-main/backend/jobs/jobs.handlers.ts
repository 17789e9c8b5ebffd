import type { Output, ParsedInput } from '../../shared/contract'
import { readProgress } from './progress'

export function jobsProgress(input: ParsedInput<'jobs:progress'>): Output<'jobs:progress'> {
  return readProgress(input.jobId)
}
