#!/usr/bin/env node
// `npm run bench`: the benchmark runner (bench/run.ts), run through tsx like the CLI. See bench/README.md.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
