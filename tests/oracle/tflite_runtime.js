// TFLite's own runtime in Node: the WebAssembly build of npm @tensorflow/tfjs-tflite (XNNPACK
// delegate, one thread), loaded in a vm context as ../shared/fixtures/tflite/README.md describes.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

// The runtime from the package folder; resolves to {open(modelBytes, what)}, whose result has
// run(values) -> the output tensor's values (an Array) and isFloat.
async function loadTflite(packageFolder) {
  const wasmFolder = path.join(packageFolder, 'wasm');
  const context = {console, process, require, __dirname: wasmFolder, __filename: 'tflite_web_api_cc.js', module: {},
                   exports: {}, WebAssembly, TextDecoder, TextEncoder, URL, performance, setTimeout, clearTimeout};
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(wasmFolder, 'tflite_web_api_cc.js'), 'utf8') +
                      '\nthis.factory = tflite_web_api_ModuleFactory;',
                  context);
  const module = await context.factory({wasmBinary: fs.readFileSync(path.join(wasmFolder, 'tflite_web_api_cc.wasm'))});
  return {
    open(model, what) {
      const pointer = module._malloc(model.length);
      module.HEAPU8.set(model, pointer);
      const created = module.TFLiteWebModelRunner.CreateFromBufferAndOptions(
          pointer, model.length, {numThreads: 1, enableProfiling: false, maxProfilingBufferEntries: 1024});
      if (!created.ok()) throw new Error(`${what}: TFLite refuses the model: ${created.errorMessage()}`);
      const runner = created.value();
      return {
        run(values, where) {
          const input = runner.GetInputs().get(0).data();
          if (values.length !== input.length)
            throw new Error(`${where}: ${values.length} values, the model takes ${input.length}`);
          input.set(values);
          if (!runner.Infer()) throw new Error(`${where}: inference failed`);
          const output = runner.GetOutputs().get(0).data();
          // Typed arrays of the vm context: no instanceof.
          return {values: Array.from(output), isFloat: /Float/.test(Object.prototype.toString.call(output))};
        },
      };
    },
  };
}

module.exports = {loadTflite};
