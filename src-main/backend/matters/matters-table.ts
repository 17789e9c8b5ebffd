// 民情事项's own channels (beyond the register's eight, which handlers.ts puts in with reg())
// and their handlers, in one piece for the table in handlers.ts.
import {
  mattersAccept,
  mattersCancel,
  mattersClose,
  mattersDispatch,
  mattersEvaluate,
  mattersFeedback,
  mattersMerge,
  mattersProgress,
  mattersTimeline,
} from './matter-steps.handlers'
import { mattersDeadlines, mattersDeadlinesSave } from './matters.handlers'
import { mattersExport } from './matters-export'

export const mattersHandlers = {
  'matters:dispatch': mattersDispatch,
  'matters:accept': mattersAccept,
  'matters:progress': mattersProgress,
  'matters:feedback': mattersFeedback,
  'matters:close': mattersClose,
  'matters:evaluate': mattersEvaluate,
  'matters:cancel': mattersCancel,
  'matters:merge': mattersMerge,
  'matters:timeline': mattersTimeline,
  'matters:deadlines': mattersDeadlines,
  'matters:deadlines-save': mattersDeadlinesSave,
  'matters:export': mattersExport,
}
