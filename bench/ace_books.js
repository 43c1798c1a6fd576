// Ace on many books in one node process and one Chromium (bench/bench_agreement.py).
//
// The same checks as `ace --outdir OUT --force --silent --timeout MS BOOK` (ace-cli 1.4.6)
// for each book, but node, Ace's modules and the browser start once instead of once a
// book: ace-cli launches Chromium for every book and closes it after; here the runner's
// launch opens the browser the first time only and its close waits for the end. Each
// content document still gets its own fresh page, as in ace-cli.
//
//   node ace_books.js NODE_MODULES JOBS.json TIMEOUT_MS
//
// JOBS.json lists [book, outdir] pairs; each book's report.json goes to its outdir
// (a book Ace cannot open gets none, as with ace-cli). A line `done N` on stdout says
// that the Nth book is over, so that the caller can stop a book that hangs.
'use strict';

const fs = require('fs');
const path = require('path');

const modules = process.argv[2];
const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf-8'));
const timeout = Number(process.argv[4]);
const need = name => require(path.join(modules, name));

need('@daisy/ace-logger').initLogger({ verbose: false, silent: true, fileName: 'ace-cli.log' });
const ace = need('@daisy/ace-core');
const runner = need('@daisy/ace-axe-runner-puppeteer');

let launched = false;
const oneBrowser = Object.assign(Object.create(runner), {
  launch: async () => {
    if (!launched) {
      await runner.launch();
      launched = true;
    }
  },
  close: async () => {},
});

(async () => {
  for (const [index, [book, outdir]] of jobs.entries()) {
    const options = { cwd: process.cwd(), outdir, verbose: false, silent: true, jobId: '', timeout };
    try {
      await ace(book, { ...options }, oneBrowser);
    } catch (first) {
      // once more in a fresh browser, as ace-cli would have run it
      if (launched) await runner.close().catch(() => {});
      launched = false;
      try {
        await ace(book, { ...options }, oneBrowser);
      } catch (err) {
        process.stderr.write(`${book}: ${err && err.message ? err.message : err}\n`);
      }
    }
    process.stdout.write(`done ${index}\n`);
  }
  if (launched) await runner.close();
  process.exit(0);
})();
