#!/usr/bin/env node
// Compiles src/*.sol with the pinned solc (package.json) through its
// standard-JSON interface, which, unlike solcjs's command line, can set the EVM
// version. Writes build/<Contract>.abi.json, build/<Contract>.bin and
// build/combined.json (the solc --combined-json shape abigen reads).
//
// Output is deterministic: the same sources and compiler give the same files,
// which is what the drift check relies on.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

// EVM version the bytecode targets. Prague (mainnet since May 2025) rather
// than Osaka: solc emits the same code for both here, and Prague bytecode also
// runs on chains that have not adopted Osaka yet. See RATIONALE.md.
const EVM_VERSION = 'prague';
const SOLC_VERSION = '0.8.37';
const CONTRACTS = ['MockUSDC', 'Registry', 'Escrow', 'Attestations', 'RewardsPool', 'Stake', 'Credits'];

const root = __dirname;
const srcDir = path.join(root, 'src');
const outDir = path.join(root, 'build');

if (!solc.version().startsWith(SOLC_VERSION + '+')) {
  console.error(`build: solc ${solc.version()} is not the pinned ${SOLC_VERSION}; run npm ci`);
  process.exit(1);
}

const evmVersion = process.env.EVM_VERSION || EVM_VERSION;

const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[`src/${f}`] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 10000 },
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: Object.fromEntries(
      Object.keys(sources).map((f) => [f, { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] }]),
    ),
  },
};

function findImports(p) {
  // Only package imports (e.g. @openzeppelin/contracts/...) resolve, from node_modules.
  const file = path.join(root, 'node_modules', p);
  if (!file.startsWith(path.join(root, 'node_modules') + path.sep) || !fs.existsSync(file)) {
    return { error: `not found: ${p}` };
  }
  return { contents: fs.readFileSync(file, 'utf8') };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const e of output.errors || []) {
  console.error(e.formattedMessage || e.message);
  if (e.severity === 'error') failed = true;
}
if (failed || !output.contracts) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
const combined = { contracts: {}, version: solc.version() };
for (const name of CONTRACTS) {
  const file = `src/${name}.sol`;
  const c = output.contracts[file] && output.contracts[file][name];
  if (!c) {
    console.error(`build: ${file}:${name} missing from solc output`);
    process.exit(1);
  }
  const abi = JSON.stringify(c.abi, null, 2) + '\n';
  const bin = c.evm.bytecode.object;
  fs.writeFileSync(path.join(outDir, `${name}.abi.json`), abi);
  fs.writeFileSync(path.join(outDir, `${name}.bin`), bin + '\n');
  combined.contracts[`${file}:${name}`] = {
    abi: c.abi,
    bin,
    'bin-runtime': c.evm.deployedBytecode.object,
  };
}
fs.writeFileSync(path.join(outDir, 'combined.json'), JSON.stringify(combined, null, 1) + '\n');
console.error(`build: solc ${solc.version()}, evmVersion ${evmVersion}: ${CONTRACTS.join(', ')} -> build/`);
