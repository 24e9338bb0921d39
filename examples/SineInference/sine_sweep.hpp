// What SineInference does on each pass of loop(), kept apart from the .ino so that the Cortex-M4
// and host builds that check it (tests/board) and the size baseline (bench/) run this same code:
// step x across the range the model was trained on, predict y, print "x y", dim the LED with y.
#ifndef SINE_SWEEP_HPP
#define SINE_SWEEP_HPP

#include <Arduino.h>

class SineSweep {
 public:
  // The reference job trained on x in [0, 15), where y = sin(x) sqrt(x) stays within +-4.
  static const int points = 30;
  static constexpr float last_x = 15.0f;
  static constexpr float largest_y = 4.0f;

  // Model: anything with float predict(float) const, such as a tinymlp::FlashModel.
  template <class Model>
  void show_next_point(const Model& model, uint8_t led_pin) {
    const float x = last_x * static_cast<float>(step_) / static_cast<float>(points);
    const float y = model.predict(x);
    Serial.print(x, 6);
    Serial.print(' ');
    Serial.println(y, 6);
    analogWrite(led_pin, brightness_for(y));
    step_ = step_ + 1 == points ? 0 : step_ + 1;
  }

 private:
  // -largest_y .. largest_y to 0 .. 255, as the classic hello_world maps its sine to the LED.
  static int brightness_for(float y) {
    const float scaled = (y + largest_y) * (255.0f / (2.0f * largest_y));
    return scaled < 0.0f ? 0 : scaled > 255.0f ? 255 : static_cast<int>(scaled);
  }

  int step_ = 0;
};

#endif
