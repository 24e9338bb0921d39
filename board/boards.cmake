# The boards, each declared once: every consumer (board/ and its sketches, bench/on_target's probes and
# bench/on_target.sh, the board tests, the compiler runs in tests/) reads this table; adding a board is
# one tinymlp_board() call.
#
# tinymlp_board(<name>
#   DISPLAY <text>             how tables name it
#   COMPILER <program>         the C++ compiler (a C driver where there is no libstdc++: it compiles the
#                              .cpp files as C++ and links without it)
#   FLAGS <flag>...            for compiling and linking, before the project's device flags
#   [WARNINGS <flag>...]       more warnings for its firmware than the project's device flags: where a
#                              double is a software double, no float may be promoted to one
#   [LINK_FLAGS <flag>...]     after the sources (linker script, sections)
#   [RUNTIME <source>...]      start-up and console, relative to board/ (none: the C library's own)
#   [ARDUINO_FQBN <fqbn>]      sketches are built by arduino-builder for this board; without it they are
#                              built with COMPILER and board/arduino_shim, and end after their loops
#   RUN <runner>               a board/ script or a tool that board/ builds: <runner> <elf> [options]
#   [SKETCH_RUN_OPTIONS <o>...] for running a sketch; @LINES@ becomes the lines to wait for
#   [MEASURE_OPTIONS <o>...]   for running a probe
#   SIZE <program>             binutils' size for its ELF files
#   PROBES <kind>              how bench/on_target's probes measure it: `regions` (the runner times
#                              the regions a probe marks, in cycles, and paints the stack) or `clock`
#                              (the probe counts instructions itself); each probe has a source per kind
#   LIMITS <key>=<n>...        what the tests allow: inference, int8_inference, hybrid_inference,
#                              step (time of one, in the probe's time_unit), inference_frames,
#                              hybrid_inference_frames and step_frames (stack bytes beyond the
#                              activation buffers (and a hybrid model's quantized row) or the training
#                              memory), optionally
#                              classifier_inference and int8_classifier_inference (the 714-50-15-4
#                              classifier's probes, on the boards they are built for),
#                              step_ram (static RAM plus stack of a step) and static_ram_padding
#                              (bytes the linker script may add when it aligns the end of .bss))
#
# The LIMITS of speed and stack stay about 10% above what bench/on_target.sh measures. The
# inference_frames of the Cortex-M4F hold the 64 B of FPU registers its Dense kernel saves (it keeps a
# layer's inputs in them); those of the soft-float 32-bit boards the list of a layer's nonzero inputs.
include_guard(GLOBAL)

set(TINYMLP_BOARD_DIR ${CMAKE_CURRENT_LIST_DIR} CACHE INTERNAL "")
set(tinymlp_board_fields DISPLAY COMPILER FLAGS WARNINGS LINK_FLAGS RUNTIME ARDUINO_FQBN RUN SKETCH_RUN_OPTIONS
                         MEASURE_OPTIONS SIZE PROBES LIMITS)

function(tinymlp_board name)
  cmake_parse_arguments(PARSE_ARGV 1 board "" "DISPLAY;COMPILER;ARDUINO_FQBN;RUN;SIZE;PROBES"
                        "FLAGS;WARNINGS;LINK_FLAGS;RUNTIME;SKETCH_RUN_OPTIONS;MEASURE_OPTIONS;LIMITS")
  foreach(required DISPLAY COMPILER FLAGS RUN SIZE PROBES)
    if(NOT board_${required})
      message(FATAL_ERROR "board/boards.cmake: the board ${name} needs ${required}")
    endif()
  endforeach()
  string(TOUPPER ${name} NAME)
  find_program(TINYMLP_${NAME}_COMPILER ${board_COMPILER})
  find_program(TINYMLP_${NAME}_SIZE ${board_SIZE})
  set(board_COMPILER ${TINYMLP_${NAME}_COMPILER})
  set(board_SIZE ${TINYMLP_${NAME}_SIZE})
  list(TRANSFORM board_RUNTIME PREPEND ${TINYMLP_BOARD_DIR}/)
  foreach(field ${tinymlp_board_fields})
    set_property(GLOBAL PROPERTY TINYMLP_BOARD_${name}_${field} "${board_${field}}")
  endforeach()
  set_property(GLOBAL APPEND PROPERTY TINYMLP_BOARDS ${name})
endfunction()

# tinymlp_board_get(<variable> <board> <field>): the field as declared (RUN: a command, the tool's path).
function(tinymlp_board_get variable board field)
  get_property(boards GLOBAL PROPERTY TINYMLP_BOARDS)
  if(NOT board IN_LIST boards)
    message(FATAL_ERROR "no board ${board} in board/boards.cmake (it has ${boards})")
  endif()
  get_property(value GLOBAL PROPERTY TINYMLP_BOARD_${board}_${field})
  if(field STREQUAL "RUN")
    if(TARGET ${value})
      set(value $<TARGET_FILE:${value}>)
    else()
      set(value ${TINYMLP_BOARD_DIR}/${value})
    endif()
  endif()
  set(${variable} "${value}" PARENT_SCOPE)
endfunction()

# tinymlp_board_limit(<variable> <board> <key> [OPTIONAL]): the LIMITS value of <key>; a missing
# one is an error unless OPTIONAL (then the variable is empty).
function(tinymlp_board_limit variable board key)
  tinymlp_board_get(limits ${board} LIMITS)
  set(value)
  foreach(limit ${limits})
    if(limit MATCHES "^${key}=(.+)$")
      set(value ${CMAKE_MATCH_1})
    endif()
  endforeach()
  if(value STREQUAL "" AND NOT "${ARGN}" STREQUAL "OPTIONAL")
    message(FATAL_ERROR "board/boards.cmake: the board ${board} has no limit ${key}= in its LIMITS")
  endif()
  set(${variable} ${value} PARENT_SCOPE)
endfunction()

# The boards. Cortex-M: arm-none-eabi-gcc with board/cortex_m4's startup and semihosting console; -L is
# where the two linker scripts find their shared cortex_m_sections.ld.
set(strict_warnings -Wconversion -Wdouble-promotion -Wsign-conversion)
set(cortex_m_runtime cortex_m4/startup.cpp cortex_m4/semihosting_console.cpp)
set(cortex_m_link_flags -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections
                        -L${TINYMLP_BOARD_DIR}/cortex_m4)

# The ATmega328P of an Arduino Uno at 16 MHz, run by simavr (board/simavr/run_on_uno.cpp); its sketches
# never end, so the runner stops them after the lines the host printed. avr-libc declares its float
# maths with double, of float's size: no -Wdouble-promotion.
tinymlp_board(uno DISPLAY "ATmega328P, 16 MHz (Uno; simavr)"
  COMPILER avr-g++ FLAGS -mmcu=atmega328p WARNINGS -Wconversion -Wsign-conversion
  LINK_FLAGS -Wl,--gc-sections
  ARDUINO_FQBN arduino:avr:uno RUN run-on-uno SKETCH_RUN_OPTIONS --lines @LINES@ SIZE avr-size PROBES regions
  LIMITS inference=30200 int8_inference=5450 step=114000 inference_frames=60 step_frames=85 step_ram=1800
         hybrid_inference=30000 hybrid_inference_frames=72)

# A Cortex-M4F, run on QEMU's mps2-an386.
tinymlp_board(cortex_m4 DISPLAY "Cortex-M4F (QEMU mps2-an386)"
  COMPILER arm-none-eabi-gcc FLAGS -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 WARNINGS ${strict_warnings}
  LINK_FLAGS ${cortex_m_link_flags} -T ${TINYMLP_BOARD_DIR}/cortex_m4/mps2_an386.ld RUNTIME ${cortex_m_runtime}
  RUN cortex_m4/run-on-cortex-m4.sh MEASURE_OPTIONS -icount shift=0 SIZE arm-none-eabi-size PROBES clock
  LIMITS inference=540 int8_inference=1140 step=5000 inference_frames=110 step_frames=136
         hybrid_inference=2900 hybrid_inference_frames=104 classifier_inference=51500
         int8_classifier_inference=64000)

# The Cortex-M0+ of RP2040 and SAMD21 boards (no FPU: soft float), run on QEMU's microbit (nRF51).
tinymlp_board(cortex_m0 DISPLAY "Cortex-M0+ (QEMU microbit, nRF51)"
  COMPILER arm-none-eabi-gcc FLAGS -mcpu=cortex-m0plus -mthumb WARNINGS ${strict_warnings}
  LINK_FLAGS ${cortex_m_link_flags} -T ${TINYMLP_BOARD_DIR}/cortex_m0/microbit_nrf51.ld RUNTIME ${cortex_m_runtime}
  RUN cortex_m0/run-on-cortex-m0.sh MEASURE_OPTIONS -icount shift=0 SIZE arm-none-eabi-size PROBES clock
  LIMITS inference=20200 int8_inference=3600 step=75500 inference_frames=124 step_frames=176
         hybrid_inference=18500 hybrid_inference_frames=128)

# 32-bit RISC-V as on the ESP32-C3 (rv32imc: soft float), run on QEMU's virt machine. picolibc's
# semihosting crt0 and stdio stand in for a startup and a console (so console_host.cpp serves); flash
# and RAM are placed where virt has memory, and picolibc's script aligns the end of .bss to 8 bytes.
tinymlp_board(riscv32 DISPLAY "RISC-V rv32imc (QEMU virt)"
  COMPILER riscv64-unknown-elf-gcc FLAGS -march=rv32imc -mabi=ilp32 --specs=picolibc.specs --oslib=semihost
                                         --crt0=semihost WARNINGS ${strict_warnings}
  LINK_FLAGS -Wl,--gc-sections -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x200000
             -Wl,--defsym=__ram=0x80200000 -Wl,--defsym=__ram_size=0x200000 -Wl,--defsym=__stack_size=0x1000
  RUNTIME console_host.cpp RUN riscv32/run-on-riscv32.sh MEASURE_OPTIONS -icount shift=0
  SIZE riscv64-unknown-elf-size PROBES clock
  LIMITS inference=19200 int8_inference=2700 step=71500 inference_frames=136 step_frames=208 static_ram_padding=7
         hybrid_inference=14800 hybrid_inference_frames=132)
