// TiltClassifier: a small float classifier with a softmax output. A 2-12-5 network, trained on the
// PC, tells from a two-axis accelerometer's reading (x and y in g) whether the board lies level or
// is tilted right, left, forward or back, and how sure it is; the built-in LED lights while level.
//
// Here the readings come from a sweep around circles, far out (clearly tilted), near the edge of
// level and close in (level), so that the output is the same on every run; on a board, read your
// accelerometer instead. tilt_model.hpp is written by examples/tilt_classifier, which trains the model.
#include <tinymlp.hpp>

#include "tilt_model.hpp"  // the trained weights in flash, the model's type and `tilt_model`

enum Tilt { level, right, left, forward, back, tilt_count };

const __FlashStringHelper* name_of(int tilt) {
  switch (tilt) {
    case level: return F("level");
    case right: return F("right");
    case left: return F("left");
    case forward: return F("forward");
    default: return F("back");
  }
}

const int angles = 12;
const float radii[] = {0.8f, 0.4f, 0.15f};  // in g
const int readings_per_pass = angles * 3;
int reading = 0;

void setup() {
  Serial.begin(115200);
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  // Every 30 degrees around each circle.
  const float angle = static_cast<float>(reading % angles) * (2.0f * static_cast<float>(M_PI) / angles);
  const float radius = radii[reading / angles];
  const float acceleration[2] = {radius * cosf(angle), radius * sinf(angle)};
  reading = (reading + 1) % readings_per_pass;

  float probabilities[tilt_count];
  tilt_model.predict(acceleration, probabilities);
  int most_likely = 0;
  for (int tilt = 1; tilt < tilt_count; ++tilt)
    if (probabilities[tilt] > probabilities[most_likely]) most_likely = tilt;

  Serial.print(acceleration[0], 3);
  Serial.print(' ');
  Serial.print(acceleration[1], 3);
  Serial.print(F(" -> "));
  Serial.print(name_of(most_likely));
  Serial.print(' ');
  Serial.println(probabilities[most_likely], 6);
  digitalWrite(LED_BUILTIN, most_likely == level ? HIGH : LOW);
  delay(200);
}
