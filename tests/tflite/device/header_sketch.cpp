// A sketch's use of a generated model header: include it, call predict. Compiled for the Uno
// (avr-g++) and for the host (C++11), with a second translation unit that includes it too.
#include "hello_world_model.hpp"

float predict_in_other_unit(float x);

volatile float sensor_value = 1.5f;
volatile float prediction;

int main() {
  prediction = hello_world_model.predict(sensor_value) + predict_in_other_unit(sensor_value);
  return 0;
}
