// Opens the in-browser build in headless Chromium and checks the foundations
// (scripts/web-test.sh runs it; docs/web.md): the page loads and the game draws
// (not a blank canvas), a level opens from the page's options, a program typed into
// the editor runs in the sandbox's Web Worker, and `while True: pass` neither freezes
// the page nor the game, which keeps drawing frames until the worker is terminated.
// Prints the numbers it measured; screenshots go to the folder given as second argument.
//
//   node web/browser-check.mjs <dist-dir> <screenshot-dir>
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
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

// Presses `key` with Ctrl held. egui reads the modifiers once a frame, and SwiftShader
// draws only a few frames a second: every step waits longer than a frame, or typed
// letters would be taken as Ctrl shortcuts.
async function withCtrl(page, key) {
  const frame = 1200;
  await page.waitForTimeout(frame);
  await page.keyboard.down('Control');
  await page.waitForTimeout(frame);
  await page.keyboard.press(key);
  await page.waitForTimeout(frame);
  await page.keyboard.up('Control');
  await page.waitForTimeout(frame);
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

const level = `${base}?profile=Web+Check&level=codebot/premiers-pas-01`;
try {
  // 1. The title screen, and how long it takes to come.
  const started = Date.now();
  await page.goto(base);
  await screen(page, 'title');
  console.log(`page opened to title screen: ${Date.now() - started} ms`);
  await page.waitForTimeout(1500);
  await shot(page, browser, '1-title');

  // 2. A profile and level 1 (from the page's options), a correct program typed and run.
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
  const saved = await page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith('codebot:profiles/'))
    .map((key) => localStorage.getItem(key)).join('\n'));
  check(saved.includes('premiers-pas-01'), 'after a reload the saves still hold level 1');
  await page.waitForTimeout(1500);
  await shot(page, browser, '4-reloaded');

  // 4. An endless loop: the page keeps answering and drawing, the timeout verdict comes.
  const looped = await runProgram(page, 'while True: pass', 1);
  const answered = Date.now();
  await page.evaluate(() => 1 + 1);
  console.log(`endless loop: ${JSON.stringify(looped.verdict)}; meanwhile ${looped.during.count} frames in 8 s, longest gap ${looped.during.longest} ms; page answered in ${Date.now() - answered} ms`);
  check(looped.during.count >= 8 && looped.during.longest < 1500, 'the game kept drawing while the program looped');
  check(looped.verdict.verdict === 'timeout', 'the endless loop ended with the timeout verdict');
  await page.waitForTimeout(1500);
  await shot(page, browser, '5-timeout');
} finally {
  fs.writeFileSync(path.join(shots, 'console.log'), logs.join('\n'));
  await browser.close();
  server.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
