// run-on-uno: runs an AVR program on a simulated Arduino Uno (simavr's ATmega328P at 16 MHz), writes
// what it sends over the serial port to stdout and stops when
//   - it has printed --lines N lines (a sketch's loop() never returns),
//   - the program ends (avr-libc's exit sleeps with interrupts off), or
//   - --max-cycles is reached, which is an error: a simulation must never run unbounded.
// Measured regions: the program writes 1 to GPIOR0, a spare I/O register, where a region starts
// and 2 where it ends. The runner counts the cycles in between and paints the free stack at the
// start to find, at the end, how deep the region's stack went. Their figures follow the output as
// key=value lines, named as the 32-bit boards' probes name theirs: regions, time_unit=cycles,
// time_min, time_mean, time_max (cycles of a region) and stack_bytes (the deepest).
#include <simavr/avr_uart.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_io.h>

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

const char* const usage = "usage: run-on-uno PROGRAM.elf [--lines N] [--max-cycles N]\n";
const avr_io_addr_t gpior0 = 0x3E;  // its data-space address on the ATmega328P
const uint8_t region_start = 1, region_end = 2;
const uint8_t stack_paint = 0xA5;
const uint16_t ram_start = 0x100;

struct Options {
  const char* program = nullptr;
  long lines = -1;                                // no limit
  unsigned long long max_cycles = 2000000000ull;  // 125 s of the Uno's time
};

struct Session {
  avr_t* avr = nullptr;
  uint16_t static_ram_end = 0;  // first byte after .data and .bss
  long lines_left = -1;
  bool printed_enough = false;
  uint64_t region_started_at = 0;
  uint16_t stack_pointer_at_start = 0;
  std::vector<uint64_t> region_cycles;
  unsigned deepest_stack = 0;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int k = 1; k < argc; ++k) {
    const std::string argument = argv[k];
    if (argument == "--lines" && k + 1 < argc) {
      options.lines = std::atol(argv[++k]);
    } else if (argument == "--max-cycles" && k + 1 < argc) {
      options.max_cycles = std::strtoull(argv[++k], nullptr, 10);
    } else if (!options.program && argument[0] != '-') {
      options.program = argv[k];
    } else {
      std::fputs(usage, stderr);
      std::exit(2);
    }
  }
  if (!options.program) {
    std::fputs(usage, stderr);
    std::exit(2);
  }
  return options;
}

// simavr's messages go to stderr, so that stdout carries only what the program printed.
void log_to_stderr(avr_t* avr, const int level, const char* format, va_list arguments) {
  if (!avr || level <= avr->log) std::vfprintf(stderr, format, arguments);
}

uint16_t stack_pointer(const avr_t* avr) { return static_cast<uint16_t>(avr->data[R_SPL] | avr->data[R_SPH] << 8); }

void on_serial_byte(avr_irq_t*, uint32_t value, void* context) {
  Session& session = *static_cast<Session*>(context);
  const char c = static_cast<char>(value);
  if (c == '\r') return;  // Serial.println ends lines with \r\n
  std::putchar(c);
  if (c == '\n' && session.lines_left > 0 && --session.lines_left == 0) session.printed_enough = true;
}

void on_marker(avr_t* avr, avr_io_addr_t address, uint8_t value, void* context) {
  Session& session = *static_cast<Session*>(context);
  avr->data[address] = value;
  if (value == region_start) {
    // The stack grows down from the top of RAM; SP points at the next free byte.
    session.stack_pointer_at_start = stack_pointer(avr);
    std::memset(avr->data + session.static_ram_end, stack_paint,
                session.stack_pointer_at_start + 1u - session.static_ram_end);
    session.region_started_at = avr->cycle;
  } else if (value == region_end) {
    session.region_cycles.push_back(avr->cycle - session.region_started_at);
    uint16_t deepest = session.static_ram_end;
    while (deepest <= session.stack_pointer_at_start && avr->data[deepest] == stack_paint) ++deepest;
    const unsigned depth = session.stack_pointer_at_start + 1u - deepest;
    if (depth > session.deepest_stack) session.deepest_stack = depth;
  }
}

void report_regions(const Session& session) {
  if (session.region_cycles.empty()) return;
  uint64_t least = session.region_cycles[0], most = 0, total = 0;
  for (uint64_t cycles : session.region_cycles) {
    least = cycles < least ? cycles : least;
    most = cycles > most ? cycles : most;
    total += cycles;
  }
  std::printf("regions=%zu\ntime_unit=cycles\ntime_min=%llu\ntime_mean=%.1f\ntime_max=%llu\nstack_bytes=%u\n",
              session.region_cycles.size(), static_cast<unsigned long long>(least),
              static_cast<double>(total) / static_cast<double>(session.region_cycles.size()),
              static_cast<unsigned long long>(most), session.deepest_stack);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  avr_global_logger_set(log_to_stderr);
  elf_firmware_t firmware;
  std::memset(&firmware, 0, sizeof(firmware));
  if (elf_read_firmware(options.program, &firmware) != 0) {
    std::fprintf(stderr, "run-on-uno: cannot read %s\n", options.program);
    return 2;
  }
  Session session;
  session.avr = avr_make_mcu_by_name("atmega328p");
  if (!session.avr || avr_init(session.avr) != 0) {
    std::fputs("run-on-uno: simavr has no atmega328p\n", stderr);
    return 2;
  }
  avr_t* const avr = session.avr;
  avr->log = LOG_ERROR;
  avr->frequency = 16000000;
  avr_load_firmware(avr, &firmware);
  session.static_ram_end = static_cast<uint16_t>(ram_start + firmware.datasize + firmware.bsssize);
  session.lines_left = options.lines;

  uint32_t uart_flags = 0;
  avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &uart_flags);
  uart_flags &= ~AVR_UART_FLAG_STDIO;  // the runner prints the bytes itself
  avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &uart_flags);
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), on_serial_byte, &session);
  avr_register_io_write(avr, gpior0, on_marker, &session);

  int state = cpu_Running;
  while (state != cpu_Done && state != cpu_Crashed && !session.printed_enough && avr->cycle < options.max_cycles)
    state = avr_run(avr);
  std::fflush(stdout);
  if (state == cpu_Crashed) {
    std::fprintf(stderr, "run-on-uno: the program crashed after %llu cycles\n",
                 static_cast<unsigned long long>(avr->cycle));
    return 3;
  }
  if (state != cpu_Done && !session.printed_enough) {
    std::fprintf(stderr, "run-on-uno: stopped at the limit of %llu cycles\n", options.max_cycles);
    return 4;
  }
  report_regions(session);
  return 0;
}
