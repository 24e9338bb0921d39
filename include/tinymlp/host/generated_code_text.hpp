/// \file
/// The text a writer puts into generated C++ (a model header), made safe in one place: identifiers
/// that compile in an Arduino sketch, and comments that stay comments.
///
/// An identifier must not be a C++ keyword (`class`, `new`, `float`), a name the standard reserves
/// (`__x`, `_X`), a macro Arduino.h defines (`abs`, `round`, `PI`, `HIGH`, `INPUT`, `B101`), or a
/// function or type that a sketch already has at global scope (`main`, `setup`, `map`, `sin`, `byte`):
/// a header whose object had such a name would not compile. Any text becomes such an identifier by
/// `sketch_identifier` ("sine model-2" gives "sine_model_2", "class" gives "class_model"). A comment
/// may hold any text but a line end (which would end it and let the rest be compiled) or a backslash
/// (which at the end of a line continues the comment onto the next).
#ifndef TINYMLP_HOST_GENERATED_CODE_TEXT_HPP
#define TINYMLP_HOST_GENERATED_CODE_TEXT_HPP

#include <algorithm>
#include <string>

namespace tinymlp {

namespace detail {

// Lists of words, a space before and after each.

// C++ keywords and alternative tokens (C++20, so that a header stays valid as the language grows).
constexpr const char* cpp_keywords =
    " alignas alignof and and_eq asm auto bitand bitor bool break case catch char char16_t char32_t "
    "char8_t class co_await co_return co_yield compl concept const const_cast consteval constexpr "
    "constinit continue decltype default delete do double dynamic_cast else enum explicit export "
    "extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq "
    "nullptr operator or or_eq private protected public register reinterpret_cast requires return "
    "short signed sizeof static static_assert static_cast struct switch template this thread_local "
    "throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while "
    "xor xor_eq ";

// Arduino.h's macros (ArduinoCore-avr and the 32-bit cores; binary.h's B0 to B11111111 are matched
// by their pattern instead).
constexpr const char* arduino_macros =
    " BIN CHANGE DEC DEFAULT DEG_TO_RAD DISPLAY EULER EXTERNAL EXTERNAL_NUM_INTERRUPTS F FALLING "
    "F_CPU HALF_PI HEX HIGH INPUT INPUT_PULLDOWN INPUT_PULLUP INTERNAL INTERNAL1V1 INTERNAL2V56 "
    "LED_BUILTIN LOW LSBFIRST MSBFIRST NOT_AN_INTERRUPT NOT_A_PIN NOT_A_PORT NOT_ON_TIMER "
    "NUM_ANALOG_INPUTS NUM_DIGITAL_PINS OCT OUTPUT PA PB PC PD PI PIN_A0 PIN_A1 PROGMEM PSTR "
    "RAD_TO_DEG RISING SERIAL SERIAL_8N1 SERIAL_PORT_HARDWARE SERIAL_PORT_MONITOR TIMER0A TIMER0B "
    "TIMER1A TIMER1B TIMER2 TIMER2A TIMER2B TWO_PI _BV abs analogInPinToBit bit bitClear bitRead "
    "bitSet bitToggle bitWrite clockCyclesPerMicrosecond clockCyclesToMicroseconds constrain degrees "
    "digitalPinToBitMask digitalPinToInterrupt digitalPinToPort digitalPinToTimer highByte "
    "interrupts lowByte max microsecondsToClockCycles min noInterrupts portInputRegister "
    "portModeRegister portOutputRegister radians round sei cli sq word ";

// Functions, types and objects a sketch has at global scope: Arduino's API, and the C library that
// Arduino.h includes (math.h, stdlib.h, string.h) and avr-libc adds to it. An object of the same name
// would be a redeclaration.
constexpr const char* sketch_globals =
    " FlashStringHelper Print Serial Serial1 Stream String abort acos acosf analogRead "
    "analogReference analogWrite asin asinf atan atan2 atan2f atanf atexit atof atoi atol "
    "attachInterrupt boolean bsearch byte calloc cbrt cbrtf ceil ceilf copysign cos cosf cosh coshf "
    "delay delayMicroseconds detachInterrupt digitalRead digitalWrite div dtostre dtostrf erf erfc "
    "exit exp exp2 expf expm1 fabs fabsf fdim floor floorf fma fmax fmin fmod fmodf free frexp "
    "getenv hypot init initVariant isfinite isinf isnan itoa labs ldexp ldiv lgamma log log10 log1p "
    "log2 logf loop lrint lround ltoa main makeWord malloc map memchr memcmp memcpy memmove memset "
    "micros millis modf nan noTone pinMode pow powf pulseIn pulseInLong qsort rand random randomSeed "
    "realloc remainder rint round serialEvent setup shiftIn shiftOut signbit sin sinf sinh sinhf "
    "sqrt sqrtf square srand srandom strcat strchr strcmp strcpy strlen strncmp strncpy strstr "
    "strtod strtol strtoul system tan tanf tanh tanhf tgamma tone trunc truncf ultoa utoa yield ";

// Whether `name` is one of the words of `list` (words between spaces, a space first and last).
inline bool listed(const char* list, const std::string& name) {
  return std::string(list).find(" " + name + " ") != std::string::npos;
}

// binary.h: B followed by one to eight binary digits.
inline bool is_binary_macro(const std::string& name) {
  return name.size() >= 2 && name.size() <= 9 && name[0] == 'B' && name.find_first_not_of("01", 1) == std::string::npos;
}

// ASCII only, whatever the locale (<cctype>'s functions follow it: in ISO-8859-1, 0xE4 is a letter).
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter_or_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool is_identifier(const std::string& name) {
  if (name.empty() || is_ascii_digit(name[0])) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_letter_or_digit(c) || c == '_'; });
}

// Reserved to the implementation: a double underscore anywhere, or an underscore first.
inline bool is_reserved(const std::string& name) {
  return name.find("__") != std::string::npos || (!name.empty() && name[0] == '_');
}

}  // namespace detail

/// Why `name` cannot name a header's model in a sketch, or "" when it can: "is a C++ keyword",
/// "is a macro Arduino.h defines", ...
inline std::string why_not_sketch_identifier(const std::string& name) {
  if (!detail::is_identifier(name)) return "is not a C++ identifier (letters, digits and '_', not a digit first)";
  if (detail::is_reserved(name)) return "is reserved to the compiler (it has '__' or starts with '_')";
  if (detail::listed(detail::cpp_keywords, name)) return "is a C++ keyword";
  if (detail::listed(detail::arduino_macros, name) || detail::is_binary_macro(name))
    return "is a macro Arduino.h defines";
  if (detail::listed(detail::sketch_globals, name)) return "is a function, type or object a sketch already has";
  return "";
}

/// A name made from any text (a file name, a model's name) that compiles as a header's model in a
/// sketch: other characters become '_', a name that would start with a digit or '_' gets "model_" in
/// front, and a name taken by C++, the C library or Arduino gets "_model" after it.
inline std::string sketch_identifier(const std::string& text) {
  std::string name;
  for (char c : text) name += detail::is_ascii_letter_or_digit(c) ? c : '_';
  if (name.empty() || detail::is_ascii_digit(name[0]) || name[0] == '_') name = "model_" + name;
  while (name.find("__") != std::string::npos) name.erase(name.find("__"), 1);
  if (!why_not_sketch_identifier(name).empty()) name += "_model";
  return name;
}

/// The include guard of a header whose model is `name`: "SINE_MODEL_HPP_" (ASCII upper case: in a
/// Turkish locale, toupper('i') is not 'I').
inline std::string include_guard(const std::string& name) {
  std::string guard;
  for (char c : name) guard += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return guard + "_HPP_";
}

/// `text` as it may stand anywhere in a // comment of generated code: control characters (a line end
/// would end the comment) become '?', and backslashes '/' (one at a line's end continues the comment).
inline std::string comment_text(const std::string& text) {
  std::string safe = text;
  for (char& c : safe) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) c = '?';
    if (c == '\\') c = '/';
  }
  return safe;
}

}  // namespace tinymlp

#endif
