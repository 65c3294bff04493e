// Opens a leaderboard.html in headless Debian Chromium (through playwright-core), fails on any console error or
// page error, clicks the primary measure's header and checks the rows come out sorted ascending, then descending on a
// second click, types into the filter box and checks rows hide, and takes a screenshot.
// Usage: node scripts/check-leaderboard-html.mjs LEADERBOARD.html SCREENSHOT.png   (see check-leaderboard-html.sh)
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [page_path, shot] = process.argv.slice(2);
if (!page_path || !shot) {
  console.error('usage: node check-leaderboard-html.mjs LEADERBOARD.html SCREENSHOT.png');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('request', r => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`); });
  await page.goto(pathToFileURL(page_path).href);

  const column = await page.$$eval('#leaderboard thead th', ths => ths.findIndex(th => th.querySelector('strong')));
  if (column < 0) throw new Error('no primary-measure header (<th><strong>) in #leaderboard');
  const values = () => page.$$eval('#leaderboard tbody tr', (rows, i) => rows.map(r => parseFloat(r.cells[i].getAttribute('data-value'))), column);
  const header = page.locator('#leaderboard thead th').nth(column);
  const rows = (await values()).length;
  await header.click();
  const up = await values();
  if (up.some((v, i) => i > 0 && up[i - 1] > v)) problems.push(`not ascending after one click: ${up.join(' ')}`);
  if ((await header.getAttribute('aria-sort')) !== 'ascending') problems.push('header not marked aria-sort=ascending');
  await header.click();
  const down = await values();
  if (down.some((v, i) => i > 0 && down[i - 1] < v)) problems.push(`not descending after two clicks: ${down.join(' ')}`);

  const firstSampler = await page.$eval('#leaderboard tbody tr td:nth-child(5)', td => td.textContent);
  await page.fill('#filter', firstSampler);
  const visible = await page.$$eval('#leaderboard tbody tr', rs => rs.filter(r => !r.hidden).length);
  if (!(visible > 0 && visible <= rows)) problems.push(`filter '${firstSampler}' left ${visible} of ${rows} rows visible`);
  await page.fill('#filter', '');
  await page.screenshot({ path: shot, fullPage: false });
  console.log(`${rows} rows; sorted by column ${column} ascending and descending; filter '${firstSampler}' kept ${visible}; screenshot ${shot}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
