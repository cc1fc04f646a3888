#!/usr/bin/env node
// The command's launcher: committed, so package managers can link it before dist/ is built.
import '../dist/cli.js';
