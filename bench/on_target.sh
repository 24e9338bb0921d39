#!/usr/bin/env bash
# On-target figures of the 1-16-16-1 sine model, float and int8 (examples/SineInt8), as one table: per inference, cycles on the
# ATmega328P (simavr, exact) and instructions on a Cortex-M4F (QEMU with -icount shift=0); flash and
# static RAM of SineInference over the same sketch without the model (SineBaseline: same sweep,
# printing and LED); the deepest stack of an inference (stack painting); and one in-place SGD step
# (batch 1) on the ATmega328P: cycles, and static RAM plus its deepest stack. Installs what it needs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" tests

build="$root/build/board"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_EXAMPLES=OFF \
  -DTINYMLP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target run-on-uno inference_probes SineInference_uno SineInference_cortex_m4 \
  SineBaseline_uno SineBaseline_cortex_m4 training_probes >/dev/null

probes="$build/bench/on_target"
uno_probe() { "$build/board/run-on-uno" "$probes/$1/cycles_on_uno.elf" 2>/dev/null; }
cortex_m4_probe() {
  "$root/board/cortex_m4/run-on-cortex-m4.sh" "$probes/$1/instructions_on_cortex_m4.elf" -icount shift=0 | tr -d '\r'
}
uno=$(uno_probe inference_probes)
cortex_m4=$(cortex_m4_probe inference_probes)
uno_int8=$(uno_probe int8_inference_probes)
cortex_m4_int8=$(cortex_m4_probe int8_inference_probes)
training=$("$build/board/run-on-uno" "$build/bench/on_target/training_step_on_uno.elf" 2>/dev/null)
value_of() { sed -n "s/^$1=//p" <<<"$2"; }

# Flash is text + data (data's initial values live in flash); static RAM is data + bss.
flash_of() { "$1" -A "$2" | awk '$1 == ".text" || $1 == ".data" { sum += $2 } END { print sum }'; }
ram_of() { "$1" -A "$2" | awk '$1 == ".data" || $1 == ".bss" { sum += $2 } END { print sum + 0 }'; }
over_baseline() {  # measure size_tool: SineInference's figure less SineBaseline's, on one board
  local measure=$1 size_tool=$2 board=$3 with without
  if [ "$board" = uno ]; then
    with=$("$measure" "$size_tool" "$build/board/SineInference/uno/SineInference.ino.elf")
    without=$("$measure" "$size_tool" "$build/bench/on_target/SineBaseline/uno/SineBaseline.ino.elf")
  else
    with=$("$measure" "$size_tool" "$build/board/SineInference/cortex_m4.elf")
    without=$("$measure" "$size_tool" "$build/bench/on_target/SineBaseline/cortex_m4.elf")
  fi
  echo $((with - without))
}

# The int8 model's flash and static RAM: its probe's less the same probe without the model.
int8_over_no_model() {  # measure size_tool elf_name
  echo $(($("$1" "$2" "$probes/int8_inference_probes/$3") - $("$1" "$2" "$probes/int8_no_model_probes/$3")))
}

printf '| 1-16-16-1 sine model | ATmega328P, 16 MHz (Uno): float | int8 | Cortex-M4F (mps2-an386): float | int8 |\n'
printf '|---|---|---|---|---|\n'
printf '| per inference, mean over the sweep of x | %.0f cycles (%s to %s) | %.0f cycles (%s to %s) | %.0f instructions | %.0f instructions |\n' \
  "$(value_of region_cycles_mean "$uno")" "$(value_of region_cycles_min "$uno")" "$(value_of region_cycles_max "$uno")" \
  "$(value_of region_cycles_mean "$uno_int8")" "$(value_of region_cycles_min "$uno_int8")" \
  "$(value_of region_cycles_max "$uno_int8")" "$(value_of instructions_per_inference_mean "$cortex_m4")" \
  "$(value_of instructions_per_inference_mean "$cortex_m4_int8")"
printf '| flash for the model (float: over the same sketch without it; int8: over the probe without it) | %s B | %s B | %s B | %s B |\n' \
  "$(over_baseline flash_of avr-size uno)" "$(int8_over_no_model flash_of avr-size cycles_on_uno.elf)" \
  "$(over_baseline flash_of arm-none-eabi-size cortex_m4)" \
  "$(int8_over_no_model flash_of arm-none-eabi-size instructions_on_cortex_m4.elf)"
printf '| static RAM for the model | %s B | %s B | %s B | %s B |\n' \
  "$(over_baseline ram_of avr-size uno)" "$(int8_over_no_model ram_of avr-size cycles_on_uno.elf)" \
  "$(over_baseline ram_of arm-none-eabi-size cortex_m4)" \
  "$(int8_over_no_model ram_of arm-none-eabi-size instructions_on_cortex_m4.elf)"
printf '| peak stack of an inference (activation buffers: float %s B, int8 %s B) | %s B | %s B | %s B | %s B |\n' \
  "$(value_of activation_bytes "$cortex_m4")" "$(value_of activation_bytes "$cortex_m4_int8")" \
  "$(value_of region_stack_bytes "$uno")" "$(value_of region_stack_bytes "$uno_int8")" \
  "$(value_of inference_stack_bytes "$cortex_m4")" "$(value_of inference_stack_bytes "$cortex_m4_int8")"
