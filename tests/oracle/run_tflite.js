// Runs a .tflite file in TFLite's own runtime (the WebAssembly build of npm @tensorflow/tfjs-tflite,
// XNNPACK delegate, one thread) and prints its output for each input line.
//   node run_tflite.js <tfjs-tflite package folder> <model.tflite> <inputs.txt>
// inputs.txt: one input vector a line, values separated by spaces. Output: one line per input, the
// output tensor's values separated by spaces; floats with 9 significant digits, integers as they are.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

async function main() {
  const [packageFolder, modelPath, inputsPath] = process.argv.slice(2);
  if (!inputsPath) throw new Error('usage: run_tflite.js <tfjs-tflite folder> <model.tflite> <inputs.txt>');
  const wasmFolder = path.join(packageFolder, 'wasm');
  const context = {console, process, require, __dirname: wasmFolder, __filename: 'tflite_web_api_cc.js', module: {},
                   exports: {}, WebAssembly, TextDecoder, TextEncoder, URL, performance, setTimeout, clearTimeout};
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(wasmFolder, 'tflite_web_api_cc.js'), 'utf8') +
                      '\nthis.factory = tflite_web_api_ModuleFactory;',
                  context);
  const module = await context.factory({wasmBinary: fs.readFileSync(path.join(wasmFolder, 'tflite_web_api_cc.wasm'))});
  const model = fs.readFileSync(modelPath);
  const pointer = module._malloc(model.length);
  module.HEAPU8.set(model, pointer);
  const created = module.TFLiteWebModelRunner.CreateFromBufferAndOptions(
      pointer, model.length, {numThreads: 1, enableProfiling: false, maxProfilingBufferEntries: 1024});
  if (!created.ok()) throw new Error(`${modelPath}: TFLite refuses the model: ${created.errorMessage()}`);
  const runner = created.value();
  const lines = fs.readFileSync(inputsPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const out = [];
  lines.forEach((line, index) => {
    const values = line.trim().split(/\s+/).map(Number);
    const input = runner.GetInputs().get(0).data();
    if (values.length !== input.length)
      throw new Error(`${inputsPath}:${index + 1}: ${values.length} values, the model takes ${input.length}`);
    input.set(values);
    if (!runner.Infer()) throw new Error(`${modelPath}: inference failed on input line ${index + 1}`);
    const output = runner.GetOutputs().get(0).data();
    const isFloat = /Float/.test(Object.prototype.toString.call(output));  // typed arrays of the vm context: no instanceof
    out.push(Array.from(output, (v) => (isFloat ? v.toPrecision(9) : String(v))).join(' '));
  });
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
