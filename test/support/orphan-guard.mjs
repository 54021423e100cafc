// Preloaded into every bot process the e2e harness spawns (`node --import <this> dist/main.js`).
// If the test runner dies without cleaning up (worker killed, SIGKILL), the bot would keep
// polling forever; this makes it exit once its parent is gone. Test-only scaffolding: it does not
// touch the bot, and its timer is unref'd so it never keeps the process alive.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(70);
}, 1000).unref();
