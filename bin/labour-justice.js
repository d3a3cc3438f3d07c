#!/usr/bin/env node
// The installed command runs the compiled CLI; `npm ci` builds it (the `prepare` script).
import '../dist/cli/main.js';
