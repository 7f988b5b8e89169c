// Glossary/lexicon detectors: dev-set reports and speed (issue 4).
// usage: node bench/glossary.bench.mjs [--seeds /work/shared/seeds] [--out /tmp/jiaodui-glossary]
// Writes `jiaodui check --json`-shaped reports (one segment per non-empty line, only the zh.glossary,
// en.glossary and zh.lexicon rules) for seed 001 with test/fixtures/dev-misrec/glossary.tsv, for 002 and 003
// with the same glossary (false alarms), and for 004 with itself as --reference; then times seed 001 with a
// 5,000-term glossary (also written to OUT/glossary-5k.tsv for timing the CLI) and counts its false alarms on 002
// and 003. Score the reports with /work/shared/tools/report-vs-gold.mjs and flags-per-10k.mjs. `--cli` times the
// whole CLI on 001 with that glossary (see timeCli).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, loadTs } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const seeds = opt('--seeds', '/work/shared/seeds');
const out = opt('--out', '/tmp/jiaodui-glossary');
// --quick: dev reports only; --speed: the 5,000-term timing only; --cli: the whole CLI on seed 001 with the 5,000-term
// glossary (written by a --speed run) and without a glossary, alternately, --runs N times each (default 9)
const mode = args.includes('--quick') ? 'quick' : args.includes('--speed') ? 'speed' : args.includes('--cli') ? 'cli' : 'all';
mkdirSync(out, { recursive: true });

process.chdir(root);
if (mode === 'cli') {
  await timeCli();
  process.exit(0);
}
process.env.JIAODUI_DATA_DIR ??= join(root, 'dist/data');
const {
  detectTranscript, zhGlossary, enGlossary, zhLexicon, detectLang, applyFlags, chooseNonOverlapping, autoAt,
  loadDetectResources, loadChineseLexicon, parseGlossary, RESOURCE, createEnglishWords, pinyin,
} = await loadTs('bench/glossary-bench-entry.ts');

const RULES = [zhGlossary, enGlossary, zhLexicon];
const file = (p) => readdirSync(seeds).find((f) => f.startsWith(p));
function transcript(text) {
  const segments = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    segments.push({ id: 's' + (i + 1), sourceLine: i + 1, lang: detectLang(raw), raw });
  });
  return { title: null, segments, markers: [], metadata: {} };
}
const cpuTimes = [];
function report(name, text, resources) {
  const t = transcript(text);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const flags = detectTranscript(t, { rules: RULES, resources: { ...resources, cache: new Map() } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const bySeg = new Map();
  for (const f of flags) (bySeg.get(f.segmentId) ?? bySeg.set(f.segmentId, []).get(f.segmentId)).push(f);
  const json = { tool: 'jiaodui', version: 'dev', source: { path: name, format: 'txt', encoding: 'utf-8' }, title: null,
    segments: t.segments.map((s) => ({ id: s.id, sourceLine: s.sourceLine, start: null, end: null, lang: s.lang, raw: s.raw,
      clean: applyFlags(s.raw, chooseNonOverlapping((bySeg.get(s.id) ?? []).filter((f) => autoAt(f.confidence, 'standard')))) })),
    flags: flags.map((f) => { const s = t.segments.find((x) => x.id === f.segmentId); return { ...f, text: s.raw.slice(f.start, f.end), auto: autoAt(f.confidence, 'standard') }; }),
    diagnostics: [] };
  writeFileSync(join(out, name + '.json'), JSON.stringify(json, null, 1));
  console.log(name.padEnd(10), String(flags.length).padStart(4), 'flags', ms.toFixed(0).padStart(5), 'ms wall', cpuMs.toFixed(0).padStart(5), 'ms cpu');
  cpuTimes.push(cpuMs);
  return ms;
}
const t0 = performance.now();
const lex = loadChineseLexicon();
console.log('lexicon load', (performance.now() - t0).toFixed(0), 'ms', lex.lexicon ? lex.lexicon.size + ' words' : 'MISSING');
// the English word list, as the CLI passes it (electron/cli/resources.ts)
const enWords = createEnglishWords(readFileSync(join(process.env.JIAODUI_DATA_DIR, 'en-words.txt'), 'utf8'));
const common = { [RESOURCE.zhLexicon]: lex.lexicon, [RESOURCE.enWords]: enWords };
const glossaryPath = './test/fixtures/dev-misrec/glossary.tsv';
if (mode !== 'speed') {
  const withG = loadDetectResources({ glossaryPaths: [glossaryPath], lexicon: false }).resources;
  const base = { ...withG, ...common };
  report('001', readFileSync(join(seeds, file('001_')), 'utf8'), base);
  report('002', readFileSync(join(seeds, file('002_')), 'utf8'), base);
  report('003', readFileSync(join(seeds, file('003_')), 'utf8'), base);
  const f004 = join(seeds, file('004_'));
  const t4 = performance.now();
  const ref = loadDetectResources({ referencePaths: [f004], lexicon: false });
  console.log('004 reference glossary', ref.glossary?.entries.length ?? 0, 'entries in', (performance.now() - t4).toFixed(0), 'ms');
  writeFileSync(join(out, '004-ref-glossary.tsv'), (ref.glossary?.entries ?? []).map((e) => e.term + '\t' + (e.kind ?? '') + '\t' + e.note).join('\n') + '\n');
  report('004-ref', readFileSync(f004, 'utf8'), { ...ref.resources, ...common });
}
if (mode === 'quick') process.exit(0);
// speed: the dev glossary padded to 5,000 entries shaped like an editor's real event glossary: Chinese people
// with their pinyin names (40%), Western people with transliterations (20%), organisations (20%) and domain
// terms (20%). Adversarial on purpose: real surnames and given-name characters, so thousands of names share
// syllables (crowded pinyin buckets) and the Latin side repeats Zhang/Wang/Li hundreds of times.
const rnd = (() => { let s = 7; return () => (s = (s * 48271) % 2147483647) / 2147483647; })();
const pickOf = (a) => a[Math.floor(rnd() * a.length)];
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const given = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文斌宇浩凯健俊帆鹏辉智慧亚勤毅可正澜凌寒晓冬民烈婧倬胜耀东德意学山世忠海清景晨奇琦振群宏忠志国建新立春雪梅红云飞龙博远航思嘉欣怡子涵雨轩睿哲'];
const westFirst = 'James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Steven Paul Andrew Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen Sharon Cynthia Kathleen Amy Angela Anna Yoshua Geoffrey Stuart Max Demis Fei Dawn Tshilidzi Yann Ilya Sam Dario Mustafa'.split(' ');
const westLast = 'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Bengio Hinton Russell Tegmark Hassabis Marwala LeCun Sutskever Altman Amodei Suleyman Bostrom Schmidhuber Kurzweil'.split(' ');
const westZh = [...'约翰詹姆斯罗伯特迈克尔威廉大卫理查德托马斯查尔斯丹尼尔马修安东尼保罗安德鲁史密斯约翰逊布朗琼斯米勒戴维斯威尔逊泰勒穆尔杰克逊'];
const places = [['北京', 'Beijing'], ['上海', 'Shanghai'], ['深圳', 'Shenzhen'], ['杭州', 'Hangzhou'], ['南京', 'Nanjing'], ['武汉', 'Wuhan'], ['成都', 'Chengdu'], ['西安', "Xi'an"], ['广州', 'Guangzhou'], ['天津', 'Tianjin'], ['苏州', 'Suzhou'], ['合肥', 'Hefei'], ['中国', 'China'], ['国家', 'National'], ['浙江', 'Zhejiang'], ['香港', 'Hong Kong'], ['鹏城', 'Pengcheng'], ['之江', 'Zhijiang']];
const fields = [['人工智能', 'Artificial Intelligence'], ['数据治理', 'Data Governance'], ['智能计算', 'Intelligent Computing'], ['网络安全', 'Cybersecurity'], ['数字经济', 'Digital Economy'], ['科技政策', 'Science and Technology Policy'], ['机器人', 'Robotics'], ['脑科学', 'Brain Science'], ['量子信息', 'Quantum Information'], ['算法伦理', 'Algorithm Ethics'], ['智慧城市', 'Smart City'], ['信息技术', 'Information Technology']];
const suffixes = [['研究院', 'Institute'], ['实验室', 'Laboratory'], ['研究中心', 'Research Center'], ['大学', 'University'], ['学院', 'College'], ['委员会', 'Committee'], ['联盟', 'Alliance'], ['协会', 'Association']];
const termA = [['可信', 'Trustworthy'], ['开源', 'Open-Source'], ['多模态', 'Multimodal'], ['生成式', 'Generative'], ['联邦', 'Federated'], ['具身', 'Embodied'], ['通用', 'General'], ['分布式', 'Distributed'], ['对抗', 'Adversarial'], ['可解释', 'Explainable'], ['前沿', 'Frontier'], ['隐私', 'Privacy']];
const termB = [['大模型', 'Large Model'], ['智能体', 'Agent'], ['学习', 'Learning'], ['对齐', 'Alignment'], ['评测', 'Evaluation'], ['安全', 'Safety'], ['推理', 'Reasoning'], ['算力', 'Compute'], ['数据集', 'Dataset'], ['框架', 'Framework'], ['水印', 'Watermarking'], ['红队测试', 'Red Teaming']];
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const py = (s) => pinyin(s, { type: 'array', toneType: 'none', surname: 'head', v: false });
const lines = [readFileSync(glossaryPath, 'utf8')];
const seen = new Set();
const add = (zh, en, note) => { if (seen.has(zh)) return; seen.add(zh); lines.push(zh + '\t' + en + '\t' + note); };
const devCount = lines[0].split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;
while (lines.length - 1 + devCount < 5000) {
  const r = rnd();
  if (r < 0.4) {
    const s = pickOf(surnames);
    const g = rnd() < 0.75 ? pickOf(given) + pickOf(given) : pickOf(given);
    const [sp, ...gp] = py(s + g);
    add(s + g, cap(gp.join('')) + ' ' + cap(sp), '教授');
  } else if (r < 0.6) {
    let zh = ''; const n = 3 + Math.floor(rnd() * 3); for (let k = 0; k < n; k++) zh += pickOf(westZh);
    add(zh, pickOf(westFirst) + ' ' + pickOf(westLast), 'speaker');
  } else if (r < 0.8) {
    const p = pickOf(places); const f = pickOf(fields); const s = pickOf(suffixes);
    add(p[0] + f[0] + s[0], p[1] + ' ' + f[1] + ' ' + s[1], 'organisation');
  } else {
    const a = pickOf(termA); const b = pickOf(termB);
    const extra = rnd() < 0.3 ? pickOf(fields) : null;
    add(a[0] + (extra ? extra[0] : '') + b[0], a[1] + ' ' + (extra ? extra[1] + ' ' : '') + b[1], 'term');
  }
}
writeFileSync(join(out, 'glossary-5k.tsv'), lines.join('\n') + '\n'); // for timing the real CLI
const big = parseGlossary(lines.join('\n'), 'big').glossary;
console.log('big glossary entries', big.entries.length);
const text001 = readFileSync(join(seeds, file('001_')), 'utf8');
const runs = [];
for (let r = 0; r < 3; r++) runs.push(report('001-5k', text001, { [RESOURCE.glossary]: big, ...common }));
const glossOnly = [];
for (let r = 0; r < 3; r++) {
  const t = transcript(text001); const t1 = performance.now();
  detectTranscript(t, { rules: [zhGlossary, enGlossary], resources: { [RESOURCE.glossary]: big, ...common, cache: new Map() } });
  glossOnly.push(performance.now() - t1);
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
const cpu5k = cpuTimes.slice(-3);
console.log('001 with 5,000 terms: all three rules', runs.map((x) => x.toFixed(0)).join('/'), 'ms wall (median', med(runs) + '),', cpu5k.map((x) => x.toFixed(0)).join('/'), 'ms cpu (median', med(cpu5k) + '); glossary rules only', glossOnly.map((x) => x.toFixed(0)).join('/'), 'ms (median', med(glossOnly) + ')');
// false alarms with the crowded glossary: clean reports 002 and 003 (misrecognition flags per 10,000 characters of
// the glossary and lexicon rules; thousands of names match ordinary words unless the matcher reads context)
for (const seed of ['002', '003']) {
  const text = readFileSync(join(seeds, file(seed + '_')), 'utf8');
  report(seed + '-5k', text, { [RESOURCE.glossary]: big, ...common });
  const flags = JSON.parse(readFileSync(join(out, seed + '-5k.json'), 'utf8')).flags.filter((f) => f.kind === 'misrecognition');
  const chars = [...text.replace(/\s/g, '')].length;
  console.log(`${seed} with 5,000 terms: ${flags.length} misrecognition flags, ${(flags.length / chars * 10000).toFixed(2)} per 10k characters`);
}

/**
 * `--cli`: wall time and CPU (bench/cpu-at-exit.mjs) of `node dist/cli/jiaodui.mjs check 001 --json` with the
 * 5,000-term glossary and without a glossary, run alternately so that the machine's drift hits both alike.
 */
async function timeCli() {
  const { spawnSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const big = join(out, 'glossary-5k.tsv');
  if (!existsSync(big)) throw new Error(`${big} is missing: run node bench/glossary.bench.mjs --speed first`);
  const seed = join(seeds, readdirSync(seeds).find((f) => f.startsWith('001_')));
  const runs = Number(opt('--runs', '9'));
  const cases = { '5k glossary': ['--glossary', big], 'no glossary': [] };
  const got = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, extra] of Object.entries(cases)) {
      const t = performance.now();
      const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'bench/cpu-at-exit.mjs')).href, join(root, 'dist/cli/jiaodui.mjs'), 'check', seed, ...extra, '--json'],
        { encoding: 'utf8', maxBuffer: 1 << 28 });
      const wall = performance.now() - t;
      const line = child.stderr.split('\n').find((l) => l.startsWith('{"cpuAtExit"'));
      if (!line) throw new Error(`no CPU line from the CLI (exit ${child.status}): ${child.stderr.slice(0, 500)}`);
      const { cpuAtExit } = JSON.parse(line);
      got[name].push({ wall, user: cpuAtExit.userMs + cpuAtExit.systemMs, main: cpuAtExit.mainThreadMs });
    }
  }
  const stat = (xs) => { const s = [...xs].sort((a, b) => a - b); return `${s[Math.floor(s.length / 2)].toFixed(0)} (${s[0].toFixed(0)}-${s[s.length - 1].toFixed(0)})`; };
  for (const [name, rows] of Object.entries(got)) {
    console.log(`check 001, ${name}, ${runs} runs: wall ${stat(rows.map((x) => x.wall))} ms, CPU ${stat(rows.map((x) => x.user))} ms, main thread ${rows[0].main === null ? 'n/a' : stat(rows.map((x) => x.main)) + ' ms'} (median (min-max))`);
  }
}
