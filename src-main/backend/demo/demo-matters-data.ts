// What residents of the made-up 锦华社区 report: problems (with their 哨级), suggestions and
// 办实事 requests, as a secretary would write them in the 台账. {e} is the estate, {b} a building.

export interface DemoMatterKind {
  kind: '问题' | '建议' | '办实事'
  level?: '应急' | '重点' | '常规' | '协调'
  category: string
  content: string
  /** Where it most often comes from. */
  source: string
  /** A street office or department it may be 吹哨'd to. */
  office?: string
  progress: string
  result: string
}

export const DEMO_MATTERS: DemoMatterKind[] = [
  {
    kind: '问题',
    level: '常规',
    category: '设施改造',
    content: '{e}{b}栋楼道灯不亮，晚上老人上下楼不方便',
    source: '网格走访',
    progress: '已联系物业采购灯具',
    result: '已更换楼道声控灯 6 盏',
  },
  {
    kind: '问题',
    level: '重点',
    category: '环境整治',
    content: '{e}{b}栋2单元下水道堵塞，污水漫到楼道',
    source: '来电来访',
    progress: '物业已上门疏通主管道，仍有异味',
    result: '主管道疏通并冲洗，楼道已清洁消毒',
  },
  {
    kind: '问题',
    level: '应急',
    category: '设施改造',
    content: '{e}{b}栋外墙瓷砖脱落，楼下是人行通道',
    source: '网格走访',
    office: '青云街道城建办',
    progress: '已拉警戒线，联系维修单位',
    result: '松动瓷砖已全部清除并修补，警戒线已撤',
  },
  {
    kind: '问题',
    level: '重点',
    category: '环境整治',
    content: '{e}{b}栋有住户在楼道给电动车充电',
    source: '党员中心户反映',
    progress: '上门劝导 3 户，张贴安全提示',
    result: '楼道充电已清理，住户改到集中充电点',
  },
  {
    kind: '问题',
    level: '常规',
    category: '环境整治',
    content: '{e}垃圾清运不及时，垃圾桶满溢',
    source: '12345 热线',
    office: '青云街道城管科',
    progress: '已与环卫公司协调增加清运频次',
    result: '改为每日早晚两次清运',
  },
  {
    kind: '问题',
    level: '协调',
    category: '矛盾调解',
    content: '{e}{b}栋楼上漏水到楼下，两户协商不成',
    source: '来电来访',
    progress: '组织两户和物业到现场查看',
    result: '调解达成协议，楼上住户负责维修并赔偿',
  },
  {
    kind: '问题',
    level: '常规',
    category: '矛盾调解',
    content: '{e}{b}栋住户装修噪音扰民，午休时间也在施工',
    source: '12345 热线',
    progress: '已与装修方沟通施工时间',
    result: '装修方承诺午休和晚间不施工，已公示',
  },
  {
    kind: '问题',
    level: '协调',
    category: '环境整治',
    content: '沿河商铺占道经营，影响居民通行',
    source: '网格走访',
    office: '青云街道综合执法队',
    progress: '联合执法队劝导商户',
    result: '占道物品已清理，商户签订门前三包责任书',
  },
  {
    kind: '问题',
    level: '应急',
    category: '帮扶救助',
    content: '{e}{b}栋独居老人家中燃气管道老化，有异味',
    source: '为民服务站',
    office: '燃气公司抢修中心',
    progress: '燃气公司已上门关阀检测',
    result: '已更换燃气软管和阀门，检测无泄漏',
  },
  {
    kind: '问题',
    level: '常规',
    category: '设施改造',
    content: '{e}北门路面坑洼，下雨积水',
    source: '兼职委员反映',
    progress: '已报物业维修计划',
    result: '路面已修补平整',
  },
  {
    kind: '问题',
    level: '常规',
    category: '环境整治',
    content: '{e}共享单车乱停，堵住小区出入口',
    source: '网格走访',
    progress: '联系运营企业调度清理',
    result: '已划定停放区，运营企业每日巡查',
  },
  {
    kind: '问题',
    level: '协调',
    category: '矛盾调解',
    content: '{e}{b}栋加装电梯，低层住户有不同意见',
    source: '兼职委员反映',
    office: '区住建局',
    progress: '召开楼栋居民议事会两次',
    result: '达成补偿方案，全部住户签字同意',
  },
  {
    kind: '问题',
    level: '常规',
    category: '环境整治',
    content: '{e}绿化带被私自开垦种菜',
    source: '网格走访',
    progress: '上门劝导，发放告知书',
    result: '菜地已恢复为绿地',
  },
  {
    kind: '建议',
    category: '设施改造',
    content: '建议在{e}中心花园增设休闲座椅',
    source: '心愿墙/微心愿',
    progress: '征求居民意见，选定位置',
    result: '共建单位捐赠座椅 8 张，已安装',
  },
  {
    kind: '建议',
    category: '教育培训',
    content: '建议周末开设老年人智能手机课堂',
    source: '为民服务站',
    progress: '联系共建学校志愿者排课',
    result: '每周六上午开课，已办 4 期',
  },
  {
    kind: '建议',
    category: '教育培训',
    content: '建议为双职工家庭开设四点半课堂',
    source: '来电来访',
    progress: '与小学、志愿者确定方案',
    result: '四点半课堂已开班，报名 26 人',
  },
  {
    kind: '建议',
    category: '医疗健康',
    content: '建议共建医院定期来社区义诊',
    source: '党员中心户反映',
    progress: '与共建医院商定每月一次',
    result: '每月第二个周六义诊，已常态化',
  },
  {
    kind: '办实事',
    category: '帮扶救助',
    content: '{e}{b}栋独居老人希望有人定期上门探望',
    source: '党员中心户反映',
    progress: '安排党员中心户每周走访',
    result: '结对党员每周上门探望一次',
  },
  {
    kind: '办实事',
    category: '帮扶救助',
    content: '微心愿：{e}的小学生想要一套课外读物',
    source: '心愿墙/微心愿',
    progress: '共建单位认领心愿',
    result: '课外读物已送到孩子手中',
  },
  {
    kind: '办实事',
    category: '法律服务',
    content: '{e}居民房屋租赁合同纠纷，需要法律咨询',
    source: '为民服务站',
    progress: '律师志愿者约谈了解情况',
    result: '律师已出具书面意见，双方和解',
  },
  {
    kind: '办实事',
    category: '技能服务',
    content: '{e}{b}栋行动不便老人需要上门理发',
    source: '网格走访',
    progress: '联系理发志愿者预约时间',
    result: '已上门理发，约定每月一次',
  },
  {
    kind: '办实事',
    category: '技能服务',
    content: '{e}几户老人家电坏了，想找人上门维修',
    source: '为民服务站',
    progress: '维修志愿者上门检查',
    result: '修好电视机、电饭煲等 5 件',
  },
]

/** Notes a resident gives when not satisfied (the item goes back to work). */
export const UNHAPPY = ['问题反复出现', '只处理了一部分', '处理太慢，没有回音', '效果不明显']
export const VISITS = ['电话回访', '上门回访', '当面回访', '微信回访'] as const
