#!/usr/bin/env bash
# On-target figures of the 1-16-16-1 sine model, as two tables. Inference, float and int8
# (examples/SineInt8): time per inference, mean over the sweep of x (least to most); flash and static
# RAM of the model (float: SineInference's over SineBaseline, the same sketch without the model;
# int8: the int8 probe's over the same probe without the model); the deepest stack of an inference
# (stack painting). Training: one in-place SGD step (batch 1) of TrainOnDevice's, over 100 from
# random weights, and its RAM, static (the probe's .data + .bss; on the 32-bit boards over the same
# probe without the step) plus its deepest stack. Boards: the ATmega328P (simavr's cycles, exact),
# and in QEMU with -icount shift=0 (instructions) the Cortex-M4F (mps2-an386), the Cortex-M0+
# (microbit, an nRF51) and 32-bit RISC-V rv32imc (virt). Installs what it needs; takes under a
# minute once the tools are built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" tests

build="$root/build/board"
boards=(uno cortex_m4 cortex_m0 riscv32)
declare -A board_name=([uno]="ATmega328P, 16 MHz (Uno; simavr)" [cortex_m4]="Cortex-M4F (QEMU mps2-an386)"
  [cortex_m0]="Cortex-M0+ (QEMU microbit, nRF51)" [riscv32]="RISC-V rv32imc (QEMU virt)")
declare -A size_tool=([uno]=avr-size [cortex_m4]=arm-none-eabi-size [cortex_m0]=arm-none-eabi-size
  [riscv32]=riscv64-unknown-elf-size)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_EXAMPLES=OFF \
  -DTINYMLP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target run-on-uno inference_probes int8_inference_probes int8_no_model_probes \
  training_probes no_training_probes "${boards[@]/#/SineInference_}" "${boards[@]/#/SineBaseline_}" >/dev/null

probes="$build/bench/on_target"
run_probe() {  # board elf: the key=value lines the probe prints
  if [ "$1" = uno ]; then
    "$build/board/run-on-uno" "$2" 2>/dev/null
  else
    "$root/board/$1/run-on-${1//_/-}.sh" "$2" -icount shift=0 | tr -d '\r'
  fi
}
value_of() { sed -n "s/^$1=//p" <<<"$2"; }
time_of() {  # figures key unit: "<mean> <unit> (<least> to <most>)"
  printf '%.0f %s (%.0f to %.0f)' "$(value_of "$2_mean" "$1")" "$3" "$(value_of "$2_min" "$1")" \
    "$(value_of "$2_max" "$1")"
}

# Flash is text + data (data's initial values live in flash); static RAM is data + bss.
flash_of() { "${size_tool[$1]}" -A "$2" | awk '$1 == ".text" || $1 == ".data" { sum += $2 } END { print sum }'; }
ram_of() { "${size_tool[$1]}" -A "$2" | awk '$1 == ".data" || $1 == ".bss" { sum += $2 } END { print sum + 0 }'; }
sketch_elf() {  # sketch folder board
  if [ "$2" = uno ]; then echo "$1/uno/$(basename "$1").ino.elf"; else echo "$1/$2.elf"; fi
}
over() {  # measure board elf baseline_elf: the elf's figure less the baseline's
  echo "$(($("$1" "$2" "$3") - $("$1" "$2" "$4")))"
}

declare -A float_figures int8_figures
for board in "${boards[@]}"; do
  float_figures[$board]=$(run_probe "$board" "$probes/inference_probes/$board.elf")
  int8_figures[$board]=$(run_probe "$board" "$probes/int8_inference_probes/$board.elf")
done
printf '| 1-16-16-1 sine model | | per inference: mean over the sweep of x (least to most) | flash for the model | static RAM for the model | peak stack of an inference (activation buffers: float %s B, int8 %s B) |\n' \
  "$(value_of activation_bytes "${float_figures[riscv32]}")" "$(value_of activation_bytes "${int8_figures[riscv32]}")"
printf '|---|---|---|---|---|---|\n'
for board in "${boards[@]}"; do
  if [ "$board" = uno ]; then time_key=region_cycles unit=cycles stack_key=region_stack_bytes; else
    time_key=instructions_per_inference unit=instructions stack_key=inference_stack_bytes
  fi
  sketch=$(sketch_elf "$build/board/SineInference" "$board")
  baseline=$(sketch_elf "$probes/SineBaseline" "$board")
  float=${float_figures[$board]}
  printf '| %s | float | %s | %s B | %s B | %s B |\n' "${board_name[$board]}" "$(time_of "$float" $time_key $unit)" \
    "$(over flash_of "$board" "$sketch" "$baseline")" "$(over ram_of "$board" "$sketch" "$baseline")" \
    "$(value_of $stack_key "$float")"
  int8=${int8_figures[$board]}
  no_model="$probes/int8_no_model_probes/$board.elf"
  printf '| | int8 | %s | %s B | %s B | %s B |\n' "$(time_of "$int8" $time_key $unit)" \
    "$(over flash_of "$board" "$probes/int8_inference_probes/$board.elf" "$no_model")" \
    "$(over ram_of "$board" "$probes/int8_inference_probes/$board.elf" "$no_model")" "$(value_of $stack_key "$int8")"
done

printf '\n| one SGD step in place (batch 1), TrainOnDevice'"'"'s, over 100 from random weights | per step: mean (least to most) | RAM: static (model, Sgd, workspace) + peak stack |\n'
printf '|---|---|---|\n'
for board in "${boards[@]}"; do
  probe="$probes/training_probes/$board.elf"
  figures=$(run_probe "$board" "$probe")
  if [ "$board" = uno ]; then
    step=$(time_of "$figures" region_cycles cycles)
    static_ram=$(ram_of uno "$probe")
    stack=$(value_of region_stack_bytes "$figures")
  else
    step=$(time_of "$figures" instructions_per_step instructions)
    static_ram=$(over ram_of "$board" "$probe" "$probes/no_training_probes/$board.elf")
    stack=$(value_of step_stack_bytes "$figures")
  fi
  printf '| %s | %s | %s B + %s B = %s B |\n' "${board_name[$board]}" "$step" "$static_ram" "$stack" \
    "$((static_ram + stack))"
done
