// The shape of one demo meeting (what demo-meetings.ts writes) and the names the meetings
// share. Days are counted from the meeting, held `ago` days before today.

export interface DemoResolution {
  content: string
  /** A member unit's name, or a body that is not a member unit (typed). */
  lead: string
  partners: string
  /** Days after the meeting. */
  due: number
  status: '未开始' | '推进中' | '已完成'
  /** Days after the meeting it was done. */
  doneAfter?: number
  progress: [number, string][]
}

export interface DemoMeeting {
  type: '党建联席会议' | '大党委会议' | '兼职委员会议' | '居民议事会' | '其他'
  ago: number
  title?: string
  location: string
  start: string
  end: string
  summary: string
  /** Committee members (by position in office) and units without a member, by name. */
  members: number
  units: string[]
  leave: [number, string][]
  guests: [string, string, string][]
  topics: [string, string, string][]
  resolutions: DemoResolution[]
}

export const HALL = '锦华社区党群服务中心二楼会议室'
export const GUEST: [string, string, string] = ['孙明华', '青云街道党工委', '组织委员']
export const PARTY = '锦华社区党委'
