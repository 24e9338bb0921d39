// What Arduino.h (ArduinoCore-avr, with binary.h, WString.h, Print.h and pins_arduino.h) defines
// before a sketch includes tinymlp.hpp: many short lowercase function-like macros, and object-like
// ones with common names. Like Arduino.h, it includes the C headers first, so the macros do not
// rewrite their declarations.
#ifndef TINYMLP_TESTS_ARDUINO_MACROS_HPP
#define TINYMLP_TESTS_ARDUINO_MACROS_HPP

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__AVR__)
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/pgmspace.h>
#endif

#define HIGH 0x1
#define LOW 0x0
#define INPUT 0x0
#define OUTPUT 0x1
#define INPUT_PULLUP 0x2

#define PI 3.1415926535897932384626433832795
#define HALF_PI 1.5707963267948966192313216916398
#define TWO_PI 6.283185307179586476925286766559
#define DEG_TO_RAD 0.017453292519943295769236907684886
#define RAD_TO_DEG 57.295779513082320876798154814105
#define EULER 2.718281828459045235360287471352

#define SERIAL 0x0
#define DISPLAY 0x1
#define LSBFIRST 0
#define MSBFIRST 1
#define CHANGE 1
#define FALLING 2
#define RISING 3
#define DEFAULT 1
#define EXTERNAL 0
#define INTERNAL 3
#define INTERNAL1V1 2
#define INTERNAL2V56 3

#ifdef abs
#undef abs
#endif
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define abs(x) ((x) > 0 ? (x) : -(x))
#define constrain(amt, low, high) ((amt) < (low) ? (low) : ((amt) > (high) ? (high) : (amt)))
#define round(x) ((x) >= 0 ? (long)((x) + 0.5) : (long)((x)-0.5))
#define radians(deg) ((deg)*DEG_TO_RAD)
#define degrees(rad) ((rad)*RAD_TO_DEG)
#define sq(x) ((x) * (x))

#define interrupts() sei()
#define noInterrupts() cli()
#define F_CPU 16000000L
#define clockCyclesPerMicrosecond() (F_CPU / 1000000L)
#define clockCyclesToMicroseconds(a) ((a) / clockCyclesPerMicrosecond())
#define microsecondsToClockCycles(a) ((a)*clockCyclesPerMicrosecond())

#define lowByte(w) ((uint8_t)((w)&0xff))
#define highByte(w) ((uint8_t)((w) >> 8))
#define bitRead(value, bit) (((value) >> (bit)) & 0x01)
#define bitSet(value, bit) ((value) |= (1UL << (bit)))
#define bitClear(value, bit) ((value) &= ~(1UL << (bit)))
#define bitToggle(value, bit) ((value) ^= (1UL << (bit)))
#define bitWrite(value, bit, bitvalue) ((bitvalue) ? bitSet(value, bit) : bitClear(value, bit))
#define bit(b) (1UL << (b))
#ifndef _BV
#define _BV(bit) (1 << (bit))
#endif

typedef unsigned int word;
typedef bool boolean;
typedef uint8_t byte;
inline uint16_t makeWord(uint16_t w) { return w; }
inline uint16_t makeWord(byte h, byte l) { return static_cast<uint16_t>((h << 8) | l); }
#define word(...) makeWord(__VA_ARGS__)

#define digitalPinToPort(P) (P)
#define digitalPinToBitMask(P) (P)
#define digitalPinToTimer(P) (P)
#define analogInPinToBit(P) (P)
#define portOutputRegister(P) (P)
#define portInputRegister(P) (P)
#define portModeRegister(P) (P)
#define NOT_A_PIN 0
#define NOT_A_PORT 0
#define NOT_AN_INTERRUPT -1
#define NOT_ON_TIMER 0
#define TIMER0A 1
#define TIMER0B 2
#define TIMER1A 3
#define TIMER1B 4
#define TIMER2 6
#define TIMER2A 7
#define TIMER2B 8
#define PA 1
#define PB 2
#define PC 3
#define PD 4
#define NUM_DIGITAL_PINS 20
#define NUM_ANALOG_INPUTS 6
#define EXTERNAL_NUM_INTERRUPTS 2
#define LED_BUILTIN 13
#define PIN_A0 (14)
#define PIN_A1 (15)
#define SERIAL_8N1 0x06
#define SERIAL_PORT_MONITOR Serial

// Print.h
#define DEC 10
#define HEX 16
#define OCT 8
#define BIN 2

// WString.h
class __FlashStringHelper;
#define F(string_literal) (reinterpret_cast<const __FlashStringHelper*>(PSTR(string_literal)))

// binary.h, up to four digits, and a few of eight.
#define B0 0
#define B00 0
#define B000 0
#define B0000 0
#define B1 1
#define B01 1
#define B001 1
#define B0001 1
#define B10 2
#define B010 2
#define B0010 2
#define B11 3
#define B011 3
#define B0011 3
#define B100 4
#define B0100 4
#define B101 5
#define B0101 5
#define B110 6
#define B0110 6
#define B111 7
#define B0111 7
#define B1000 8
#define B1001 9
#define B1010 10
#define B1011 11
#define B1100 12
#define B1101 13
#define B1110 14
#define B1111 15
#define B00000000 0
#define B10000000 128
#define B11110000 240
#define B11111111 255

#endif
