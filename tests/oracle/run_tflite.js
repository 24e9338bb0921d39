// Runs a .tflite file in TFLite's own runtime (tflite_runtime.js) and prints its output for each input
// line, as the fixtures' *.tflite_wasm.txt tables are printed.
//   node run_tflite.js <tfjs-tflite package folder> <model.tflite> <inputs.txt>
// inputs.txt: one input vector a line, values separated by spaces. Output: one line per input, the
// output tensor's values separated by spaces; floats with 9 significant digits, integers as they are.
'use strict';
const fs = require('fs');
const {loadTflite} = require('./tflite_runtime.js');

async function main() {
  const [packageFolder, modelPath, inputsPath] = process.argv.slice(2);
  if (!inputsPath) throw new Error('usage: run_tflite.js <tfjs-tflite folder> <model.tflite> <inputs.txt>');
  const model = (await loadTflite(packageFolder)).open(fs.readFileSync(modelPath), modelPath);
  const lines = fs.readFileSync(inputsPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const out = lines.map((line, index) => {
    const result = model.run(line.trim().split(/\s+/).map(Number), `${inputsPath}:${index + 1}`);
    return result.values.map((v) => (result.isFloat ? v.toPrecision(9) : String(v))).join(' ');
  });
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
