// DigitsOnUno: handwritten digits (scikit-learn's 8x8 images) recognised on an Arduino Uno by the
// digits reference job's 64-32-10 network, quantized to int8: integer arithmetic only, the weights
// and the digits in flash. Each loop() takes the next test digit and prints its index, its true
// class, the predicted class and the ten int8 scores; the job (scripts/digits-job.sh) builds it with
// the whole test set and checks every line against the host's int8 inference.
//
// digits_int8.hpp and test_digits.hpp were written by examples/digits_reference (the job); this copy
// of test_digits.hpp holds the first 20 digits of its test set. On a board, put your sensor's 8x8
// image (pixels 0-16, quantized with digits_int8.quantize_input) where the test digits are read.
#include <tinymlp.hpp>

#include "digits_int8.hpp"  // the int8 model in flash: digits_int8
#include "test_digits.hpp"  // test_digits[k]: a label, then 64 int8 inputs

int digit = 0;

void setup() { Serial.begin(115200); }

void loop() {
  int8_t pixels[64];
  for (int p = 0; p < 64; ++p) pixels[p] = tinymlp::FlashReader::load(&test_digits[digit][1 + p]);
  int8_t scores[10];
#ifdef MARK_INFERENCE  // for run-on-uno's cycle count: the job builds the sketch with -DMARK_INFERENCE
  GPIOR0 = 1;
#endif
  digits_int8.predict(pixels, scores);
#ifdef MARK_INFERENCE
  GPIOR0 = 2;
#endif
  int predicted = 0;
  for (int c = 1; c < 10; ++c)
    if (scores[c] > scores[predicted]) predicted = c;

  Serial.print(digit);
  Serial.print(' ');
  Serial.print(static_cast<int>(tinymlp::FlashReader::load(&test_digits[digit][0])));
  Serial.print(' ');
  Serial.print(predicted);
  for (int c = 0; c < 10; ++c) {
    Serial.print(' ');
    Serial.print(static_cast<int>(scores[c]));  // an int8_t alone prints as a character
  }
  Serial.println();
  digit = (digit + 1) % test_digit_count;
}
