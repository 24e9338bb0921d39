// Runs a .tflite file in TFLite's own runtime (tflite_runtime.js) on each input line and compares its
// outputs with a program's (a line per input, values separated by spaces) within 1e-5 * max(1, |y|).
//   node same_as_tflite.js <tfjs-tflite package folder> <model.tflite> <inputs.txt> <outputs.txt>
'use strict';
const fs = require('fs');
const {loadTflite} = require('./tflite_runtime.js');

const numberLines = (path) =>
  fs.readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => line.trim().split(/\s+/).map(Number));

async function main() {
  const [packageFolder, modelPath, inputsPath, outputsPath] = process.argv.slice(2);
  if (!outputsPath) throw new Error('usage: same_as_tflite.js <tfjs-tflite folder> <model.tflite> <inputs.txt> <outputs.txt>');
  const model = (await loadTflite(packageFolder)).open(fs.readFileSync(modelPath), modelPath);
  const inputs = numberLines(inputsPath), outputs = numberLines(outputsPath);
  if (inputs.length !== outputs.length) throw new Error(`${inputs.length} inputs, ${outputs.length} output lines`);
  let largest = 0, failures = 0;
  inputs.forEach((input, line) => {
    const want = model.run(input, `${inputsPath}:${line + 1}`).values;
    const have = outputs[line];
    if (want.length !== have.length) throw new Error(`line ${line + 1}: TFLite gives ${want.length} outputs, the program ${have.length}`);
    want.forEach((y, k) => {
      const error = Math.abs(have[k] - y) / (1e-5 * Math.max(1, Math.abs(y)));
      largest = Math.max(largest, error);
      if (!(error <= 1)) {
        failures++;
        process.stdout.write(`line ${line + 1}, output ${k}: TFLite ${y.toPrecision(9)}, tinymlp ${have[k]}\n`);
      }
    });
  });
  process.stdout.write(`${inputs.length} inputs; largest error ${largest.toPrecision(3)} of the tolerance 1e-5 * max(1, |y|)\n`);
  if (failures) process.exit(1);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
