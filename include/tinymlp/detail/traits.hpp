// The few type traits tinymlp needs, since avr-libc ships no <type_traits>.
#ifndef TINYMLP_DETAIL_TRAITS_HPP
#define TINYMLP_DETAIL_TRAITS_HPP

#include "../config.hpp"
#include "integers.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

template <bool Condition, class T = void>
struct enable_if {};
template <class T>
struct enable_if<true, T> {
  typedef T type;
};

template <bool Condition, class IfTrue, class IfFalse>
struct conditional {
  typedef IfTrue type;
};
template <class IfTrue, class IfFalse>
struct conditional<false, IfTrue, IfFalse> {
  typedef IfFalse type;
};

template <class A, class B>
struct is_same {
  static constexpr bool value = false;
};
template <class A>
struct is_same<A, A> {
  static constexpr bool value = true;
};

// Whether T is double or long double: the floating-point types other than float.
template <class T>
struct is_wider_floating_point {
  static constexpr bool value = false;
};
template <>
struct is_wider_floating_point<double> {
  static constexpr bool value = true;
};
template <>
struct is_wider_floating_point<long double> {
  static constexpr bool value = true;
};

// Named so that Arduino.h's min/max macros cannot rewrite them.
constexpr size_t larger_of(size_t a, size_t b) { return a > b ? a : b; }

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif
