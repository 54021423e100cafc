// `npm start`'s first step. With dev dependencies installed (a clone after `npm install`), it
// compiles, so `npm start` always runs the current source. Without them (`npm ci --omit=dev`
// after a build, or the Docker image), it uses the compiled dist/ as it is: tsc is a dev
// dependency and is not there to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let hasCompiler = true;
try {
  require.resolve('typescript');
} catch {
  hasCompiler = false;
}

if (hasCompiler) {
  execSync('npm run build', { stdio: 'inherit' });
} else if (!existsSync('dist/main.js')) {
  process.stderr.write('dist/main.js is missing and TypeScript is not installed: run `npm run build` where dev dependencies are installed, then copy dist/ here.\n');
  process.exit(1);
}
