// What a reader's first search loads of a site's search index: opens TOPIC of SITE from disk in
// headless Chromium (CHROME_PATH) and, on a fresh page for each query of QUERIES ('|'-separated),
// types it a letter every DELAY ms, waits for the results, and prints the index files loaded and
// their size, raw and gzip-compressed (gzip -9), with the first results.
//
// usage: node bench/search_load.mjs SITE TOPIC DELAY QUERIES     (bench/search-index.sh runs it)
// needs: playwright-core on NODE_PATH (the judges' npm packages), Chromium.
import { createRequire } from 'module';
import { readFileSync } from 'fs';
import { gzipSync } from 'zlib';
import { pathToFileURL } from 'url';
import path from 'path';

const require = createRequire(path.join(process.env.NODE_PATH.split(':')[0], 'noop.js'));
const { chromium } = require('playwright-core');
const [site, topic, delay, queries] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const query of queries.split('|')) {
    const page = await browser.newPage();
    const files = [];
    page.on('request', request => { if (request.url().includes('/search-index')) files.push(new URL(request.url())); });
    await page.goto(pathToFileURL(path.join(site, topic)).href);
    await page.click('#sg_search');
    await page.keyboard.type(query, { delay: Number(delay) });
    await page.waitForSelector('#sg_results:not([aria-busy]) li', { timeout: 60000 });
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    const found = await page.$$eval('#sg_results [role=option][id] .result-question', options => options.map(o => o.textContent));
    console.log(`   first search "${query}": ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw,`
      + ` ${(gzip / 1024).toFixed(1)} KB gzip; ${found.length} results, first: ${found[0] || '(none)'}`);
    await page.close();
  }
} finally {
  await browser.close();
}
