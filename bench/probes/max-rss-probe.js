// Preloaded into a Hipcheck process by bench/gzip-bomb.ts (node --import …): prints the process's
// peak resident set size when it exits, as `max-rss-kib N` on stderr. Plain JavaScript, so that it
// loads into any version of Hipcheck, the reference one included.
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
