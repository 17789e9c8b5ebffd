// The demo community's meetings over the past year: what was discussed and agreed. Days are
// counted from the meeting (held `ago` days before today); every name here is invented.

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

const HALL = '锦华社区党群服务中心二楼会议室'
const GUEST: [string, string, string] = ['孙明华', '青云街道党工委', '组织委员']
const PARTY = '锦华社区党委'

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    type: '党建联席会议',
    ago: 330,
    location: HALL,
    start: '09:30',
    end: '11:30',
    summary:
      '会议通报了上年度"三项清单"认领落实情况，围绕老旧小区楼道照明改造和独居老人助餐点建设进行了研究，各共建单位结合自身资源认领了任务。',
    members: 11,
    units: ['青云志愿者协会', '锦华社工服务社'],
    leave: [[4, '参加区里集中培训']],
    guests: [GUEST],
    topics: [
      ['通报上年度"三项清单"认领落实情况', PARTY, '对照清单逐项通报，未完成事项说明原因。'],
      ['研究锦华苑楼道照明改造', '锦华苑物业服务中心', '1—6 栋楼道声控灯损坏较多，居民反映强烈。'],
      ['商议独居老人助餐点建设', '青云养老服务中心', '老街片区独居老人 37 人，就餐困难。'],
    ],
    resolutions: [
      {
        content: '完成锦华苑 1—6 栋楼道照明改造，更换声控灯 120 余盏',
        lead: '锦华苑物业服务中心',
        partners: '云南某电力公司青云供电所',
        due: 60,
        status: '已完成',
        doneAfter: 52,
        progress: [
          [20, '完成摸底，共需更换 126 盏'],
          [52, '全部更换完毕，楼栋长组织居民验收'],
        ],
      },
      {
        content: '在老街片区建成独居老人助餐点，每日供应午餐',
        lead: '青云养老服务中心',
        partners: '锦华超市有限公司、锦华社工服务社',
        due: 120,
        status: '已完成',
        doneAfter: 104,
        progress: [
          [45, '场地确定为老街片区原活动室'],
          [104, '助餐点开业，首周就餐 31 人次'],
        ],
      },
      {
        content: '建立共建单位在职党员进社区报到登记台账',
        lead: PARTY,
        partners: '各共建单位',
        due: 30,
        status: '已完成',
        doneAfter: 28,
        progress: [[28, '台账建立，已登记报到党员 214 人']],
      },
    ],
  },
  {
    type: '党建联席会议',
    ago: 240,
    location: HALL,
    start: '14:30',
    end: '16:30',
    summary:
      '会议研究了背街小巷环境整治分工、青少年暑期托管和电动车充电安全隐患排查三项工作，明确了责任单位和完成时限。',
    members: 10,
    units: ['青云志愿者协会'],
    leave: [
      [2, '单位有紧急任务'],
      [7, '外出学习'],
    ],
    guests: [GUEST],
    topics: [
      ['背街小巷环境整治分工', PARTY, '老街片区 5 条巷道乱堆乱放问题突出。'],
      ['青少年暑期托管', '青云街道第一小学', '双职工家庭暑期看护需求调查结果。'],
      ['电动车充电安全隐患排查', '区消防救援大队青云站', ''],
    ],
    resolutions: [
      {
        content: '开展老街片区背街小巷环境整治，清理乱堆乱放',
        lead: '区城市管理局青云中队',
        partners: '锦华苑物业服务中心、青云志愿者协会',
        due: 90,
        status: '推进中',
        progress: [
          [30, '已清理 3 条巷道'],
          [85, '剩余 2 条巷道涉及产权单位，正在协调'],
        ],
      },
      {
        content: '暑期开设"四点半课堂"，由在职党员教师志愿辅导',
        lead: '青云街道第一小学',
        partners: '市第三中学、锦华社工服务社',
        due: 100,
        status: '已完成',
        doneAfter: 96,
        progress: [[96, '共开班 6 周，服务学生 58 人']],
      },
      {
        content: '对辖区电动车集中停放点开展消防安全检查',
        lead: '区消防救援大队青云站',
        partners: '青云派出所',
        due: 45,
        status: '已完成',
        doneAfter: 40,
        progress: [[40, '检查停放点 12 处，整改隐患 9 处']],
      },
    ],
  },
  {
    type: '大党委会议',
    ago: 200,
    title: '锦华社区大党委兼职委员"双诺"承诺事项审议会',
    location: HALL,
    start: '15:00',
    end: '16:30',
    summary: '会议审议兼职委员年度承诺事项，讨论修订大党委议事规则。',
    members: 14,
    units: [],
    leave: [[9, '身体不适']],
    guests: [],
    topics: [
      ['兼职委员年度"双诺"承诺事项审议', PARTY, ''],
      ['修订《锦华社区大党委议事规则》', PARTY, '现行规则制定于 2021 年，部分条款已不适用。'],
    ],
    resolutions: [
      {
        content: '各兼职委员于两周内提交年度承诺事项',
        lead: PARTY,
        partners: '各兼职委员所在单位',
        due: 14,
        status: '已完成',
        doneAfter: 13,
        progress: [[13, '14 名委员全部提交']],
      },
      {
        content: '修订《锦华社区大党委议事规则》并印发',
        lead: PARTY,
        partners: '盘龙区司法局青云司法所',
        due: 60,
        status: '未开始',
        progress: [],
      },
    ],
  },
  {
    type: '党建联席会议',
    ago: 130,
    location: HALL,
    start: '09:30',
    end: '11:00',
    summary: '会议围绕"红色物业"共建、金桂园停车难和法律明白人培训进行协商。',
    members: 12,
    units: ['锦华社工服务社', '某律师事务所'],
    leave: [[5, '出差']],
    guests: [GUEST],
    topics: [
      ['"红色物业"共建项目推进', '金桂园物业管理有限公司', ''],
      ['金桂园停车难问题协商', '居民议事会', '夜间车位缺口约 80 个。'],
      ['法律明白人培训安排', '盘龙区司法局青云司法所', ''],
    ],
    resolutions: [
      {
        content: '推动金桂园物业成立党支部，纳入"红色物业"共建',
        lead: '金桂园物业管理有限公司',
        partners: '锦华苑物业服务中心',
        due: 90,
        status: '推进中',
        progress: [[50, '已有 3 名党员转入组织关系，正在筹备成立']],
      },
      {
        content: '协调驻区单位夜间开放内部停车位 60 个',
        lead: '盘龙区税务局第二税务所',
        partners: '青云派出所、某银行青云支行',
        due: 60,
        status: '已完成',
        doneAfter: 47,
        progress: [[47, '两家单位开放车位 64 个，签订共享协议']],
      },
      {
        content: '举办两期"法律明白人"培训，每期不少于 40 人',
        lead: '某律师事务所',
        partners: '盘龙区司法局青云司法所',
        due: 150,
        status: '推进中',
        progress: [[70, '第一期已举办，参训 46 人']],
      },
    ],
  },
  {
    type: '居民议事会',
    ago: 60,
    title: '馨园小区电动车充电棚选址居民议事会',
    location: '馨园小区居民活动室',
    start: '19:00',
    end: '20:30',
    summary: '居民代表、物业和供电所共同商议充电棚选址和费用分摊，形成一致意见。',
    members: 2,
    units: ['云南某电力公司青云供电所'],
    leave: [],
    guests: [
      ['何桂英', '馨园小区 3 栋', '居民代表'],
      ['彭建国', '馨园小区 7 栋', '居民代表'],
      ['罗志强', '馨园小区业委会', '业委会主任'],
    ],
    topics: [
      ['充电棚选址方案', '馨园小区业委会', '3 栋北侧空地与 7 栋东侧绿地两个方案。'],
      ['建设费用分摊', '馨园小区业委会', ''],
    ],
    resolutions: [
      {
        content: '在馨园小区 3 栋北侧空地建设充电棚，设充电口 40 个',
        lead: '馨园小区业委会',
        partners: '云南某电力公司青云供电所',
        due: 90,
        status: '推进中',
        progress: [[30, '供电所已完成线路勘察']],
      },
      {
        content: '充电棚建成前，由物业每晚巡查楼道违规充电',
        lead: '锦华苑物业服务中心',
        partners: '青云派出所',
        due: 20,
        status: '已完成',
        doneAfter: 7,
        progress: [[7, '已安排夜班保安每晚 21 时巡查']],
      },
    ],
  },
  {
    type: '党建联席会议',
    ago: 25,
    location: HALL,
    start: '09:30',
    end: '11:30',
    summary:
      '会议总结本年度共建项目完成情况，部署冬季独居老人关爱和消防安全宣传，启动下一年度"三项清单"征集。',
    members: 12,
    units: ['青云志愿者协会', '锦华社工服务社'],
    leave: [
      [3, '参加市里会议'],
      [10, '单位值班'],
    ],
    guests: [GUEST],
    topics: [
      ['本年度共建项目完成情况总结', PARTY, ''],
      ['冬季独居老人关爱行动', '青云街道社区卫生服务中心', ''],
      ['下一年度"三项清单"征集', PARTY, ''],
      ['冬季消防安全宣传', '区消防救援大队青云站', ''],
    ],
    resolutions: [
      {
        content: '走访辖区 80 岁以上独居老人，建立一人一档',
        lead: '青云街道社区卫生服务中心',
        partners: '锦华社工服务社、青云志愿者协会',
        due: 40,
        status: '推进中',
        progress: [[15, '已走访 42 人']],
      },
      {
        content: '征集各共建单位下一年度资源清单和项目清单',
        lead: PARTY,
        partners: '各共建单位',
        due: 35,
        status: '未开始',
        progress: [],
      },
      {
        content: '开展冬季消防安全进社区宣传，覆盖全部 6 个网格',
        lead: '区消防救援大队青云站',
        partners: '各网格党支部',
        due: 20,
        status: '推进中',
        progress: [[10, '已完成 4 个网格']],
      },
    ],
  },
]
