// Holds tinymlp's int8 operator outputs against TFLite's runtime: for each case of a cases file (written
// by a tinymlp program), a one-operator int8 model is made with flatc from tinymlp's schema, run in
// TFLite (tflite_runtime.js) on the case's inputs, and its outputs compared with tinymlp's, integer for
// integer. Prints each case's result; exits 1 on any difference.
//   node check_int8_cases.js <tfjs-tflite folder> <flatc> <tflite_mlp.fbs> <cases.txt> <scratch folder>
// cases.txt, per case:  case OP input_scale input_zero_point output_scale output_zero_point beta width
//                       (beta is LEAKY_RELU's alpha)
//                       then pairs of lines "in v..." and "out v..." (tinymlp's outputs).
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');
const {loadTflite} = require('./tflite_runtime.js');

const builtinCodes = {LOGISTIC: 14, TANH: 28, SOFTMAX: 25, RELU: 19, RELU6: 21, LEAKY_RELU: 98};

function modelJson(op, inputScale, inputZeroPoint, outputScale, outputZeroPoint, beta, width) {
  const tensor = (name, buffer, scale, zeroPoint) =>
      ({shape: [1, width], type: 'INT8', buffer, name, quantization: {scale: [scale], zero_point: [zeroPoint]}});
  const operator = {opcode_index: 0, inputs: [0], outputs: [1]};
  if (op === 'SOFTMAX') Object.assign(operator, {builtin_options_type: 'SoftmaxOptions', builtin_options: {beta}});
  // LEAKY_RELU's alpha travels in the case line's beta field.
  if (op === 'LEAKY_RELU') Object.assign(operator, {builtin_options_type: 'LeakyReluOptions', builtin_options: {alpha: beta}});
  return {
    version: 3,
    operator_codes: [{deprecated_builtin_code: builtinCodes[op], builtin_code: op, version: 2}],
    subgraphs: [{tensors: [tensor('x', 1, inputScale, inputZeroPoint), tensor('y', 2, outputScale, outputZeroPoint)],
                 inputs: [0], outputs: [1], operators: [operator], name: 'main'}],
    description: 'tinymlp oracle case', buffers: [{}, {}, {}]};
}

async function main() {
  const [packageFolder, flatc, schema, casesPath, scratch] = process.argv.slice(2);
  if (!scratch) throw new Error('usage: check_int8_cases.js <tfjs-tflite folder> <flatc> <schema> <cases.txt> <scratch>');
  fs.mkdirSync(scratch, {recursive: true});
  const tflite = await loadTflite(packageFolder);
  const lines = fs.readFileSync(casesPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  let failures = 0, cases = 0, values = 0;
  for (let i = 0; i < lines.length;) {
    const header = lines[i++].split(/\s+/);
    if (header[0] !== 'case') throw new Error(`${casesPath}:${i}: expected a case line`);
    const [op, inputScale, inputZeroPoint, outputScale, outputZeroPoint, beta, width] =
        [header[1], ...header.slice(2).map(Number)];
    const jsonPath = path.join(scratch, `case${cases}.json`);
    fs.writeFileSync(jsonPath, JSON.stringify(
        modelJson(op, inputScale, inputZeroPoint, outputScale, outputZeroPoint, beta, width)));
    execFileSync(flatc, ['-o', scratch, '-b', schema, jsonPath]);
    const model = tflite.open(fs.readFileSync(path.join(scratch, `case${cases}.tflite`)), header.join(' '));
    let differences = 0;
    while (i < lines.length && lines[i].startsWith('in ')) {
      const input = lines[i++].slice(3).trim().split(/\s+/).map(Number);
      const wanted = lines[i++].slice(4).trim().split(/\s+/).map(Number);
      const got = model.run(input, `${casesPath}:${i}`).values;
      got.forEach((v, k) => {
        if (v !== wanted[k]) {
          if (differences < 5) console.log(`  ${header.slice(1).join(' ')}: input ${input[k]} (at ${k}): TFLite ${v}, tinymlp ${wanted[k]}`);
          ++differences;
        }
      });
      values += got.length;
    }
    console.log(`${differences === 0 ? 'same' : 'DIFFERENT'}: ${header.slice(1).join(' ')}${differences ? ` (${differences} values)` : ''}`);
    if (differences) ++failures;
    ++cases;
  }
  console.log(`${cases} cases, ${values} values, ${failures} cases differ`);
  process.exit(failures ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
