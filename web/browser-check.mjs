// Opens the in-browser build in headless Chromium (scripts/web-test.sh runs it;
// docs/web.md): the title screen; a profile created on the profile screen; level 1, the
// correct program typed and run in the sandbox's Web Worker (verdict `passed`); a reload
// keeps the progress (localStorage); `while True: pass` and a built-in that never returns
// end as `timeout` while the game keeps drawing; "Export my progress" downloads the
// file, which "Import my progress…" uploads on another browser profile ("at school");
// copy and paste in the code editor; a teacher's pack installed by upload and another by
// a drop on the page, both still there after a reload; an exam pack and two students'
// submissions dropped on the Exams tab, graded in Web Workers; the level editor's Test of
// level 1's reference solution, its Save into the browser's pack library, Export .zip
// (a download) and Open (a level file uploaded), and the saved level played after a
// reload. Every screenshot must show more than 20 colours (a blank canvas fails).
// Prints what it measured; the screenshots, the downloads and the page's console go to
// the folder given as second argument.
//
// egui draws everything on the canvas: buttons are clicked at their place in a
// 1280×720 window (the constants below, found on the screenshots).
//
//   node web/browser-check.mjs <dist-dir> <screenshot-dir>
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const [dist = 'dist', shots = '/tmp/codebot-web-shots'] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png',
};

// A static server for dist/ (the same files python3 -m http.server would serve).
function serve(root) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
    fs.readFile(target, (error, body) => {
      if (error) { response.writeHead(404); response.end(); return; }
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(target)] || 'application/octet-stream',
        'Content-Length': body.length,
      });
      response.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

// Distinct colours of a screenshot, counted by Chromium itself in a blank page.
async function distinctColours(browser, png) {
  const page = await browser.newPage();
  const count = await page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString('base64'));
  await page.close();
  return count;
}

async function shot(page, browser, name) {
  const file = path.join(shots, `${name}.png`);
  const png = await page.screenshot({ path: file });
  const colours = await distinctColours(browser, png);
  check(colours > 20, `${name}: ${colours} colours on screen (${file})`);
  return png;
}

// Frames the page draws during `ms` milliseconds, and the longest gap between two.
async function frames(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    let count = 0; let last = performance.now(); let longest = 0;
    const end = last + ms;
    const tick = (now) => {
      count += 1; longest = Math.max(longest, now - last); last = now;
      if (now < end) requestAnimationFrame(tick); else resolve({ count, longest: Math.round(longest) });
    };
    requestAnimationFrame(tick);
  }), ms);
}

const server = await serve(dist);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
// Whole stacks in the console log (a panic's cause is far below the panic machinery).
await context.addInitScript(() => { Error.stackTraceLimit = 100; });
const page = await context.newPage();
const logs = [];
page.on('console', (message) => logs.push(`[${message.type()}] ${message.text()}`));
page.on('pageerror', (error) => logs.push(`[pageerror] ${error}`));

// Waits for the game to show `screen` (the `data-screen` attribute, src/game/web_page.rs).
async function screen(page, name) {
  await page.waitForFunction((name) => document.body.dataset.screen === name, name, { timeout: 120000 });
}

// Waits at least `ms` and at least two frames of the page: egui reads the keyboard's
// modifiers once a frame, and SwiftShader on a busy machine draws a frame every second
// or two.
async function settle(page, ms = 1200) {
  await Promise.all([
    page.waitForTimeout(ms),
    page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))),
  ]);
}

// Presses `key` with Ctrl held, each step a frame apart, or typed letters would be
// taken as Ctrl shortcuts (and Ctrl shortcuts as letters).
async function withCtrl(page, key) {
  await settle(page);
  await page.keyboard.down('Control');
  await settle(page);
  await page.keyboard.press(key);
  await settle(page);
  await page.keyboard.up('Control');
  await settle(page);
}

// Types `program` into the code editor (clicked at EDITOR_X, EDITOR_Y) over what was
// there and runs it (Ctrl+Enter); returns the frames drawn over 8 s around the run and
// the page's attributes once the run numbered `run` has finished.
async function runProgram(page, program, run) {
  const x = Number(process.env.EDITOR_X || 1000);
  const y = Number(process.env.EDITOR_Y || 300);
  await page.mouse.click(x, y);
  await withCtrl(page, 'a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(program, { delay: 100 });
  // Counts the frames drawn while the program runs (from before Ctrl+Enter until after
  // the run must have ended).
  const counting = frames(page, 8000);
  await withCtrl(page, 'Enter');
  const during = await counting;
  await page.waitForFunction((run) => Number(document.body.dataset.runs) >= run, run, { timeout: 30000 });
  const verdict = await page.evaluate(() => ({ ...document.body.dataset }));
  return { during, verdict };
}

// Where the buttons are (1280×720, English or French: the browser's language).
const AT = {
  play: [640, 424], // title: "Play" (no profile yet)
  newProfile: [621, 225], // profiles: the "New profile" card
  newName: [530, 315], // its name field
  robot: [529, 409], // the third robot
  create: [518, 480], // "Create and play"
  exportProgress: [396, 122], // map: "Export my progress" (first pack)
  importProgress: [600, 122], // map: "Import my progress…"
  openPack: [97, 149], // teacher's Packs tab: "Open pack…"
  understood: [640, 416], // a notice's "I understand" (e.g. the first badge), else nothing
  packUnderstood: [332, 416], // "I understand" of the "Pack installed" notice
  savePackZip: [113, 327], // "Save as .zip…" of the first pack installed (web-drop)
  examPackUnderstood: [327, 442], // "I understand" of the "Pack installed" notice of an exam
  examsTab: [308, 92], // teacher's screen: the "Exams" tab
  editorOpen: [886, 21], // level editor: "Open…"
  editorSave: [967, 21], // level editor: "Save…"
  editorExport: [1066, 21], // level editor: "Export .zip…" (once the level is saved)
  saveWindowSave: [413, 671], // the Save window's "Save" (a new pack of the library)
  openRonFile: [464, 240], // the Open window's "Open a .ron file…"
};

// A zip archive of `files` ({ name: text }), stored without compression.
function zip(files) {
  const locals = []; const centrals = []; let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name); const data = Buffer.from(text);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data); centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// A level `id` of a corridor with `cells` free cells before the goal.
function corridor(id, cells) {
  const row = '.'.repeat(cells);
  const wall = '#'.repeat(cells + 4);
  return `(id: "${id}", title: (fr: "T", en: "T"), brief: (fr: "B", en: "B"),\n  map: "\n  ${wall}\n  #>${row}G#\n  ${wall}\n", goals: [ReachGoal],\n  solution: "${'move()\\n'.repeat(cells + 1)}")\n`;
}

// A teacher's pack: one level of its own and level 1 of the built-in pack.
function pack(id) {
  return zip({
    [`${id}/pack.ron`]: `(id: "${id}", title: (fr: "Pack ${id}", en: "Pack ${id}"), chapters: [(id: "c", title: (fr: "C", en: "C"), levels: ["a", "codebot/premiers-pas-01"])])\n`,
    [`${id}/levels/a.ron`]: corridor('a', 1),
  });
}

// An exam pack of two levels of its own: corridors of 2 and 3 moves.
function examPack(id) {
  return zip({
    [`${id}/pack.ron`]: `(id: "${id}", title: (fr: "Pack ${id}", en: "Pack ${id}"), exam: (time_limit_minutes: 45), chapters: [(id: "c", title: (fr: "C", en: "C"), levels: ["a", "b"])])\n`,
    [`${id}/levels/a.ron`]: corridor('a', 1),
    [`${id}/levels/b.ron`]: corridor('b', 2),
  });
}

// A student's submission file for the exam pack `pack` (the game writes the same).
function submission(pack, student, levels) {
  const code = Object.fromEntries(Object.entries(levels).map(([id, text]) => [id, { code: text, runs: 1 }]));
  return Buffer.from(JSON.stringify({
    format: 'codebot-submission', format_version: 1, pack, student,
    profile_id: `${student.toLowerCase()}-web`, started_at: 1700000000, submitted_at: 1700000600,
    codebot_version: 'web-check', levels: code, handed_in: true,
  }));
}

// Drops `files` ([{ name, type, bytes }]) on the page's canvas.
async function drop(page, files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const { name, type, bytes } of files) data.items.add(new File([new Uint8Array(bytes)], name, { type }));
    const canvas = document.querySelector('canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, files.map(({ name, type, bytes }) => ({ name, type, bytes: [...bytes] })));
}

// The saves of the profiles in this browser profile (localStorage), as one text.
async function saves(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith('codebot:profiles/'))
    .map((key) => localStorage.getItem(key)).join('\n'));
}

// Whether the pack `id` is kept in the page's localStorage within 30 s.
async function kept(page, id) {
  return page.waitForFunction((id) => localStorage.getItem(`codebot-pack:${id}`) !== null, id, { timeout: 30000 })
    .then(() => true, () => false);
}

// Clicks at `at` and returns the file the page downloads.
async function download(page, at, name) {
  await settle(page);
  const downloading = page.waitForEvent('download', { timeout: 30000 });
  await page.mouse.click(...at);
  const file = await downloading;
  const saved = path.join(shots, `${name}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return saved;
}

// Clicks at `at` (or at each place of a list, a window's button after the button that
// opens the window), which opens the page's file chooser, and gives it `files`. A click
// that lands while SwiftShader is between two slow frames can be lost: after 20 s
// without a file chooser the clicks are made again, as a player would, up to 3 times.
async function upload(page, at, files) {
  const places = Array.isArray(at[0]) ? at : [at];
  for (let attempt = 1; ; attempt++) {
    for (const place of places.slice(0, -1)) {
      await settle(page);
      await page.mouse.click(...place);
      await settle(page, 2500);
    }
    await settle(page);
    const choosing = page.waitForEvent('filechooser', { timeout: 20000 });
    await page.mouse.click(...places[places.length - 1]);
    try {
      const chooser = await choosing;
      await chooser.setFiles(files);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`no file chooser after a click at ${at}: clicking again`);
    }
  }
}

// Clicks at `at` (or at each place of a list in turn) until `done` holds in the page. A
// click that lands while SwiftShader is between two slow frames can be lost: after 15 s
// the clicks are made again, up to 3 times.
async function clickUntil(page, at, done) {
  const places = Array.isArray(at[0]) ? at : [at];
  for (let attempt = 1; ; attempt++) {
    for (const place of places) {
      await settle(page, 2500);
      await page.mouse.click(...place);
    }
    try {
      await page.waitForFunction(done, null, { timeout: 15000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`a click at ${at} changed nothing: clicking again`);
    }
  }
}

// The names of the files in a zip archive (its central directory).
function zipNames(bytes) {
  const names = [];
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0;
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 46)) {
    const length = bytes.readUInt16LE(at + 28);
    names.push(bytes.subarray(at + 46, at + 46 + length).toString('utf8'));
  }
  return names.sort();
}

const level = `${base}?profile=Web+Check&level=codebot/premiers-pas-01`;
try {
  // 1. The title screen, and how long it takes to come.
  const started = Date.now();
  await page.goto(base);
  await screen(page, 'title');
  console.log(`page opened to title screen: ${Date.now() - started} ms`);
  await page.waitForTimeout(1500);
  await shot(page, browser, '1-title');

  // 2. A profile created on the profile screen: "Play", "New profile", a name, a robot,
  // "Create and play".
  await page.waitForTimeout(1200);
  await page.mouse.click(...AT.play);
  await screen(page, 'profiles');
  await page.waitForTimeout(1500);
  await shot(page, browser, '1b-profiles');
  await page.mouse.click(...AT.newProfile);
  await page.waitForTimeout(1500);
  await page.mouse.click(...AT.newName);
  await page.waitForTimeout(1200);
  await page.keyboard.type('Web Check', { delay: 100 });
  await page.waitForTimeout(1200);
  await page.mouse.click(...AT.robot);
  await page.waitForTimeout(1200);
  await shot(page, browser, '1c-new-profile');
  await page.mouse.click(...AT.create);
  await page.waitForFunction(() => !['profiles', 'title'].includes(document.body.dataset.screen), null, { timeout: 30000 });
  const created = await saves(page);
  check(created.includes('"Web Check"') && created.includes('avatar: 2'), 'a profile created on the profile screen is saved (name, robot)');
  await page.waitForTimeout(1500);
  await shot(page, browser, '1d-created');

  // 3. Level 1 (the profile by the page's options), a correct program typed and run.
  await page.goto(level);
  await screen(page, 'level');
  await page.waitForTimeout(1500);
  await shot(page, browser, '2-level');
  const solved = await runProgram(page, 'move()\nmove()\nmove()\nmove()\n', 1);
  console.log(`correct program: ${JSON.stringify(solved.verdict)}`);
  check(solved.verdict.verdict === 'passed', 'level 1 passed');
  await page.waitForTimeout(3000);
  await shot(page, browser, '3-passed');

  // 3. Reloaded: the progress is still there (localStorage).
  await page.reload();
  await screen(page, 'level');
  check((await saves(page)).includes('premiers-pas-01'), 'after a reload the saves still hold level 1');
  await page.waitForTimeout(1500);
  await shot(page, browser, '4-reloaded');

  // 4. An endless loop, then a built-in that never returns (only terminating the worker
  // stops it): the page keeps drawing at its usual pace, and the timeout verdict comes.
  const idle = await frames(page, 8000);
  console.log(`no program running: ${idle.count} frames in 8 s, longest gap ${idle.longest} ms`);
  const programs = [['while True: pass', '5-endless-loop'], ['x = 10**10**8', '6-stuck-builtin']];
  for (const [run, [program, name]] of programs.entries()) {
    const result = await runProgram(page, program, run + 1);
    const answered = Date.now();
    await page.evaluate(() => 1 + 1);
    console.log(`${JSON.stringify(program)}: ${JSON.stringify(result.verdict)}; meanwhile ${result.during.count} frames in 8 s, longest gap ${result.during.longest} ms; page answered in ${Date.now() - answered} ms`);
    // Python on the page's thread would stop the frames for the whole run.
    check(result.during.count * 2 >= idle.count, `${name}: the game kept drawing (at least half its idle frame rate)`);
    check(result.verdict.verdict === 'timeout', `${name}: the timeout verdict`);
    await page.waitForTimeout(1500);
    await shot(page, browser, name);
  }

  // 5. "Export my progress" on the map: a download of the progress file.
  await page.goto(`${base}?profile=Web+Check&screen=map`);
  await screen(page, 'map');
  await page.waitForTimeout(2500);
  await page.mouse.click(...AT.understood);
  await settle(page, 2500);
  await shot(page, browser, '7-map');
  const exported = await download(page, AT.exportProgress, 'export');
  const progress = JSON.parse(fs.readFileSync(exported, 'utf8'));
  console.log(`progress downloaded: ${path.basename(exported)}`);
  check(progress.format === 'codebot-progress' && progress.student === 'Web Check'
    && progress.levels['codebot/premiers-pas-01']?.passed === true,
  'the progress file downloaded holds level 1 passed');
  await page.waitForTimeout(1500);
  await shot(page, browser, '8-exported');

  // 6. Another computer (a fresh browser profile): the same student imports the file.
  const school = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await school.grantPermissions(['clipboard-read', 'clipboard-write']);
  const other = await school.newPage();
  other.on('console', (message) => logs.push(`[school ${message.type()}] ${message.text()}`));
  other.on('pageerror', (error) => logs.push(`[school pageerror] ${error}`));
  await other.goto(`${base}?profile=Web+Check&screen=map`);
  await screen(other, 'map');
  await other.waitForTimeout(2500);
  check(!(await saves(other)).includes('premiers-pas-01'), 'a fresh browser has no progress on level 1');
  await upload(other, AT.importProgress, exported);
  await other.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('codebot:profiles/')
    && localStorage.getItem(key).includes('premiers-pas-01')), null, { timeout: 30000 });
  const imported = await saves(other);
  check(/premiers-pas-01[^)]*passed: true/.test(imported), 'the imported file passed level 1 in the other browser');
  await other.waitForTimeout(1500);
  await shot(other, browser, '9-imported');

  // 7. Copy and paste in the code editor: one line copied, pasted three times = level 1.
  await other.goto(`${base}?profile=Web+Check&level=codebot/premiers-pas-01`);
  await screen(other, 'level');
  await other.waitForTimeout(1500);
  const x = Number(process.env.EDITOR_X || 1000);
  const y = Number(process.env.EDITOR_Y || 300);
  await other.mouse.click(x, y);
  await withCtrl(other, 'a');
  await other.keyboard.press('Delete');
  await other.keyboard.type('move()\n', { delay: 100 });
  await withCtrl(other, 'a');
  await withCtrl(other, 'c');
  await other.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i += 1) await withCtrl(other, 'v');
  await withCtrl(other, 'Enter');
  await other.waitForFunction(() => Number(document.body.dataset.runs) >= 1, null, { timeout: 30000 });
  const pasted = await other.evaluate(() => ({ ...document.body.dataset }));
  console.log(`copied and pasted program: ${JSON.stringify(pasted)}`);
  check(pasted.verdict === 'passed', 'copy and paste in the editor: move() pasted three times passes level 1');
  await other.waitForTimeout(1500);
  await shot(other, browser, '10-pasted');

  // 8. The teacher's screen: a pack from "Open pack…", another dropped on the page.
  await other.goto(`${base}?screen=teacher`);
  await screen(other, 'teacher');
  await other.waitForTimeout(2500);
  await upload(other, AT.openPack, { name: 'web-upload.zip', mimeType: 'application/zip', buffer: pack('web-upload') });
  check(await kept(other, 'web-upload'), 'a pack given to "Open pack…" is installed (localStorage)');
  await other.waitForTimeout(1500);
  await shot(other, browser, '11-pack-uploaded');
  await drop(other, [{ name: 'web-drop.zip', type: 'application/zip', bytes: pack('web-drop') }]);
  check(await kept(other, 'web-drop'), 'a pack dropped on the page is installed (localStorage)');
  await other.waitForTimeout(1500);
  await shot(other, browser, '12-pack-dropped');
  // "Save as .zip…" downloads the pack as it was given.
  await other.mouse.click(...AT.packUnderstood);
  await settle(other, 2500);
  const packZip = await download(other, AT.savePackZip, 'pack');
  check(fs.readFileSync(packZip).equals(pack('web-drop')), `"Save as .zip…" downloads the pack as given (${path.basename(packZip)})`);
  // Still there after a reload: its own level opens.
  await other.goto(`${base}?profile=Web+Check&level=web-drop/a`);
  await screen(other, 'level');
  const solvedOwn = await runProgram(other, 'move()\nmove()\n', 1);
  check(solvedOwn.verdict.verdict === 'passed', 'after a reload the dropped pack\'s level opens and passes');
  await other.waitForTimeout(1500);
  await shot(other, browser, '13-pack-level');

  // 9. The Exams tab: an exam pack dropped on the Packs tab, two students' submissions
  // dropped on the Exams tab, which grades them at once (every program in Web Workers).
  await other.goto(`${base}?screen=teacher`);
  await screen(other, 'teacher');
  await other.waitForTimeout(2500);
  await drop(other, [{ name: 'web-exam.zip', type: 'application/zip', bytes: examPack('web-exam') }]);
  check(await kept(other, 'web-exam'), 'an exam pack dropped on the page is installed (localStorage)');
  await clickUntil(other, [AT.examPackUnderstood, AT.examsTab], () => document.body.dataset.teacherTab === 'exams');
  await settle(other, 2500);
  const json = 'application/json';
  await drop(other, [
    { name: 'alice.submission.json', type: json, bytes: submission('web-exam', 'Alice', { a: 'move()\nmove()\n', b: 'move()\nmove()\nmove()\n' }) },
    { name: 'bob.submission.json', type: json, bytes: submission('web-exam', 'Bob', { a: 'x = 1\n', b: 'move()\n' }) },
  ]);
  await other.waitForFunction(() => Number(document.body.dataset.examGradings) >= 1, null, { timeout: 120000 });
  const grades = await other.evaluate(() => document.body.dataset.examGrades);
  console.log(`exam graded in the browser: ${grades}`);
  check(grades === 'Alice=2/2/6; Bob=0/2/0', 'the exam is graded in the browser (Alice passes both levels, Bob neither)');
  await other.waitForTimeout(1500);
  await shot(other, browser, '14-exam-graded');

  // 10. The level editor's Test: level 1's reference solution on every variant.
  await other.goto(`${base}?edit=codebot/premiers-pas-01&run`);
  await screen(other, 'editor');
  await other.waitForFunction(() => Number(document.body.dataset.editorTests) >= 1, null, { timeout: 60000 });
  const tested = await other.evaluate(() => document.body.dataset.editorTest);
  console.log(`level editor's Test in the browser: ${tested}`);
  check(tested === 'passed', 'the level editor\'s Test passes level 1\'s reference solution in the browser');
  await other.waitForTimeout(1500);
  await shot(other, browser, '15-editor-test');

  // 11. The level editor's files in the browser: "Save…" into this browser's pack
  // library (a new pack), "Export .zip…" downloads that pack, "Open…" opens a level
  // file given to the file chooser, and the saved level plays after a reload.
  const status = () => other.evaluate(() => document.body.dataset.editorStatus);
  await clickUntil(other, [AT.editorSave, AT.saveWindowSave],
    () => document.body.dataset.editorStatus === 'editor-status-saved-browser');
  check(await kept(other, 'mes-niveaux'), 'the level editor saves into the browser\'s pack library (localStorage)');
  await other.waitForTimeout(1500);
  await shot(other, browser, '16-editor-saved');
  const exportedPack = await download(other, AT.editorExport, 'editor');
  const names = zipNames(fs.readFileSync(exportedPack));
  console.log(`pack exported by the level editor: ${path.basename(exportedPack)} holds ${names.join(', ')}`);
  const said = await other.waitForFunction(() => document.body.dataset.editorStatus === 'editor-status-downloaded',
    null, { timeout: 15000 }).then(() => true, () => false);
  check(names.join() === 'mes-niveaux/pack.ron,mes-niveaux/premiers-pas-01.ron' && said,
    'the level editor\'s "Export .zip…" downloads the pack with the level saved, and says so');
  const opened = Number(await other.evaluate(() => document.body.dataset.editorStatuses));
  await upload(other, [AT.editorOpen, AT.openRonFile],
    { name: 'couloir.ron', mimeType: 'text/plain', buffer: Buffer.from(corridor('couloir-web', 3)) });
  await other.waitForFunction((n) => Number(document.body.dataset.editorStatuses) > n, opened, { timeout: 30000 });
  check(await status() === 'editor-status-opened', 'the level editor opens a level file given to "Open…"');
  await other.waitForTimeout(1500);
  await shot(other, browser, '17-editor-opened');
  await other.goto(`${base}?profile=Web+Check&level=mes-niveaux/premiers-pas-01`);
  await screen(other, 'level');
  const solvedSaved = await runProgram(other, 'move()\nmove()\nmove()\nmove()\n', 1);
  check(solvedSaved.verdict.verdict === 'passed', 'after a reload the level saved by the editor opens and passes');
  await school.close();
} finally {
  fs.writeFileSync(path.join(shots, 'console.log'), logs.join('\n'));
  await browser.close();
  server.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
