#!/usr/bin/env node
// Entry point for `news-archive` / `npx news-archive`: registers tsx so the TypeScript sources run with no compile step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./cli.ts');
process.exitCode = await run(process.argv.slice(2));
