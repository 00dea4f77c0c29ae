#!/usr/bin/env node
// The `takedown` command. Sources are TypeScript, run through tsx so that there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
