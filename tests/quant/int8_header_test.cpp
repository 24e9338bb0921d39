// tinymlp-convert's header of hello_world_int8.tflite (written at build time): an Int8Model with its
// parameters in flash, which gives TFLite Micro's y_tflm for every int8 input.
#include <doctest/doctest.h>

#include "../tflite/fixtures.hpp"
#include "hello_world_int8.hpp"

TEST_CASE("the int8 header of hello_world_int8.tflite gives y_tflm for all 256 inputs") {
  const auto rows = fixtures::expected_rows("hello_world_int8.expected.txt");
  REQUIRE(rows.size() == 256);
  for (const auto& row : rows) {
    const auto x = static_cast<std::int8_t>(row[0]);
    CAPTURE(int{x});
    CHECK(int{hello_world_int8.predict(x)} == static_cast<int>(row[1]));
  }
}
