// The same program as header_sketch.cpp without the model: the difference in flash between the two
// is the weights (exactly 4 bytes per parameter) and the inference code, nothing else.
volatile float sensor_value = 1.5f;
volatile float prediction;

int main() {
  prediction = sensor_value;
  return 0;
}
