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

TEST_CASE("Int8Model::predict of a double is the float predict, of an int8_t the integer one") {
  // A double (the literal 0.7) would convert to int8_t as readily as to float; it means a real value.
  CHECK(hello_world_int8.predict(0.7) == hello_world_int8.predict(0.7f));
  CHECK(hello_world_int8.predict(0.7) ==
        hello_world_int8.dequantize_output(hello_world_int8.predict(hello_world_int8.quantize_input(0.7f))));
  // An int8_t is an already quantized value: the integers only.
  const std::int8_t quantized = -96;
  std::int8_t through_arrays = 0;
  hello_world_int8.predict(&quantized, &through_arrays);
  CHECK(int{hello_world_int8.predict(quantized)} == int{through_arrays});
}
