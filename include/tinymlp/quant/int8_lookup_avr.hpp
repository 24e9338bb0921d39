/// \file
/// Int8Lookup's loop on an AVR with the table in flash (int8_lookup.hpp includes it there), 13 cycles a
/// value and 3 a group of `Group`: ld the input through X, flip its sign bit (the entry's index), lpm
/// the entry at table + index through Z, st it through Z (X and Z are the pointer registers a function
/// with a frame pointer leaves free). The compiler's loop spends 17 to 20 cycles a value.
/// bench/on_target/activations/int8_activations_on_uno.cpp holds it against the portable loop on every
/// input, in groups and one by one.
#ifndef TINYMLP_QUANT_INT8_LOOKUP_AVR_HPP
#define TINYMLP_QUANT_INT8_LOOKUP_AVR_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

// y[i] = table[x[i] ^ 0x80] for Group * Groups values, x and y advanced past them. It clobbers
// "memory", so the compiler neither delays the inputs' stores nor reads the outputs early (memory
// operands for them would need pointer registers, of which X and Z are taken and Y may be the frame's);
// volatile, as its only outputs are the pointers, which a caller may not read again.
template <unsigned Group, unsigned Groups>
__attribute__((always_inline)) inline void look_up_in_groups(const int8_t* table, const int8_t*& x, int8_t*& y) {
  static_assert(Groups > 0 && Groups <= 255, "look_up_in_groups counts its groups in one byte");
  uint8_t groups = Groups;
  uint8_t value;
  __asm__ __volatile__(
      "1:\n\t"
      ".rept %[group]\n\t"
      "ld %[value], X+\n\t"
      "subi %[value], 0x80\n\t"
      "movw r30, %[table]\n\t"
      "add r30, %[value]\n\t"
      "adc r31, __zero_reg__\n\t"
      "lpm %[value], Z\n\t"
      "movw r30, %[y]\n\t"
      "st Z+, %[value]\n\t"
      "movw %[y], r30\n\t"
      ".endr\n\t"
      "dec %[groups]\n\t"
      "brne 1b"
      : [groups] "+r"(groups), [value] "=&d"(value), "+x"(x), [y] "+r"(y)
      : [group] "n"(Group), [table] "r"(table)
      : "r30", "r31", "memory");
}

// Groups of `Group` lookups, in calls of at most 255 groups.
template <unsigned Group, size_t Groups, bool Any = (Groups > 0)>
struct LookupsInGroups {
  __attribute__((always_inline)) static void run(const int8_t*, const int8_t*&, int8_t*&) {}
};
template <unsigned Group, size_t Groups>
struct LookupsInGroups<Group, Groups, true> {
  __attribute__((always_inline)) static void run(const int8_t* table, const int8_t*& x, int8_t*& y) {
    const unsigned now = Groups < 255 ? static_cast<unsigned>(Groups) : 255u;
    look_up_in_groups<Group, now>(table, x, y);
    LookupsInGroups<Group, Groups - now>::run(table, x, y);
  }
};

/// y[i] = table[x[i] ^ 0x80] for Width values, the table in flash: groups of four, then the rest.
template <size_t Width>
inline void look_up_in_flash(const int8_t* table, const int8_t* x, int8_t* y) {
  LookupsInGroups<4, Width / 4>::run(table, x, y);
  LookupsInGroups<1, Width % 4>::run(table, x, y);
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif
