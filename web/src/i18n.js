// Two dictionaries (zh-CN first, English second) and number formatting the
// Chinese way: volumes in m³, 万m³ and 亿m³.

const zh = {
  brand: '四水四定 · 聊城',
  title: '聊城市水资源管理平台',
  skip: '跳到正文',
  'nav.main': '主导航',
  'nav.overview': '总览',
  'nav.warnings': '预警',
  'nav.regions': '区县',
  'nav.registry': '台账管理',
  'nav.reports': '报表',
  'nav.models': '模型',
  'nav.mine': '本单位',
  'nav.login': '登录',
  'nav.logout': '退出',
  lang: 'English',
  'lang.label': '切换语言',
  loading: '加载中…',
  nodata: '暂无数据',
  error: '出错了',
  retry: '重试',
  save: '保存',
  cancel: '取消',
  create: '新建',
  edit: '编辑',
  search: '搜索',
  prev: '上一页',
  next: '下一页',
  year: '年份',
  month: '月份',
  region: '区县',
  all: '全部',
  city: '全市',
  actions: '操作',
  'role.admin': '管理员',
  'role.city': '市级',
  'role.county': '区县',
  'role.enterprise': '企业',
  'role.auditor': '审计',
  'role.public': '公众',
  // login
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '登录失败：{msg}',
  'login.hint': '演示账号见 sishui demo 的输出。',
  'login.anon': '未登录（公众视图）',
  // overview
  'ov.title': '全市总览',
  'ov.use': '本年用水量',
  'ov.cap': '用水总量控制指标',
  'ov.share': '占控制指标',
  'ov.projected': '预计全年',
  'ov.measured': '计量占比',
  'ov.completeness': '数据完整率',
  'ov.alerts': '未处理预警',
  'ov.map': '区县用水与监测点',
  'ov.mapLabel': '聊城市地图：区县按用水占控制指标着色，监测点按状态着色',
  'ov.shadeBy': '着色',
  'ov.shadeUse': '用水/指标',
  'ov.shadeGrade': '承载能力',
  'ov.points': '监测点',
  'ov.indicators': '十项指标完成情况',
  'ov.counties': '各区县',
  'ov.binding': '约束性',
  'ov.expected': '预期性',
  'ov.target': '目标',
  'ov.actual': '实际',
  'ov.status': '状态',
  'ov.pointsReporting': '在报/总数',
  'ov.groundwater': '地下水',
  'ov.grade': '承载状况',
  'ov.noPoints': '暂无监测点位置',
  'status.reporting': '正常',
  'status.late': '迟报',
  'status.offline': '离线',
  'status.alarm': '报警',
  'status.unknown': '状态未知',
  'permit.pending': '待审',
  'permit.active': '有效',
  'permit.suspended': '暂停',
  'permit.expired': '过期',
  'permit.revoked': '吊销',
  'ind.meets': '达标',
  'ind.at_risk': '有风险',
  'ind.misses': '未达标',
  'ind.no data': '暂无数据',
  'grade.not_overloaded': '不超载',
  'grade.critical': '临界超载',
  'grade.overloaded': '超载',
  'grade.severely_overloaded': '严重超载',
  'band.ok': '< 80%',
  'band.watch': '80–95%',
  'band.near': '95–100%',
  'band.over': '> 100%',
  // warnings
  'w.title': '预警',
  'w.live': '实时',
  'w.liveOff': '未连接实时推送',
  'w.level': '级别',
  'w.kind': '类型',
  'w.state': '状态',
  'w.subject': '对象',
  'w.message': '内容',
  'w.value': '值/限值',
  'w.started': '开始时间',
  'w.ack': '确认',
  'w.ackComment': '确认说明',
  'w.ackDone': '已确认预警 {id}',
  'w.history': '历史',
  'w.current': '当前',
  'level.blue': '蓝色',
  'level.yellow': '黄色',
  'level.orange': '橙色',
  'level.red': '红色',
  'state.pending': '待定',
  'state.firing': '触发',
  'state.acknowledged': '已确认',
  'state.resolved': '已解除',
  // region
  'r.title': '区县详情',
  'r.pick': '选择区县',
  'r.useByMonth': '逐月用水（按水源）',
  'r.cumulative': '累计用水',
  'r.pivot': '水源 × 行业用水',
  'r.permits': '取水许可',
  'r.points': '监测点',
  'r.total': '合计',
  // point
  'p.title': '监测点',
  'p.latest': '最新数据',
  'p.series': '过程线',
  'p.metric': '要素',
  'p.range': '时段',
  'p.range7': '近7天',
  'p.range30': '近30天',
  'p.range365': '近1年（日值）',
  'p.flags': '质量标记',
  'p.flagged': '有质量标记的数据',
  'p.calendar': '数据完整率日历',
  'p.frames': '原始报文',
  'p.time': '时间',
  'p.value': '值',
  'p.received': '到报/应报',
  'p.daily': '日值',
  'p.raw': '原始数据',
  // registry
  'reg.title': '台账管理',
  'reg.users': '取用水户',
  'reg.permits': '取水许可',
  'reg.points': '监测点',
  'reg.created': '已保存',
  'reg.refused': '未通过：{msg}',
  'reg.formErrors': '请更正标出的字段',
  // fields
  'f.name': '名称',
  'f.credit_code': '统一社会信用代码',
  'f.region': '行政区',
  'f.sector': '行业',
  'f.address': '地址',
  'f.lon': '经度',
  'f.lat': '纬度',
  'f.contact': '联系人',
  'f.phone': '电话',
  'f.note': '备注',
  'f.number': '许可证编号',
  'f.user_id': '取用水户',
  'f.source': '水源',
  'f.purpose': '用途',
  'f.intake_name': '取水口',
  'f.annual_m3': '许可年取水量 (m³)',
  'f.valid_from': '有效期起',
  'f.valid_to': '有效期止',
  'f.status': '状态',
  'f.code': '终端地址',
  'f.kind': '类型',
  'f.protocol': '协议',
  'f.permit_id': '取水许可',
  'f.section_id': '控制断面',
  'f.multiplier': '倍率',
  'f.interval_seconds': '报送间隔 (秒)',
  // reports
  'rep.title': '报表',
  'rep.kind': '报表类型',
  'rep.monthly': '月报',
  'rep.annual': '年报',
  'rep.preview': '预览',
  'rep.csv': '下载 CSV',
  'rep.xlsx': '下载 Excel',
  // models
  'm.title': '水资源配置模型',
  'm.run': '运行聊城情景',
  'm.running': '计算中…',
  'm.month': '月份',
  'm.demand': '需水',
  'm.delivered': '供水',
  'm.shortage': '缺水',
  'm.coverage': '保证程度',
  'm.unavailable': '模型接口暂不可用',
  // enterprise
  'e.title': '本单位',
  'e.use': '用水',
};

const en = {
  brand: 'Four Waters · Liaocheng',
  title: 'Liaocheng water resources platform',
  skip: 'Skip to content',
  'nav.main': 'Main navigation',
  'nav.overview': 'Overview',
  'nav.warnings': 'Warnings',
  'nav.regions': 'Counties',
  'nav.registry': 'Registry',
  'nav.reports': 'Reports',
  'nav.models': 'Models',
  'nav.mine': 'My enterprise',
  'nav.login': 'Log in',
  'nav.logout': 'Log out',
  lang: '中文',
  'lang.label': 'Switch language',
  loading: 'Loading…',
  nodata: 'No data',
  error: 'Something went wrong',
  retry: 'Retry',
  save: 'Save',
  cancel: 'Cancel',
  create: 'New',
  edit: 'Edit',
  search: 'Search',
  prev: 'Previous',
  next: 'Next',
  year: 'Year',
  month: 'Month',
  region: 'County',
  all: 'All',
  city: 'Whole city',
  actions: 'Actions',
  'role.admin': 'administrator',
  'role.city': 'city',
  'role.county': 'county',
  'role.enterprise': 'enterprise',
  'role.auditor': 'auditor',
  'role.public': 'public',
  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Login failed: {msg}',
  'login.hint': 'Demo accounts are printed by sishui demo.',
  'login.anon': 'Not logged in (public view)',
  'ov.title': 'City overview',
  'ov.use': 'Use this year',
  'ov.cap': 'Total-use cap',
  'ov.share': 'of cap',
  'ov.projected': 'Projected for the year',
  'ov.measured': 'Measured share',
  'ov.completeness': 'Data completeness',
  'ov.alerts': 'Open warnings',
  'ov.map': 'County use and monitoring points',
  'ov.mapLabel': 'Map of Liaocheng: counties shaded by use against cap, points coloured by status',
  'ov.shadeBy': 'Shade by',
  'ov.shadeUse': 'Use / cap',
  'ov.shadeGrade': 'Carrying capacity',
  'ov.points': 'Monitoring points',
  'ov.indicators': 'The ten annex indicators',
  'ov.counties': 'Counties',
  'ov.binding': 'binding',
  'ov.expected': 'expected',
  'ov.target': 'Target',
  'ov.actual': 'Actual',
  'ov.status': 'Status',
  'ov.pointsReporting': 'Reporting / total',
  'ov.groundwater': 'Groundwater',
  'ov.grade': 'Carrying capacity',
  'ov.noPoints': 'No point positions yet',
  'status.reporting': 'reporting',
  'status.late': 'late',
  'status.offline': 'offline',
  'status.alarm': 'alarm',
  'status.unknown': 'status unknown',
  'permit.pending': 'pending',
  'permit.active': 'active',
  'permit.suspended': 'suspended',
  'permit.expired': 'expired',
  'permit.revoked': 'revoked',
  'ind.meets': 'meets',
  'ind.at_risk': 'at risk',
  'ind.misses': 'misses',
  'ind.no data': 'no data',
  'grade.not_overloaded': 'not overloaded',
  'grade.critical': 'critical',
  'grade.overloaded': 'overloaded',
  'grade.severely_overloaded': 'severely overloaded',
  'band.ok': '< 80%',
  'band.watch': '80–95%',
  'band.near': '95–100%',
  'band.over': '> 100%',
  'w.title': 'Warnings',
  'w.live': 'live',
  'w.liveOff': 'live updates not connected',
  'w.level': 'Level',
  'w.kind': 'Kind',
  'w.state': 'State',
  'w.subject': 'Subject',
  'w.message': 'Message',
  'w.value': 'Value / limit',
  'w.started': 'Started',
  'w.ack': 'Acknowledge',
  'w.ackComment': 'Comment',
  'w.ackDone': 'Warning {id} acknowledged',
  'w.history': 'History',
  'w.current': 'Current',
  'level.blue': 'blue',
  'level.yellow': 'yellow',
  'level.orange': 'orange',
  'level.red': 'red',
  'state.pending': 'pending',
  'state.firing': 'firing',
  'state.acknowledged': 'acknowledged',
  'state.resolved': 'resolved',
  'r.title': 'County detail',
  'r.pick': 'Pick a county',
  'r.useByMonth': 'Monthly use by source',
  'r.cumulative': 'Cumulative use',
  'r.pivot': 'Use by source × sector',
  'r.permits': 'Permits',
  'r.points': 'Monitoring points',
  'r.total': 'Total',
  'p.title': 'Monitoring point',
  'p.latest': 'Latest values',
  'p.series': 'Series',
  'p.metric': 'Metric',
  'p.range': 'Range',
  'p.range7': 'Last 7 days',
  'p.range30': 'Last 30 days',
  'p.range365': 'Last year (daily)',
  'p.flags': 'Quality flags',
  'p.flagged': 'Flagged values',
  'p.calendar': 'Completeness calendar',
  'p.frames': 'Raw frames',
  'p.time': 'Time',
  'p.value': 'Value',
  'p.received': 'Received / expected',
  'p.daily': 'daily',
  'p.raw': 'raw',
  'reg.title': 'Registry',
  'reg.users': 'Water users',
  'reg.permits': 'Permits',
  'reg.points': 'Points',
  'reg.created': 'Saved',
  'reg.refused': 'Refused: {msg}',
  'reg.formErrors': 'Please correct the marked fields',
  'f.name': 'Name',
  'f.credit_code': 'Unified social credit code',
  'f.region': 'Region',
  'f.sector': 'Sector',
  'f.address': 'Address',
  'f.lon': 'Longitude',
  'f.lat': 'Latitude',
  'f.contact': 'Contact',
  'f.phone': 'Phone',
  'f.note': 'Note',
  'f.number': 'Permit number',
  'f.user_id': 'Water user',
  'f.source': 'Source',
  'f.purpose': 'Purpose',
  'f.intake_name': 'Intake',
  'f.annual_m3': 'Annual volume (m³)',
  'f.valid_from': 'Valid from',
  'f.valid_to': 'Valid to',
  'f.status': 'Status',
  'f.code': 'Terminal address',
  'f.kind': 'Kind',
  'f.protocol': 'Protocol',
  'f.permit_id': 'Permit',
  'f.section_id': 'Control section',
  'f.multiplier': 'Multiplier',
  'f.interval_seconds': 'Reporting interval (s)',
  'rep.title': 'Reports',
  'rep.kind': 'Report',
  'rep.monthly': 'Monthly',
  'rep.annual': 'Annual',
  'rep.preview': 'Preview',
  'rep.csv': 'Download CSV',
  'rep.xlsx': 'Download Excel',
  'm.title': 'Allocation model',
  'm.run': 'Run the Liaocheng scenario',
  'm.running': 'Solving…',
  'm.month': 'Month',
  'm.demand': 'Demand',
  'm.delivered': 'Delivered',
  'm.shortage': 'Shortage',
  'm.coverage': 'Coverage',
  'm.unavailable': 'The model endpoint is not available',
  'e.title': 'My enterprise',
  'e.use': 'Use',
};

export const dictionaries = { 'zh-CN': zh, en };

let lang = 'zh-CN';
try {
  const saved = localStorage.getItem('sishui.lang');
  if (saved === 'en' || saved === 'zh-CN') lang = saved;
} catch {
  // storage disabled: keep Chinese
}

export function getLang() {
  return lang;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem('sishui.lang', lang);
  } catch {
    // not persisted
  }
  document.documentElement.lang = lang;
}

export function t(key, vars) {
  let s = dictionaries[lang][key];
  if (s === undefined) s = zh[key];
  if (s === undefined) s = key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));
  return s;
}

// tn translates an enumerated value (status, level …), falling back to the raw value.
export function tn(prefix, value) {
  const k = prefix + '.' + value;
  const s = dictionaries[lang][k];
  return s === undefined ? String(value ?? '') : s;
}

function num(v, digits) {
  return v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

// fmtVolume formats m³: 亿m³ from 10⁸, 万m³ from 10⁴ (Chinese); million m³ in English.
export function fmtVolume(m3) {
  if (m3 === null || m3 === undefined || !Number.isFinite(Number(m3))) return '—';
  const v = Number(m3);
  const a = Math.abs(v);
  if (lang === 'en') {
    if (a >= 1e6) return num(v / 1e6, 2) + ' million m³';
    return num(Math.round(v), 0) + ' m³';
  }
  if (a >= 1e8) return num(v / 1e8, 2) + ' 亿m³';
  if (a >= 1e4) return num(v / 1e4, 1) + ' 万m³';
  return num(Math.round(v), 0) + ' m³';
}

// fmtPct formats a fraction (0.873) as a percentage (87.3%).
export function fmtPct(f, digits = 1) {
  if (f === null || f === undefined || !Number.isFinite(Number(f))) return '—';
  return num(Number(f) * 100, digits) + '%';
}

export function fmtNum(v, digits = 2) {
  if (v === null || v === undefined || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  return num(n, Number.isInteger(n) ? 0 : digits);
}

const bj = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

// fmtTime shows an instant in Beijing time.
export function fmtTime(s) {
  if (!s) return '—';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return String(s);
  return bj.format(d).replace(/\//g, '-');
}

export function fmtDate(s) {
  if (!s) return '—';
  return String(s).slice(0, 10);
}
