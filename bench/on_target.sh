#!/usr/bin/env bash
# On-target figures of the 1-16-16-1 sine model, as two tables. Inference, float, int8
# (examples/SineInt8) and hybrid (int8 weights, float activations, as tinymlp-convert --hybrid writes
# it): time per inference, mean over the sweep of x (least to most); flash and static RAM of the
# model (float: SineInference's over SineBaseline, the same sketch without the model; int8 and hybrid:
# the probe's over the same probe without the model); the deepest stack of an inference (stack
# painting). Training: one in-place SGD step (batch 1) of TrainOnDevice's, over 100 from random
# weights, and its RAM, static (the probe's .data + .bss over the same probe without the step)
# plus its deepest stack. Boards: those of board/boards.cmake (the ATmega328P in simavr's cycles,
# exact; the Cortex-M4F, the Cortex-M0+ and 32-bit RISC-V in QEMU with -icount shift=0, instructions).
# On the Cortex-M4F an estimated cycle figure follows the instructions: the probe run again under QEMU's
# instruction trace, each instruction of an inference priced with the Cortex-M4's documented cycle
# counts (bench/cortex_m4_cycles.py). Then the 714-50-15-4 classifier on the Cortex-M4F, float and int8,
# beside CMSIS-NN's figure, and the int8 activations on the ATmega328P (LOGISTIC from its flash table,
# SOFTMAX over 6 classes in each runtime's arithmetic), each beside its target. Installs what it needs; takes a few minutes once the tools are built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" tests

build="$root/build/board"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_EXAMPLES=OFF \
  -DTINYMLP_BUILD_BENCHMARKS=OFF >/dev/null
# boards, and by board board_display, board_run and board_measure_options (what runs a probe) and board_size:
# board/boards.cmake's table, as CMake writes it out.
source "$build/board/boards.sh"
cmake --build "$build" -j "$(nproc)" --target run-on-uno inference_probes int8_inference_probes int8_no_model_probes \
  hybrid_inference_probes hybrid_no_model_probes training_probes no_training_probes classifier_probes \
  int8_classifier_probes int8_logistic_on_uno int8_softmax_cpu_runtime_on_uno int8_softmax_tflite_micro_on_uno \
  "${boards[@]/#/SineInference_}" "${boards[@]/#/SineBaseline_}" >/dev/null

probes="$build/bench/on_target"
run_probe() {  # board elf: the key=value lines the probe prints
  # shellcheck disable=SC2086 # the options are words
  "${board_run[$1]}" "$2" ${board_measure_options[$1]} 2>/dev/null | tr -d '\r'
}
value_of() { sed -n "s/^$1=//p" <<<"$2"; }
time_of() {  # figures: "<mean> <unit> (<least> to <most>)"
  printf '%.0f %s (%.0f to %.0f)' "$(value_of time_mean "$1")" "$(value_of time_unit "$1")" \
    "$(value_of time_min "$1")" "$(value_of time_max "$1")"
}

# ", about N cycles" for a Cortex-M4 inference probe (nothing on other boards): the edges of QEMU's
# instruction trace (each executed instruction's address after the one before), priced by
# bench/cortex_m4_cycles.py over the probe's infer() and what it calls.
cycles_of() {  # board elf
  [ "$1" = cortex_m4 ] || return 0
  # shellcheck disable=SC2086 # the options are words
  "${board_run[$1]}" "$2" ${board_measure_options[$1]} -singlestep -d exec,nochain -D /dev/stdout 2>/dev/null |
    awk '/^Trace/ { split($4, field, "/"); if (last != "") edges[last " " field[2]]++; last = field[2] }
         END { for (edge in edges) print edge, edges[edge] }' |
    python3 "$root/bench/cortex_m4_cycles.py" "$2" _Z5infer | sed -n 's/^cycles=//p' | xargs printf ', about %.0f cycles'
}

# Flash is text + data (data's initial values live in flash); static RAM is data + bss.
flash_of() { "${board_size[$1]}" -A "$2" | awk '$1 == ".text" || $1 == ".data" { sum += $2 } END { print sum }'; }
ram_of() { "${board_size[$1]}" -A "$2" | awk '$1 == ".data" || $1 == ".bss" { sum += $2 } END { print sum + 0 }'; }
over() {  # measure board elf baseline_elf: the elf's figure less the baseline's
  echo "$(($("$1" "$2" "$3") - $("$1" "$2" "$4")))"
}

declare -A float_figures int8_figures hybrid_figures
for board in "${boards[@]}"; do
  float_figures[$board]=$(run_probe "$board" "$probes/inference_probes/$board.elf")
  int8_figures[$board]=$(run_probe "$board" "$probes/int8_inference_probes/$board.elf")
  hybrid_figures[$board]=$(run_probe "$board" "$probes/hybrid_inference_probes/$board.elf")
done
printf '| 1-16-16-1 sine model | | per inference: mean over the sweep of x (least to most) | flash for the model | static RAM for the model | peak stack of an inference (activation buffers: float %s B, int8 %s B) |\n' \
  "$(value_of activation_bytes "${float_figures[${boards[0]}]}")" \
  "$(value_of activation_bytes "${int8_figures[${boards[0]}]}")"
printf '|---|---|---|---|---|---|\n'
for board in "${boards[@]}"; do
  sketch="$build/board/SineInference/$board.elf"
  baseline="$probes/SineBaseline/$board.elf"
  float=${float_figures[$board]}
  printf '| %s | float | %s%s | %s B | %s B | %s B |\n' "${board_display[$board]}" "$(time_of "$float")" \
    "$(cycles_of "$board" "$probes/inference_probes/$board.elf")" \
    "$(over flash_of "$board" "$sketch" "$baseline")" "$(over ram_of "$board" "$sketch" "$baseline")" \
    "$(value_of stack_bytes "$float")"
  int8=${int8_figures[$board]}
  with_model="$probes/int8_inference_probes/$board.elf"
  no_model="$probes/int8_no_model_probes/$board.elf"
  printf '| | int8 | %s%s | %s B | %s B | %s B |\n' "$(time_of "$int8")" "$(cycles_of "$board" "$with_model")" \
    "$(over flash_of "$board" "$with_model" "$no_model")" "$(over ram_of "$board" "$with_model" "$no_model")" \
    "$(value_of stack_bytes "$int8")"
  hybrid=${hybrid_figures[$board]}
  with_model="$probes/hybrid_inference_probes/$board.elf"
  no_model="$probes/hybrid_no_model_probes/$board.elf"
  target=""
  [ "$board" = uno ] && target=" (target: under 30,000 cycles, 3 KB)"
  printf '| | hybrid%s | %s | %s B | %s B | %s B |\n' "$target" "$(time_of "$hybrid")" \
    "$(over flash_of "$board" "$with_model" "$no_model")" "$(over ram_of "$board" "$with_model" "$no_model")" \
    "$(value_of stack_bytes "$hybrid")"
done

# The 714-50-15-4 classifier (the shape of Arduino's gesture tutorial; random weights), on the Cortex-M4F
# only, beside CMSIS-NN's int8 kernels on the same shape, same simulator and probe (issue 16's figure).
printf '\n| 714-50-15-4 classifier (random weights), one inference | float | int8 | CMSIS-NN int8 |\n'
printf '|---|---|---|---|\n'
classifier_float=$(run_probe cortex_m4 "$probes/classifier_probes/cortex_m4.elf")
classifier_int8=$(run_probe cortex_m4 "$probes/int8_classifier_probes/cortex_m4.elf")
printf '| %s | %s%s | %s%s | 73571 instructions |\n' "${board_display[cortex_m4]}" \
  "$(printf '%.0f %s' "$(value_of time_mean "$classifier_float")" "$(value_of time_unit "$classifier_float")")" \
  "$(cycles_of cortex_m4 "$probes/classifier_probes/cortex_m4.elf")" \
  "$(printf '%.0f %s' "$(value_of time_mean "$classifier_int8")" "$(value_of time_unit "$classifier_int8")")" \
  "$(cycles_of cortex_m4 "$probes/int8_classifier_probes/cortex_m4.elf")"

# The int8 activations on the ATmega328P (bench/on_target/activations): cycles per call, mean over the
# probe's calls (LOGISTIC: 16 values a call, all 256 inputs; SOFTMAX: 64 rows of 6 random int8 values).
activations="$build/bench/on_target/activation_probe"
logistic=$(run_probe uno "$activations/int8_logistic_on_uno.elf")
softmax_cpu=$(run_probe uno "$activations/int8_softmax_cpu_runtime_on_uno.elf")
softmax_micro=$(run_probe uno "$activations/int8_softmax_tflite_micro_on_uno.elf")
printf '\n| int8 activation on the %s | cycles: mean (least to most) | target |\n' "${board_display[uno]}"
printf '|---|---|---|\n'
printf '| LOGISTIC (or TANH), per value | %.1f | under 20 |\n' \
  "$(awk -v c="$(value_of time_mean "$logistic")" 'BEGIN { print c / 16 }')"
printf '| SOFTMAX, 6 classes, TFLite'"'"'s CPU runtime'"'"'s arithmetic | %s | under 1,500 |\n' "$(time_of "$softmax_cpu")"
printf '| SOFTMAX, 6 classes, TensorFlow Lite Micro'"'"'s arithmetic | %s | measured beside it |\n' "$(time_of "$softmax_micro")"

printf '\n| one SGD step in place (batch 1), TrainOnDevice'"'"'s, over 100 from random weights | per step: mean (least to most) | RAM: static (model, Sgd, workspace) + peak stack |\n'
printf '|---|---|---|\n'
for board in "${boards[@]}"; do
  probe="$probes/training_probes/$board.elf"
  figures=$(run_probe "$board" "$probe")
  static_ram=$(over ram_of "$board" "$probe" "$probes/no_training_probes/$board.elf")
  stack=$(value_of stack_bytes "$figures")
  printf '| %s | %s | %s B + %s B = %s B |\n' "${board_display[$board]}" "$(time_of "$figures")" "$static_ram" \
    "$stack" "$((static_ram + stack))"
done
