// The README's screenshots of the HTML pages (#21), made from the sources with Debian's Chromium:
//   node --import tsx scripts/html-screenshots.mjs
// writes tests/__screenshots__/readme/check.png (the seed's check page, a repeated phrase hovered)
// and tests/__screenshots__/readme/indicators.png (the charts of series/guangdong and series/national).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../src/cli/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const OUT = join(ROOT, 'tests', '__screenshots__', 'readme');
const tmp = mkdtempSync(join(tmpdir(), 'baogao-shots-'));
const quiet = { write: () => true };
const io = { stdout: quiet, stderr: { write: (s) => process.stderr.write(s) }, cwd: ROOT };

await main(['check', '../shared/corpus/000_304eac767b8a3bea.txt', '--format', 'html', '-o', join(tmp, 'check.html')], io);
await main(['indicators', join(CORPUS, 'series', 'guangdong'), join(CORPUS, 'series', 'national'), '-o', join(tmp, 'indicators.html')], io);

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  let page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(pathToFileURL(join(tmp, 'check.html')).href);
  const k = await page.evaluate(() => document.querySelector('li[data-rule="repeated-phrase"]').dataset.f);
  await page.click(`#l0-${k} a`);
  await page.waitForTimeout(2300); // the highlight fades
  await page.hover(`#m0-${k}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'check.png') });
  await page.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(pathToFileURL(join(tmp, 'indicators.html')).href);
  await page.screenshot({ path: join(OUT, 'indicators.png') });
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`wrote ${join(OUT, 'check.png')} and ${join(OUT, 'indicators.png')}`);
