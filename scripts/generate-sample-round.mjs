// Generates the sample round in resources/sample-round/ (committed; `reviewdesk demo` runs on it):
// round.json built on three categories of the 2025 association-awards template, with their real
// rubrics and material checklists, 12 fictional Inner Mongolia security firms and 5 experts; and
// each applicant's application PDFs, printed by Chromium, A4, one heading per page named after the
// checklist item it answers, the running header carrying the award name as the application guide
// asks. One page (B002's business licence) is a scan: the licence rendered to an image, tilted,
// toned and noised like a flatbed scan, embedded as a JPEG with no text layer.
//
//   node scripts/generate-sample-round.mjs [--out DIR]
//
// Needs Debian's chromium (or REVIEWDESK_CHROMIUM) and the WenQuanYi Micro Hei font
// (`apt-get install fonts-wqy-microhei`, or REVIEWDESK_SAMPLE_FONT=path/to/wqy-microhei.ttc).
// Why not Noto CJK: Chromium (Skia) embeds only TrueType-outline fonts as CID fonts; the CFF Noto
// CJK faces, and any face of a .ttc, come out as hundreds of Type 3 fonts (about 1 MB per 8-page
// document). So the generator takes face 0 of wqy-microhei.ttc out of its collection as a plain
// TrueType font and serves it to the page with @font-face: each PDF then embeds one subset CID
// TrueType font and stays around 100 KB. No bold anywhere (synthetic bold would be Type 3 again).
//
// Output is deterministic for a given Chromium and font: the PRNG is seeded, the PDFs' dates are
// fixed and their /ID is derived from their content. Every company, person, code and number is
// invented.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'resources/sample-round');
const CHROMIUM = process.env.REVIEWDESK_CHROMIUM ?? '/usr/bin/chromium';
const FONT = process.env.REVIEWDESK_SAMPLE_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_URL = 'https://fonts.reviewdesk.invalid/rd-sans.ttf';
const template = JSON.parse(readFileSync(path.join(root, 'resources/templates/association-awards-2025.json'), 'utf8'));

// ---------------------------------------------------------------- the font

/** One face of a TrueType collection as a standalone sfnt: its tables copied, offsets rewritten. */
function collectionFace(ttc, index) {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const offset = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(offset + 4);
  const header = Buffer.alloc(12 + 16 * numTables);
  ttc.copy(header, 0, offset, offset + 12);
  const parts = [header];
  let position = header.length;
  for (let i = 0; i < numTables; i++) {
    const entry = offset + 12 + 16 * i;
    const tableOffset = ttc.readUInt32BE(entry + 8);
    const length = ttc.readUInt32BE(entry + 12);
    const padded = Buffer.alloc((length + 3) & ~3);
    ttc.copy(padded, 0, tableOffset, tableOffset + length);
    ttc.copy(header, 12 + 16 * i, entry, entry + 8); // tag and checksum
    header.writeUInt32BE(position, 12 + 16 * i + 8);
    header.writeUInt32BE(length, 12 + 16 * i + 12);
    parts.push(padded);
    position += padded.length;
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- deterministic randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20251020);

// ---------------------------------------------------------------- the applicants (all fictional)

const CATEGORY_IDS = ['integrity', 'quality-contractor', 'service'];

/**
 * `omit`: checklist sections the applicant did not provide (the page is left out, so the expert
 * answers that check "no"). `memberSince`: A004 joined in 2023, short of the 3 years the veto
 * check k6 asks for. `scan`: the business licence page is a scanned image.
 */
const APPLICANTS = [
  { id: 'A001', category: 'integrity', name: '内蒙古北疆安防科技有限公司', city: '呼和浩特市', district: '赛罕区', street: '敕勒川大街19号北疆科技大厦12层', founded: '2009-04-16', capital: 5000, rep: '王志刚', staff: 126, technical: 74, memberSince: 2016, revenue: 18600, tax: 612.4, social: 126, rating: 'AAA', contact: '田晓燕', phone: '0471-5326618' },
  { id: 'A002', category: 'integrity', name: '包头市鹿城智能安防工程有限公司', city: '包头市', district: '昆都仑区', street: '钢铁大街68号鹿城商务中心B座7层', founded: '2013-08-22', capital: 2000, rep: '刘海军', staff: 58, technical: 35, memberSince: 2018, revenue: 7420, tax: 203.8, social: 58, rating: 'AAA', contact: '郝建平', phone: '0472-5187730' },
  { id: 'A003', category: 'integrity', name: '鄂尔多斯市天骄安全技术防范有限公司', city: '鄂尔多斯市', district: '康巴什区', street: '青春山路7号天骄创业园3号楼', founded: '2016-03-09', capital: 1000, rep: '乔文斌', staff: 37, technical: 21, memberSince: 2019, revenue: 3860, tax: 96.2, social: 36, rating: 'AA', contact: '高雅琴', phone: '0477-8592106', omit: ['荣誉或者表彰证书'] },
  { id: 'A004', category: 'integrity', name: '赤峰市红山数安科技有限公司', city: '赤峰市', district: '红山区', street: '昭乌达路中段32号金桥大厦9层', founded: '2018-11-05', capital: 800, rep: '孙丽娜', staff: 29, technical: 16, memberSince: 2023, revenue: 2140, tax: 41.7, social: 27, rating: null, contact: '韩宇', phone: '0476-8835214', omit: ['企业信用等级评价证书'] },

  { id: 'B001', category: 'quality-contractor', name: '内蒙古草原云盾智能科技有限公司', city: '呼和浩特市', district: '金川开发区', street: '金川大街南段88号云盾产业园', founded: '2011-06-28', capital: 10000, rep: '白永胜', staff: 210, technical: 138, level: '一级', revenue: 26500, contact: '李慧敏', phone: '0471-3627795',
    project: { name: '呼和浩特市赛罕区“雪亮工程”三期视频监控扩容及智能分析平台建设项目', client: '呼和浩特市公安局赛罕区分局', amount: 4860000, signed: '2024-09-12', done: '2025-06-20', scope: '新建高清智能摄像机612路、人脸卡口48处，扩容视频云存储2.4PB，部署视频结构化分析平台1套' } },
  { id: 'B002', category: 'quality-contractor', name: '呼和浩特市青城智慧城市建设有限公司', city: '呼和浩特市', district: '新城区', street: '兴安北路169号青城数字港5层', founded: '2014-05-19', capital: 3000, rep: '赵庆丰', staff: 88, technical: 52, level: '二级', revenue: 9680, contact: '云海燕', phone: '0471-6901283', scan: true,
    project: { name: '土默特左旗察素齐镇智慧社区安防建设项目', client: '土默特左旗察素齐镇人民政府', amount: 2380000, signed: '2024-10-08', done: '2025-05-28', scope: '覆盖14个小区的人脸识别门禁、高空抛物监测、车辆道闸及社区综合治理平台' } },
  { id: 'B003', category: 'quality-contractor', name: '通辽市科尔沁安防系统集成有限公司', city: '通辽市', district: '科尔沁区', street: '霍林河大街西段126号', founded: '2012-02-14', capital: 2000, rep: '包春雷', staff: 64, technical: 39, level: '二级', revenue: 6150, contact: '吴晓东', phone: '0475-8219460',
    project: { name: '通辽市科尔沁区中小学智慧校园安防提升工程', client: '通辽市科尔沁区教育局', amount: 2150000, signed: '2024-11-02', done: '2025-08-15', scope: '31所中小学的周界防范、一键报警、视频监控联网及校园安全管理平台' } },
  { id: 'B004', category: 'quality-contractor', name: '乌海市黄河信安电子工程有限公司', city: '乌海市', district: '海勃湾区', street: '滨河大道北段45号', founded: '2015-07-30', capital: 1000, rep: '马建军', staff: 41, technical: 23, level: '三级', revenue: 3320, contact: '杜红梅', phone: '0473-3985172', omit: ['ISO9001质量管理体系认证'],
    project: { name: '乌海市海勃湾区老旧小区智能安防改造工程（一期）', client: '乌海市海勃湾区住房和城乡建设局', amount: 2060000, signed: '2024-10-21', done: '2025-07-10', scope: '9个老旧小区的视频监控、电子巡更、单元门禁及消防通道占用监测' } },

  { id: 'C001', category: 'service', name: '内蒙古敕勒川安防运维服务有限公司', city: '呼和浩特市', district: '新城区', street: '成吉思汗大街36号敕勒川大厦', founded: '2010-09-03', capital: 3000, rep: '张玉峰', staff: 152, technical: 96, revenue: 11200, contact: '苏日娜', phone: '0471-4693357',
    services: [
      { name: '呼和浩特市新城区公共视频监控系统运维服务项目', client: '呼和浩特市公安局新城区分局', amount: 1280000, from: '2024-11-01', to: '2025-10-31', type: '运维管理' },
      { name: '和林格尔新区数据中心安防系统驻场运维项目', client: '内蒙古和林格尔新区管理委员会', amount: 960000, from: '2025-01-01', to: '2025-12-31', type: '运维管理' },
    ] },
  { id: 'C002', category: 'service', name: '呼伦贝尔市林海智能技术服务有限公司', city: '呼伦贝尔市', district: '海拉尔区', street: '胜利大街北段215号', founded: '2015-04-11', capital: 1000, rep: '孟凡东', staff: 47, technical: 28, revenue: 4380, contact: '敖敏', phone: '0470-8267341',
    services: [
      { name: '海拉尔区智慧交通信号及电子警察系统运维项目', client: '呼伦贝尔市公安局交通管理支队海拉尔大队', amount: 1150000, from: '2024-10-15', to: '2025-10-14', type: '运维管理' },
      { name: '呼伦贝尔市森林防火视频监测系统设计实施项目', client: '呼伦贝尔市林业和草原局', amount: 1020000, from: '2025-03-01', to: '2025-09-30', type: '设计实施' },
    ] },
  { id: 'C003', category: 'service', name: '巴彦淖尔市河套安防技术服务有限公司', city: '巴彦淖尔市', district: '临河区', street: '新华西街88号河套商务楼6层', founded: '2017-06-06', capital: 600, rep: '贺利民', staff: 33, technical: 19, revenue: 2760, contact: '王春花', phone: '0478-8126590',
    services: [
      { name: '临河区“平安乡村”视频监控运维服务项目', client: '巴彦淖尔市临河区委政法委员会', amount: 860000, from: '2024-12-01', to: '2025-11-30', type: '运维管理' },
      { name: '巴彦淖尔市智慧城管平台规划咨询及设计项目', client: '巴彦淖尔市城市管理综合执法局', amount: 1240000, from: '2025-02-20', to: '2025-08-31', type: '规划咨询' },
    ] },
  { id: 'C004', category: 'service', name: '锡林郭勒盟金莲川智能系统有限公司', city: '锡林浩特市', district: '', street: '锡林大街东段17号', founded: '2016-08-25', capital: 500, rep: '巴特尔', staff: 26, technical: 15, revenue: 1980, contact: '乌兰', phone: '0479-8236718', omit: ['荣誉或者表彰证书'],
    services: [
      { name: '锡林浩特市重点场所视频监控运维服务项目', client: '锡林浩特市公安局', amount: 1080000, from: '2024-10-20', to: '2025-10-19', type: '运维管理' },
      { name: '锡林郭勒盟应急指挥平台设计实施项目', client: '锡林郭勒盟应急管理局', amount: 950000, from: '2025-04-01', to: '2025-09-30', type: '设计实施' },
    ] },
];

const EXPERTS = [
  { id: 'E01', name: '张建华', assigned: CATEGORY_IDS, title: '正高级工程师，协会专家委员会主任委员' },
  { id: 'E02', name: '李文静', assigned: CATEGORY_IDS, title: '高级工程师，内蒙古工业大学信息工程学院' },
  { id: 'E03', name: '王德胜', assigned: CATEGORY_IDS, title: '高级工程师，自治区公共安全技术防范检测中心' },
  { id: 'E04', name: '赵敏', assigned: CATEGORY_IDS, title: '高级会计师，协会秘书处' },
  { id: 'E05', name: '高志远', assigned: ['B002', 'B003', 'C001', 'C002', 'C003'], title: '高级工程师，呼和浩特市智慧城市建设运营中心' },
];

// ---------------------------------------------------------------- helpers

const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const yuan = (amount) => `¥${amount.toLocaleString('en-US')}.00`;
const wan = (amount) => `${(amount / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
const cnDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
/** Capital (大写) amount of whole yuan, as on a contract: 肆佰捌拾陆万元整. */
function capitalAmount(amount) {
  const units = ['', '拾', '佰', '仟'];
  const group = (n) => {
    let text = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const digit = Math.floor(n / 10 ** i) % 10;
      if (digit === 0) zero = text !== '';
      else {
        text += (zero ? '零' : '') + DIGITS[digit] + units[i];
        zero = false;
      }
    }
    return text;
  };
  const high = Math.floor(amount / 10000);
  const low = amount % 10000;
  return `${high ? `${group(high)}万` : ''}${low ? (low < 1000 && high ? '零' : '') + group(low) : ''}元整`;
}
function creditCode(applicant) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const region = { 呼和浩特市: '150105', 包头市: '150203', 鄂尔多斯市: '150603', 赤峰市: '150402', 通辽市: '150502', 乌海市: '150302', 呼伦贝尔市: '150702', 巴彦淖尔市: '150802', 锡林浩特市: '152502' }[applicant.city];
  let code = `91${region}MA0`;
  while (code.length < 18) code += chars[Math.floor(random() * chars.length)];
  return code;
}
const address = (a) => `内蒙古自治区${a.city}${a.district}${a.street}`;

/** A red company seal: the name set on an arc, a star in the middle, slightly tilted. */
function seal(name, { size = 40, tilt = -12, below = '' } = {}) {
  const chars = [...name];
  const radius = size / 2 - 5.2;
  const spread = Math.min(250, chars.length * 19);
  const letters = chars
    .map((char, i) => {
      const angle = -spread / 2 + (spread * (i + 0.5)) / chars.length;
      return `<span style="position:absolute;left:50%;top:50%;width:5mm;margin-left:-2.5mm;margin-top:-2.5mm;text-align:center;font-size:${Math.min(4.3, 150 / chars.length / 2.4)}mm;line-height:5mm;transform:rotate(${angle}deg) translateY(-${radius}mm)">${esc(char)}</span>`;
    })
    .join('');
  return `<div class="seal" style="width:${size}mm;height:${size}mm;transform:rotate(${tilt}deg)">${letters}<span class="star">★</span>${below ? `<span class="seal-below">${esc(below)}</span>` : ''}</div>`;
}

const STYLE = `
@font-face { font-family: "RD Sans"; src: url(${FONT_URL}) format("truetype"); }
@page { size: A4; margin: 0; }
* { box-sizing: border-box; font-synthesis: none; }
.em { color: #1f3864; }
body { margin: 0; font-family: "RD Sans", sans-serif; font-size: 11pt; line-height: 1.75; color: #111; }
.page { width: 210mm; height: 297mm; padding: 24mm 22mm 20mm; position: relative; overflow: hidden; break-after: page; }
.page:last-child { break-after: auto; }
.hdr { position: absolute; top: 10mm; left: 22mm; right: 22mm; font: 8.5pt "RD Sans", sans-serif; color: #333; border-bottom: 0.6pt solid #555; padding-bottom: 1mm; display: flex; justify-content: space-between; }
.ftr { position: absolute; bottom: 9mm; left: 0; right: 0; text-align: center; font: 9pt "RD Sans", sans-serif; color: #333; }
h2 { font: 15pt "RD Sans", sans-serif; margin: 0 0 5mm; padding-bottom: 1.5mm; border-bottom: 1.2pt solid #1f3864; color: #1f3864; }
h3 { font: 12pt "RD Sans", sans-serif; margin: 6mm 0 2mm; }
p { margin: 0 0 2.2mm; text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.5; margin: 2mm 0 4mm; }
th, td { border: 0.6pt solid #333; padding: 1.4mm 2mm; vertical-align: middle; }
th { background: #e8edf5; font-family: "RD Sans", sans-serif; font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
.note { font-size: 9pt; color: #444; text-indent: 0; }
.seal { position: relative; border: 1.1mm solid rgba(205, 25, 25, 0.82); border-radius: 50%; color: rgba(205, 25, 25, 0.85); font-family: "RD Sans", sans-serif; font-weight: normal; }
.seal .star { position: absolute; left: 0; right: 0; top: 50%; margin-top: -5.5mm; text-align: center; font-size: 9mm; line-height: 11mm; }
.seal .seal-below { position: absolute; left: 0; right: 0; bottom: 17%; text-align: center; font-size: 2.6mm; }
.sign { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; }
.sign > div { width: 47%; position: relative; min-height: 40mm; line-height: 2.1; }
.sign .seal { position: absolute; right: 6mm; top: 2mm; }
.cover { display: flex; flex-direction: column; align-items: center; padding-top: 48mm; }
.cover .award { font: 20pt "RD Sans", sans-serif; text-align: center; line-height: 1.6; color: #1f3864; width: 150mm; }
.cover .kind { font: 30pt "RD Sans", sans-serif; letter-spacing: 10mm; margin: 18mm 0 34mm; padding-left: 10mm; }
.cover table { width: 130mm; font-size: 13pt; line-height: 2.2; }
.cover td { border: none; border-bottom: 0.6pt solid #333; padding: 0 2mm; }
.cover td:first-child { width: 34mm; border: none; text-align: justify; text-align-last: justify; }
.cover .demo { position: absolute; bottom: 16mm; left: 0; right: 0; text-align: center; font: 9pt "RD Sans", sans-serif; color: #888; }
.toc { font-size: 12pt; line-height: 2.4; }
.toc div { display: flex; }
.toc .dots { flex: 1; border-bottom: 1pt dotted #555; margin: 0 2mm 2.6mm; }
.licence { border: 2.4mm double #b07a2a; padding: 8mm 9mm; background: #fffdf7; position: relative; }
.licence .lt { text-align: center; font: 26pt "RD Sans", sans-serif; letter-spacing: 9mm; margin: 2mm 0 1mm; padding-left: 9mm; color: #8a1c1c; }
.licence .sub { text-align: center; font-size: 11pt; margin-bottom: 5mm; }
.licence .code { font-size: 10pt; margin-bottom: 4mm; }
.licence table td { border: none; font-size: 10.5pt; padding: 1.1mm 1mm; vertical-align: top; }
.licence table td:first-child { width: 26mm; text-align: justify; text-align-last: justify; font-weight: normal; }
.licence .qr { position: absolute; right: 10mm; top: 30mm; width: 19mm; height: 19mm; }
.licence .authority { margin-top: 8mm; text-align: right; padding-right: 12mm; position: relative; line-height: 2; }
.licence .authority .seal { position: absolute; right: 18mm; top: -9mm; }
.cert { border: 1.6mm solid #1f3864; outline: 0.5mm solid #1f3864; outline-offset: 1.2mm; padding: 8mm 10mm; text-align: center; background: #fbfcfe; position: relative; margin: 4mm 6mm 6mm; }
.cert .ct { font: 20pt "RD Sans", sans-serif; letter-spacing: 3mm; color: #1f3864; margin-bottom: 4mm; }
.cert p { text-align: left; }
.cert .issuer { text-align: right; margin-top: 6mm; line-height: 2; position: relative; }
.cert .issuer .seal { position: absolute; right: 8mm; top: -10mm; }
.report-head { background: #eaf2fb; border-left: 2mm solid #2f6db5; padding: 3mm 5mm; margin-bottom: 4mm; font-family: "RD Sans", sans-serif; }
.report-head b { font-size: 14pt; color: #2f6db5; }
.letter { border: 0.4pt solid #999; padding: 7mm 9mm 4mm; margin-bottom: 5mm; font-size: 10.5pt; line-height: 1.8; background: #fff; }
.letter .to { text-indent: 0; }
.letter .from { text-align: right; position: relative; min-height: 26mm; padding-top: 4mm; }
.letter .from .seal { position: absolute; right: 4mm; top: -4mm; }
`;

// ---------------------------------------------------------------- page bodies

const intro = {
  integrity: (a) => [
    `${a.name}成立于${cnDate(a.founded)}，注册资本${a.capital}万元，注册地址位于${address(a)}，是一家专业从事安全技术防范系统设计、施工、维护及智慧安防软件开发的科技型企业。公司现有员工${a.staff}人，其中专业技术人员${a.technical}人，持有注册安全工程师、一级建造师等职业资格证书的骨干${Math.round(a.technical / 4)}人。`,
    `公司始终坚持“诚信为本、质量立企”的经营理念，自${a.memberSince}年加入内蒙古自治区公共安全技术防范行业协会以来，严格遵守行业自律公约，按时履行会员义务，积极参与协会组织的标准宣贯和技能培训。公司建立了合同管理、财务管理、劳动用工、安全生产和售后服务等规章制度共${22 + (a.staff % 9)}项，依法与全体员工签订劳动合同并足额缴纳社会保险。`,
    `2025年度公司实现营业收入${(a.revenue / 10000).toFixed(2)}亿元，依法纳税${a.tax}万元，近三年无市场监督管理机关及其他行政部门的处罚和投诉记录，无司法机关违法记录，银行信用记录良好，无拖欠贷款、偷逃税款、拖欠工资等不良信用行为。${a.rating ? `公司获评企业信用等级${a.rating}级。` : ''}`,
    `公司业务覆盖${a.city}及周边盟市，先后承建了公安视频监控联网、智慧社区、校园安防、重点单位技防改造等项目百余项，项目一次验收合格率100%，用户满意度保持在${95 + (a.staff % 4)}%以上。今后公司将继续以诚信经营服务自治区平安建设和智慧城市建设。`,
  ],
  'quality-contractor': (a) => [
    `${a.name}成立于${cnDate(a.founded)}，注册资本${a.capital}万元，住所为${address(a)}。公司持有《内蒙古自治区公共安全技术防范行业设计、施工和运维服务能力等级证书》（${a.level}），现有员工${a.staff}人，其中工程技术人员${a.technical}人，项目经理${Math.round(a.technical / 6)}人。`,
    `公司专注于智慧安防、智慧城市和智慧交通领域的系统集成与工程建设，拥有视频智能分析、物联网感知终端管理等软件著作权${3 + (a.staff % 7)}项。2024年10月至2025年10月，公司完成典型工程${2 + (a.staff % 3)}项，其中“${a.project.name}”合同金额${wan(a.project.amount)}，已于${cnDate(a.project.done)}通过竣工验收。`,
    `公司建立了覆盖设计、采购、施工、调试、验收和运维全过程的质量安全管理体系，${a.omit?.includes('ISO9001质量管理体系认证') ? 'ISO9001质量管理体系认证正在申请之中，' : '通过ISO9001质量管理体系认证，'}近一年内所承建项目未发生重大安全、质量事故。公司依法纳税，银行信用记录良好，近三年无市场监管、司法等部门处罚记录。`,
    `2025年度公司实现营业收入${(a.revenue / 10000).toFixed(2)}亿元。公司坚持以技术创新带动工程品质提升，在项目中推广应用边缘计算、视频结构化和数字孪生等技术，形成了可复制的智慧城市安防建设模式。`,
  ],
  service: (a) => [
    `${a.name}成立于${cnDate(a.founded)}，注册资本${a.capital}万元，住所为${address(a)}。公司现有员工${a.staff}人，其中持证运维工程师${a.technical}人，设有规划咨询部、设计实施部、运维服务中心和7×24小时客户服务热线。`,
    `公司具备智慧城市安防项目全生命周期服务能力，业务涵盖规划咨询、设计实施和运维管理。2024年10月至2025年10月承接服务项目${a.services.length}项，服务合同总额${wan(a.services.reduce((s, x) => s + x.amount, 0))}，服务对象包括公安、政法、应急、城管等部门。`,
    `公司严格执行国家和行业标准，制定了《安防系统运维服务规范》《服务质量考核办法》等企业服务规范，建立了客户回访和满意度调查机制，近一年内无重大服务纠纷或投诉记录，并获得多家甲方单位的书面表扬。`,
    `公司在服务中应用远程巡检、智能工单和备品备件预测等新技术、新方法，故障平均修复时间由${(6 + (a.staff % 5)).toFixed(1)}小时缩短至${(2 + (a.staff % 3) * 0.5).toFixed(1)}小时，形成了可复制的运维服务模式。2025年度实现营业收入${(a.revenue / 10000).toFixed(2)}亿元。`,
  ],
};

/** A QR-code-like square (finder patterns and seeded modules) as vector SVG: no raster image in the PDF. */
function qrCode(text) {
  const n = 25;
  const bits = mulberry32([...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  const finder = (x, y) => x < 7 && y < 7 && (x === 0 || y === 0 || x === 6 || y === 6 || (x >= 2 && x <= 4 && y >= 2 && y <= 4));
  const cells = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const corner = [[0, 0], [n - 7, 0], [0, n - 7]].find(([cx, cy]) => x >= cx - 1 && x <= cx + 7 && y >= cy - 1 && y <= cy + 7);
      const on = corner ? finder(x - corner[0], y - corner[1]) : bits() < 0.5;
      if (on) cells.push(`M${x} ${y}h1v1h-1z`);
    }
  }
  return `<svg class="qr" viewBox="-1 -1 ${n + 2} ${n + 2}"><path d="${cells.join('')}" fill="#222"/></svg>`;
}

function licenceHtml(a) {
  const scope = a.category === 'service'
    ? '安全技术防范系统运行维护服务；信息系统集成服务；信息技术咨询服务；智能控制系统集成；计算机软硬件及辅助设备销售；通信设备销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）'
    : '安全技术防范系统设计、施工、维修；建设工程施工；智能化安装工程服务；信息系统集成服务；软件开发；物联网技术服务；安防设备销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）';
  const [y, m, d] = a.founded.split('-').map(Number);
  return `<div class="licence">${qrCode(a.code)}
    <div class="lt">营业执照</div><div class="sub">（副　本）</div>
    <div class="code">统一社会信用代码　${a.code}</div>
    <table>
      <tr><td>名称</td><td>${esc(a.name)}</td></tr>
      <tr><td>类型</td><td>有限责任公司（自然人投资或控股）</td></tr>
      <tr><td>法定代表人</td><td>${esc(a.rep)}</td></tr>
      <tr><td>经营范围</td><td>${scope}</td></tr>
      <tr><td>注册资本</td><td>人民币${capitalAmount(a.capital * 10000).replace('元整', '元')}</td></tr>
      <tr><td>成立日期</td><td>${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日</td></tr>
      <tr><td>住所</td><td>${esc(address(a))}</td></tr>
    </table>
    <div class="authority">登记机关　${esc(a.city)}市场监督管理局<br>2024年03月18日
      ${seal(`${a.city}市场监督管理局`, { size: 36, tilt: 6, below: '登记专用章' })}</div>
    <p class="note" style="margin-top:6mm">国家企业信用信息公示系统网址：http://www.gsxt.gov.cn　市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。</p>
  </div>`;
}

const PAGES = {
  封面: (a, award) => `<div class="cover">
    <div class="award">${esc(award)}</div>
    <div class="kind">申报材料</div>
    <table>
      <tr><td>申报单位</td><td>${esc(a.name)}（盖章）</td></tr>
      <tr><td>申报奖项</td><td>${esc(award.replace(/^2025年度内蒙古自治区/, ''))}</td></tr>
      <tr><td>联系人</td><td>${esc(a.contact)}　${esc(a.phone)}</td></tr>
      <tr><td>申报日期</td><td>2025年10月${10 + Number(a.id.slice(-1)) * 3}日</td></tr>
    </table>
    <div style="position:absolute;right:36mm;top:170mm">${seal(a.name, { size: 40, tilt: -14 })}</div>
    <div class="demo">示例材料：单位、人员、编码与数据均为虚构，仅供 ReviewDesk 演示使用</div></div>`,
  企业简介: (a) => intro[a.category](a).map((text) => `<p>${esc(text)}</p>`).join('') + `<h3>主要经营指标</h3><table>
      <tr><th>指标</th><th>2023年度</th><th>2024年度</th><th>2025年度</th></tr>
      <tr><td>营业收入（万元）</td><td class="num">${Math.round(a.revenue * 0.78).toLocaleString('en-US')}</td><td class="num">${Math.round(a.revenue * 0.9).toLocaleString('en-US')}</td><td class="num">${a.revenue.toLocaleString('en-US')}</td></tr>
      <tr><td>员工人数（人）</td><td class="num">${Math.round(a.staff * 0.86)}</td><td class="num">${Math.round(a.staff * 0.93)}</td><td class="num">${a.staff}</td></tr>
      <tr><td>专业技术人员（人）</td><td class="num">${Math.round(a.technical * 0.82)}</td><td class="num">${Math.round(a.technical * 0.91)}</td><td class="num">${a.technical}</td></tr></table>`,
  营业执照: (a) => `<p class="note" style="text-indent:0">以下为本单位营业执照（副本）复印件，与原件一致。</p>${licenceHtml(a)}`,
  信用报告: (a) => `<div class="report-head"><span class="em">信用中国</span>　公共信用信息报告（无违法违规证明版）<br><span style="font-size:9pt">报告编号：XYZG-2025-${a.code.slice(-8)}　　生成时间：2025-10-0${(Number(a.id.slice(-1)) % 9) + 1} 09:${String(12 + Number(a.id.slice(-1)) * 7).padStart(2, '0')}:33</span></div>
    <table><tr><th style="width:34mm">主体名称</th><td>${esc(a.name)}</td></tr><tr><th>统一社会信用代码</th><td>${a.code}</td></tr><tr><th>法定代表人</th><td>${esc(a.rep)}</td></tr><tr><th>成立日期</th><td>${a.founded}</td></tr><tr><th>查询期间</th><td>2022-10-01 至 2025-09-30</td></tr></table>
    <table><tr><th>信息类别</th><th style="width:28mm">记录条数</th><th>说明</th></tr>
      ${[['行政许可', 2 + (a.staff % 4), '均在有效期内'], ['行政处罚', 0, '查询期间内未发现'], ['严重失信主体名单', 0, '未列入'], ['经营异常名录', 0, '未列入'], ['税收违法', 0, '未发现'], ['欠缴社会保险费', 0, '未发现'], ['守信激励', a.rating ? 1 : 0, a.rating ? `企业信用等级${a.rating}` : '—']]
        .map(([k, n, t]) => `<tr><td>${k}</td><td class="num">${n}</td><td>${t}</td></tr>`).join('')}</table>
    <p>经查询，该主体在查询期间内无行政处罚、严重失信主体名单、经营异常名录等不良信用记录。本报告依据各级政府部门报送至全国信用信息共享平台的数据生成，可在“信用中国”网站凭报告编号核验。</p>
    <p class="note">说明：本报告仅反映查询期间内全国信用信息共享平台归集的信息。</p>`,
  协会会员: (a) => `<div class="cert"><div class="ct">会员证书</div>
      <p>${esc(a.name)}：</p><p>经审核，贵单位符合《内蒙古自治区公共安全技术防范行业协会章程》规定的会员条件，自${a.memberSince}年${3 + (a.staff % 6)}月起为本会会员单位。</p>
      <p>会员编号：NMGAF-${a.memberSince}-${String(40 + a.staff).padStart(4, '0')}　　有效期至：2026年12月31日</p>
      <div class="issuer">内蒙古自治区公共安全技术防范行业协会<br>${a.memberSince}年${3 + (a.staff % 6)}月${8 + (a.staff % 17)}日${seal('内蒙古自治区公共安全技术防范行业协会', { size: 38, tilt: 10 })}</div></div>
    <p class="note">附：会员年度缴费记录　${Array.from({ length: 2025 - a.memberSince + 1 }, (_, i) => `${a.memberSince + i}年已缴`).join('；')}。</p>`,
  企业信用等级评价证书: (a) => `<div class="cert" style="margin-top:2mm"><div class="ct" style="font-size:16pt">企业信用等级评价证书</div>
      <p>${esc(a.name)}在2025年度企业信用等级评价中，经综合评定，信用等级为：</p>
      <div style="font:30pt 'RD Sans';color:#b8860b;letter-spacing:4mm">${a.rating}</div>
      <p>证书编号：XYPJ-NM-2025-${String(a.staff * 37).padStart(5, '0')}　有效期：2025年5月至2028年5月</p>
      <div class="issuer">内蒙古自治区公共安全技术防范行业协会<br>2025年5月20日${seal('内蒙古自治区公共安全技术防范行业协会', { size: 34, tilt: -8 })}</div></div>`,
  企业所得税缴纳证明: (a) => `<table><tr><th colspan="4">中华人民共和国税收完税证明（企业所得税）</th></tr>
      <tr><th>纳税人识别号</th><td>${a.code}</td><th>纳税人名称</th><td>${esc(a.name)}</td></tr>
      <tr><th>税种</th><th>所属时期</th><th>入（退）库日期</th><th>实缴（退）金额</th></tr>
      ${[['2025-01-01至2025-03-31', '2025-04-15', 0.22], ['2025-04-01至2025-06-30', '2025-07-14', 0.27], ['2025-07-01至2025-09-30', '2025-10-15', 0.25]]
        .map(([period, date, share]) => `<tr><td>企业所得税</td><td>${period}</td><td>${date}</td><td class="num">${(a.tax * share * 10000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td></tr>`).join('')}
      <tr><td colspan="3">合计（金额单位：元）</td><td class="num">${(a.tax * 0.74 * 10000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td></tr></table>
    <p class="note" style="text-indent:0">税务机关：国家税务总局${esc(a.city)}${esc(a.district)}税务局　　填票人：电子税务局</p>`,
  员工社保缴纳证明: (a) => `<table><tr><th colspan="5">社会保险参保缴费证明（单位）</th></tr>
      <tr><th>月份</th><th>养老保险</th><th>医疗保险</th><th>失业保险</th><th>工伤保险</th></tr>
      ${['2025-06', '2025-07', '2025-08', '2025-09'].map((month, i) => `<tr><td>${month}</td>${[0, 1, 2, 3].map(() => `<td class="num">${a.social - (i < 2 ? 1 : 0)}人 已缴</td>`).join('')}</tr>`).join('')}</table>
    <p>兹证明${esc(a.name)}已在本机构办理社会保险登记，2025年度按时足额为在职员工缴纳各项社会保险费，无欠费记录。</p>
    <div style="text-align:right;position:relative;line-height:2;margin-right:8mm">${esc(a.city)}社会保险事业管理局<br>2025年10月9日<div style="position:absolute;right:4mm;top:-8mm">${seal(`${a.city}社会保险事业管理局`, { size: 30, tilt: 14, below: '业务专用章' })}</div></div>`,
  售后服务相关资料: (a) => `<p>公司制定《售后服务管理制度》，实行项目质保期内免费维保、7×24小时响应、城区2小时到场、旗县8小时到场的服务承诺，每季度对重点用户进行回访。</p>
    <table><tr><th>项目</th><th>服务内容</th><th>2025年记录</th><th>满意度</th></tr>
      <tr><td>定期巡检</td><td>前端设备、传输链路、存储及平台</td><td class="num">${48 + (a.staff % 30)}次</td><td class="num">${96 + (a.staff % 4)}%</td></tr>
      <tr><td>故障维修</td><td>报修受理、到场处置、闭环回访</td><td class="num">${120 + a.staff}单</td><td class="num">${95 + (a.staff % 5)}%</td></tr>
      <tr><td>用户培训</td><td>平台操作、应急处置</td><td class="num">${6 + (a.staff % 8)}场</td><td class="num">98%</td></tr></table>`,
  '荣誉或者表彰证书': (a) => `<table><tr><th>序号</th><th>荣誉名称</th><th>颁发单位</th><th>时间</th></tr>
      <tr><td>1</td><td>${a.memberSince <= 2018 ? '2024年度' : '2023年度'}优秀会员单位</td><td>内蒙古自治区公共安全技术防范行业协会</td><td>${a.memberSince <= 2018 ? '2025-01' : '2024-01'}</td></tr>
      <tr><td>2</td><td>守合同重信用企业</td><td>${esc(a.city)}市场监督管理局</td><td>2024-06</td></tr>
      <tr><td>3</td><td>平安建设工作先进集体</td><td>${esc(a.city)}${esc(a.district)}委政法委员会</td><td>2025-03</td></tr></table>
    <p class="note" style="text-indent:0">证书复印件存档备查。</p>`,
};
PAGES['表彰或荣誉证书'] = (a) => `<table><tr><th>序号</th><th>名称</th><th>类别</th><th>证书编号 / 颁发单位</th></tr>
      <tr><td>1</td><td>视频监控智能分析平台软件V3.0</td><td>软件著作权</td><td>2023SR${String(a.staff * 4211).slice(0, 7)}</td></tr>
      <tr><td>2</td><td>一种前端感知设备远程运维装置</td><td>实用新型专利</td><td>ZL2024 2 ${String(a.staff * 9137).slice(0, 7)}.X</td></tr>
      <tr><td>3</td><td>${esc(a.project.name.slice(0, 12))}……项目表彰</td><td>表彰</td><td>${esc(a.project.client)}</td></tr></table>`;
PAGES['服务能力等级证书'] = (a) => `<div class="cert" style="margin-top:0"><div class="ct" style="font-size:14.5pt;letter-spacing:0.5mm">内蒙古自治区公共安全技术防范行业<br>设计、施工和运维服务能力等级证书</div>
      <p>单位名称：${esc(a.name)}</p><p>等　　级：<span class="em" style="font-size:16pt">${a.level}</span></p><p>证书编号：NMAF-SN-2024-${String(a.staff * 13).padStart(4, '0')}　有效期至：2027年6月30日</p>
      <div class="issuer">内蒙古自治区公共安全技术防范行业协会<br>2024年7月1日${seal('内蒙古自治区公共安全技术防范行业协会', { size: 32, tilt: 12 })}</div></div>`;
PAGES['ISO9001质量管理体系认证'] = (a) => `<div class="cert" style="padding:5mm 10mm"><div class="ct" style="font-size:15pt;letter-spacing:1mm">质量管理体系认证证书</div>
      <p>兹证明${esc(a.name)}建立的质量管理体系符合标准 GB/T 19001-2016 / ISO 9001:2015，认证范围：安全技术防范系统的设计、施工及运维服务。</p>
      <p>证书编号：00124Q${String(a.staff * 3571).padStart(6, '0')}　有效期至：2027年9月2日</p></div>`;
PAGES['典型工程项目列表'] = (a) => {
  const rows = [
    [a.project.name, a.project.client, a.project.amount, a.project.done],
    [`${a.city}${a.district}重点单位技防设施改造项目`, `${a.city}${a.district}公安分局`, 1360000 + a.staff * 1000, '2025-03-18'],
    [`${a.city}智慧停车诱导系统建设项目`, `${a.city}城市管理综合执法局`, 980000 + a.staff * 500, '2024-12-26'],
  ];
  return `<p>2024年10月至2025年10月间，本单位竣工验收的典型工程项目如下（金额单位：元）：</p><table><tr><th>序号</th><th>项目名称</th><th>建设单位</th><th>合同金额</th><th>竣工验收日期</th></tr>
    ${rows.map((r, i) => `<tr><td>${i + 1}</td><td>${esc(r[0])}</td><td>${esc(r[1])}</td><td class="num">${r[2].toLocaleString('en-US')}</td><td>${r[3]}</td></tr>`).join('')}</table>
    <p>其中第1项“${esc(a.project.name)}”为本次申报的重大典型工程，合同关键页、货物清单和验收报告附后。</p>`;
};
PAGES['合同关键页'] = (a) => {
  const list = a.project ? [{ ...a.project, from: a.project.signed }] : a.services;
  return list.map((p, i) => `<div class="letter" style="${list.length > 1 ? 'padding:4mm 8mm 2mm;margin-bottom:3mm' : ''}">
    <div style="text-align:center;font:13pt 'RD Sans'">${esc(p.name)}${a.project ? '施工' : '服务'}合同</div>
    <div style="text-align:right;font-size:9pt">合同编号：${a.code.slice(-6)}-HT-2024${String(i + 7).padStart(3, '0')}</div>
    <p class="to">甲方（发包人）：${esc(p.client)}<br>乙方（承包人）：${esc(a.name)}</p>
    <p>${a.project ? `工程内容：${esc(p.scope)}。合同工期：自合同签订之日起至${cnDate(p.done)}前竣工。` : `服务类型：${p.type}；服务期限：${cnDate(p.from)}至${cnDate(p.to)}。`}</p>
    <p>合同金额：人民币<span class="em">${capitalAmount(p.amount)}</span>（${yuan(p.amount)}），含税。付款方式：按${a.project ? '工程进度' : '季度'}支付。</p>
    <div class="sign" style="${list.length > 1 ? 'margin-top:1mm' : ''}"><div>甲方（盖章）：<br>代表人：<br>日期：${cnDate(p.from)}${seal(p.client, { size: 30, tilt: -10 })}</div>
      <div>乙方（盖章）：<br>代表人：${esc(a.rep)}<br>日期：${cnDate(p.from)}${seal(a.name, { size: 30, tilt: 8 })}</div></div></div>`).join('');
};
PAGES['货物清单'] = (a) => {
  const items = [['高清智能网络摄像机', 'DS-2CD7A47', '台', 0.35], ['人脸识别门禁终端', 'FR-8600', '套', 0.14], ['视频存储服务器', 'CVR-6024', '台', 0.16], ['核心交换机', 'S5735-48T', '台', 0.07], ['智能分析平台软件', 'V3.0', '套', 0.18], ['线缆及辅材', '—', '批', 0.1]];
  return `<p>项目名称：${esc(a.project.name)}</p><table><tr><th>序号</th><th>货物名称</th><th>规格型号</th><th>单位</th><th>数量</th><th>金额（元）</th></tr>
    ${items.map((it, i) => `<tr><td>${i + 1}</td><td>${it[0]}</td><td>${it[1]}</td><td>${it[2]}</td><td class="num">${it[2] === '批' ? 1 : Math.max(1, Math.round((a.project.amount * it[3]) / [2600, 4800, 38000, 26000, 160000][i]))}</td><td class="num">${Math.round(a.project.amount * it[3]).toLocaleString('en-US')}</td></tr>`).join('')}
    <tr><td colspan="5">合计</td><td class="num">${a.project.amount.toLocaleString('en-US')}</td></tr></table>`;
};
PAGES['验收报告'] = (a) => `<table><tr><th colspan="4">工程竣工验收报告</th></tr>
      <tr><th style="width:28mm">工程名称</th><td colspan="3">${esc(a.project.name)}</td></tr>
      <tr><th>建设单位</th><td>${esc(a.project.client)}</td><th style="width:24mm">施工单位</th><td>${esc(a.name)}</td></tr>
      <tr><th>开工日期</th><td>${a.project.signed}</td><th>竣工日期</th><td>${a.project.done}</td></tr></table>
    <table><tr><th>验收项目</th><th>验收依据</th><th>结论</th></tr>
      <tr><td>系统功能与性能</td><td>GB 50348-2018《安全防范工程技术标准》</td><td>合格</td></tr>
      <tr><td>视频监控系统</td><td>GB 50395-2007《视频安防监控系统工程设计规范》</td><td>合格</td></tr>
      <tr><td>出入口控制系统</td><td>GB 50396-2007《出入口控制系统工程设计规范》</td><td>合格</td></tr>
      <tr><td>设备安装与线缆敷设</td><td>设计文件及施工合同</td><td>合格</td></tr>
      <tr><td>竣工资料</td><td>GA/T 75-1994《安全防范工程程序与要求》</td><td>齐全</td></tr></table>
    <p>验收结论：该工程按设计文件和合同要求完成全部建设内容，系统运行稳定，各项指标符合国家和行业标准，验收组一致同意通过竣工验收。</p>
    <div class="sign"><div>建设单位（盖章）<br>${cnDate(a.project.done)}${seal(a.project.client, { size: 30, tilt: -6 })}</div><div>监理单位（盖章）<br>${cnDate(a.project.done)}${seal(`${a.city}建设工程监理有限责任公司`, { size: 30, tilt: 9 })}</div></div>`;
PAGES['服务项目列表'] = (a) => `<p>2024年10月至2025年10月间本单位承接的服务项目如下（金额单位：元）：</p><table><tr><th>序号</th><th>项目名称</th><th>类型</th><th>服务起止时间</th><th>项目金额</th></tr>
    ${a.services.map((s, i) => `<tr><td>${i + 1}</td><td>${esc(s.name)}</td><td>${s.type}</td><td>${s.from}至${s.to}</td><td class="num">${s.amount.toLocaleString('en-US')}</td></tr>`).join('')}
    <tr><td colspan="4">合计</td><td class="num">${a.services.reduce((sum, s) => sum + s.amount, 0).toLocaleString('en-US')}</td></tr></table>`;
PAGES['服务规范文件'] = (a) => `<p>公司依据GB 50348-2018等标准制定《安防系统运维服务规范》（Q/${a.code.slice(8, 12)}-2024），主要内容如下：</p><table>
      <tr><th style="width:30mm">服务流程</th><td>受理—派单—到场—处置—验证—回访，全程工单留痕</td></tr>
      <tr><th>服务质量标准</th><td>视频在线率≥98%，录像完好率≥99%，故障2小时响应</td></tr>
      <tr><th>服务人员职责</th><td>项目经理、驻场工程师、值班调度的岗位职责与考核</td></tr></table>`;
PAGES['书面表扬'] = (a) => a.services.map((s) => `<div class="letter" style="padding:4mm 8mm 1mm;margin-bottom:3mm"><div style="text-align:center;font:13pt 'RD Sans'">表扬信</div>
      <p class="to">${esc(a.name)}：</p><p>贵单位承担我单位“${esc(s.name)}”以来，服务团队响应及时、作风严谨，${s.type === '运维管理' ? '系统完好率持续保持在98%以上' : '按期高质量完成了项目交付'}，特此提出表扬。</p>
      <div class="from" style="min-height:20mm">${esc(s.client)}<br>2025年9月${12 + s.amount % 9}日${seal(s.client, { size: 28, tilt: -9 })}</div></div>`).join('');
PAGES['新技术、新方法的案例说明'] = (a) => `<p>案例：“${esc(a.services[0].name)}”中，公司上线远程巡检与智能工单系统，前端设备离线自动告警、就近派单，备品备件按故障率预测储备。</p>
    <table><tr><th>指标</th><th>实施前</th><th>实施后</th></tr><tr><td>故障平均修复时间</td><td>${(6 + (a.staff % 5)).toFixed(1)}小时</td><td>${(2 + (a.staff % 3) * 0.5).toFixed(1)}小时</td></tr><tr><td>视频在线率</td><td>94.2%</td><td>98.6%</td></tr></table>`;

// ---------------------------------------------------------------- documents per category

/** Each document: pages in order; each page a list of section titles (its headings). */
const LAYOUT = {
  integrity: [
    { file: '申报材料.pdf', title: '申报材料', pages: [['封面'], ['目录'], ['企业简介'], ['营业执照'], ['信用报告'], ['协会会员', '企业信用等级评价证书'], ['企业所得税缴纳证明', '员工社保缴纳证明'], ['售后服务相关资料', '荣誉或者表彰证书']] },
  ],
  'quality-contractor': [
    { file: '申报材料.pdf', title: '申报材料', pages: [['封面'], ['目录'], ['企业简介'], ['营业执照'], ['信用报告'], ['服务能力等级证书', 'ISO9001质量管理体系认证'], ['售后服务相关资料', '表彰或荣誉证书']] },
    { file: '典型工程材料.pdf', title: '典型工程材料', pages: [['典型工程项目列表'], ['合同关键页'], ['货物清单'], ['验收报告']] },
  ],
  service: [
    { file: '申报材料.pdf', title: '申报材料', pages: [['封面'], ['目录'], ['企业简介'], ['营业执照'], ['信用报告'], ['服务规范文件', '售后服务相关资料'], ['新技术、新方法的案例说明', '荣誉或者表彰证书']] },
    { file: '服务项目材料.pdf', title: '服务项目材料', pages: [['服务项目列表'], ['合同关键页'], ['书面表扬']] },
  ],
};

const NUMERALS = '一二三四五六七八九十';
const HEADING_ALIAS = { 协会会员: '协会会员证明', 书面表扬: '甲方单位书面表扬', '新技术、新方法的案例说明': '应用新技术、新方法的案例说明' };

function planDocuments(a) {
  const omit = new Set(a.omit ?? []);
  let number = 0;
  return LAYOUT[a.category].map((layout) => {
    const pages = layout.pages.map((titles) => titles.filter((t) => !omit.has(t))).filter((titles) => titles.length > 0);
    const headed = pages.map((titles) => titles.map((t) => (t === '封面' || t === '目录' ? { title: t, label: t } : { title: t, label: `${NUMERALS[number++]}、${HEADING_ALIAS[t] ?? t}` })));
    return { ...layout, pages: headed };
  });
}

function documentHtml(a, award, doc, scannedImage) {
  const pages = doc.pages.map((headings, index) => {
    const pageNo = index + 1;
    if (a.scan && headings[0].title === '营业执照') {
      return `<div class="page" style="padding:0"><img src="${scannedImage}" style="width:210mm;height:297mm;display:block"></div>`;
    }
    if (headings[0].title === '封面') return `<div class="page">${PAGES.封面(a, award)}</div>`;
    const frame = `<div class="hdr"><span>${esc(award)}</span><span>${esc(a.name)}</span></div><div class="ftr">— ${pageNo} —</div>`;
    if (headings[0].title === '目录') {
      const entries = [];
      for (const [j, later] of doc.pages.entries()) for (const h of later) if (h.title !== '封面' && h.title !== '目录') entries.push(`<div><span>${esc(h.label)}</span><span class="dots"></span><span>${j + 1}</span></div>`);
      const others = LAYOUT[a.category].filter((other) => other.file !== doc.file).map((other) => `《${other.title}》`);
      const note = others.length > 0 ? `<p class="note" style="margin-top:6mm;text-indent:0">另附${others.join('、')}，单独成册。</p>` : '';
      return `<div class="page">${frame}<h2>目录</h2><div class="toc">${entries.join('')}</div>${note}</div>`;
    }
    const body = headings.map((h, j) => `<h2 style="${j > 0 ? 'margin-top:7mm' : ''}">${esc(h.label)}</h2>${PAGES[h.title](a, award)}`).join('');
    return `<div class="page">${frame}${body}</div>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.name)} ${esc(doc.title)}</title><style>${STYLE}</style></head><body>${pages.join('')}</body></html>`;
}

// ---------------------------------------------------------------- the scan

/** Renders the licence at 110 dpi, then tilts, tones, blurs and noises it like a flatbed scan; a JPEG data URL. */
async function scannedLicence(context, a) {
  const width = 909; // A4 at 110 dpi
  const height = 1286;
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE} body{background:#fff}</style></head><body><div class="page" style="padding:22mm 18mm">${licenceHtml(a)}</div></body></html>`);
  await page.evaluate('document.fonts.ready');
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 794, height: 1123 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><canvas id="c"></canvas></body></html>');
  const jpeg = await page.evaluate(
    async ({ src, width, height, seed }) => {
      let state = seed >>> 0;
      const rnd = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.getElementById('c');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#d9d4c7'; // the scanner lid around a slightly skewed sheet
      ctx.fillRect(0, 0, width, height);
      ctx.save();
      ctx.translate(width / 2 + 6, height / 2 + 4);
      ctx.rotate((0.9 * Math.PI) / 180);
      ctx.filter = 'blur(0.55px) contrast(1.12) brightness(0.97) sepia(0.18)';
      ctx.drawImage(image, -width / 2 + 10, -height / 2 + 8, width - 22, height - 18);
      ctx.restore();
      const data = ctx.getImageData(0, 0, width, height);
      const px = data.data;
      for (let y = 0; y < height; y++) {
        const band = 1 - 0.05 * Math.sin((y / height) * Math.PI * 3.1); // uneven lamp
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const shade = Math.min(1, 0.82 + 0.18 * Math.min(x, width - x) / 60); // dark binding edge
          const noise = (rnd() - 0.5) * 22;
          for (let c = 0; c < 3; c++) px[i + c] = Math.max(0, Math.min(255, px[i + c] * band * shade + noise));
        }
      }
      // dust specks
      for (let k = 0; k < 260; k++) {
        const x = Math.floor(rnd() * width);
        const y = Math.floor(rnd() * height);
        const i = (y * width + x) * 4;
        px[i] = px[i + 1] = px[i + 2] = 40 + rnd() * 60;
      }
      ctx.putImageData(data, 0, 0);
      return canvas.toDataURL('image/jpeg', 0.62);
    },
    { src: `data:image/png;base64,${png.toString('base64')}`, width, height, seed: 7 },
  );
  await context.close();
  return jpeg;
}

// ---------------------------------------------------------------- PDF post-processing

/** Fixed dates (same byte length, so the xref stays right) and an /ID derived from the content. */
function normalisePdf(bytes) {
  let text = bytes.toString('latin1');
  text = text.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (match, key) => {
    const fixed = `/${key} (D:20251020090000+00'00')`;
    return fixed.length <= match.length ? fixed.padEnd(match.length, ' ') : match;
  });
  const digest = createHash('md5').update(text.replace(/\/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]/g, '')).digest('hex').toUpperCase();
  text = text.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g, (match, a) => (a.length === 32 ? `/ID [<${digest}> <${digest}>]` : match));
  return Buffer.from(text, 'latin1');
}

// ---------------------------------------------------------------- round.json

function roundJson(applicants) {
  const rubrics = template.rubrics
    .filter((rubric) => CATEGORY_IDS.includes(rubric.id))
    .map((rubric) => ({ ...rubric, criterionCommentBelowPercent: 60 }));
  const categories = template.categories.filter((category) => CATEGORY_IDS.includes(category.id));
  return {
    format: 'reviewdesk.round/1',
    sample: {
      title: 'ReviewDesk 示例评审轮次',
      notes: [
        'Generated by scripts/generate-sample-round.mjs; do not edit by hand. Every company, person, code and number is invented.',
        'Rubrics, checks and categories are those of resources/templates/association-awards-2025.json (integrity, quality-contractor, service), with criterionCommentBelowPercent 60 added so that low scores need a reason.',
        'Sections are named after the checklist items they answer, so the app links each check to its page. B002\'s business licence (申报材料.pdf page 4) is a scanned image without a text layer.',
        'Missing items (the expert answers that check "no"): A003 荣誉或者表彰证书, A004 企业信用等级评价证书, B004 ISO9001质量管理体系认证, C004 荣誉或者表彰证书. A004 joined the association in 2023, short of the 3 years of veto check k6.',
        'E05 is assigned applicants rather than categories.',
      ],
    },
    round: { ...template.round, id: 'nmgaf-2025-awards-sample', title: '2025年度内蒙古自治区公共安全技术防范行业评优（示例）', stage: '材料评审', scoringCloses: '2025-11-20' },
    rubrics,
    categories,
    applicants,
    experts: EXPERTS.map(({ id, name, assigned }) => ({ id, name, assigned })),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set REVIEWDESK_CHROMIUM)`);
  if (!existsSync(FONT)) throw new Error(`no font at ${FONT} (apt-get install fonts-wqy-microhei, or set REVIEWDESK_SAMPLE_FONT)`);
  const font = collectionFace(readFileSync(FONT), 0);
  for (const a of APPLICANTS) a.code = creditCode(a);
  for (const entry of APPLICANTS.map((a) => a.id)) rmSync(path.join(OUT, entry), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  // Pages get the font from here, and nothing else from anywhere.
  const newContext = async (options = {}) => {
    const context = await browser.newContext(options);
    await context.route('**/*', (route) =>
      route.request().url() === FONT_URL ? route.fulfill({ body: font, contentType: 'font/ttf' }) : route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    return context;
  };
  const context = await newContext();
  const applicants = [];
  let totalBytes = 0;
  try {
    const page = await context.newPage();
    for (const a of APPLICANTS) {
      const award = template.categories.find((category) => category.id === a.category).title;
      const scan = a.scan ? await scannedLicence(await newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 909 / 794 }), a) : null;
      const documents = [];
      mkdirSync(path.join(OUT, a.id), { recursive: true });
      for (const doc of planDocuments(a)) {
        await page.setContent(documentHtml(a, award, doc, scan));
        await page.evaluate('document.fonts.ready');
        const pdf = normalisePdf(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false }));
        writeFileSync(path.join(OUT, a.id, doc.file), pdf);
        totalBytes += pdf.length;
        documents.push({
          path: `${a.id}/${doc.file}`,
          title: doc.title,
          sections: doc.pages.flatMap((headings, index) => headings.map((h) => ({ title: h.title, page: index + 1 }))),
        });
      }
      const facts = { foundedYear: Number(a.founded.slice(0, 4)), staff: a.staff, technicalStaff: a.technical };
      if (a.memberSince) facts.memberSince = a.memberSince;
      if (a.project) facts.largestContract = a.project.amount;
      if (a.services) facts.serviceContractTotal = a.services.reduce((sum, s) => sum + s.amount, 0);
      applicants.push({ id: a.id, name: a.name, category: a.category, facts, documents });
      process.stdout.write(`${a.id} ${a.name}: ${documents.map((d) => `${d.path} (${d.sections.at(-1).page} pages)`).join(', ')}\n`);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(OUT, 'round.json'), `${JSON.stringify(roundJson(applicants), null, 2)}\n`);
  process.stdout.write(`wrote ${OUT}/round.json and ${applicants.reduce((n, a) => n + a.documents.length, 0)} PDFs, ${(totalBytes / 1024).toFixed(0)} KiB\n`);
}

await main();
