// The reference job's two pictures, drawn by gnuplot (Debian gnuplot-nox) as PNG: loss per epoch,
// and the test points with both models' predictions and the true function.
#ifndef SINE_PLOT_HPP
#define SINE_PLOT_HPP

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"

namespace sine {

// Runs a gnuplot script that writes `picture`.tmp, then renames it over `picture`.
inline void run_gnuplot(const std::string& script, const std::string& picture) {
  const std::string temporary = picture + ".tmp";
  std::FILE* gnuplot = popen("gnuplot", "w");
  if (!gnuplot) throw tinymlp::DataError(picture + ": cannot start gnuplot");
  const std::string full = "set terminal pngcairo size 900,560 noenhanced\nset output '" + temporary + "'\n" + script;
  std::fwrite(full.data(), 1, full.size(), gnuplot);
  if (pclose(gnuplot) != 0) {
    std::remove(temporary.c_str());
    throw tinymlp::DataError(picture + ": gnuplot failed (is gnuplot-nox installed?)");
  }
  if (std::rename(temporary.c_str(), picture.c_str()) != 0)
    throw tinymlp::DataError(picture + ": cannot replace it with " + temporary);
}

template <class Model, class Function>
void draw_pictures(const std::string& folder, const tinymlp::Dataset& test, const Model& tutorial,
                   const Model& recommended, Function true_function) {
  std::vector<std::size_t> order(test.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return test.inputs[a] < test.inputs[b]; });
  const auto tutorial_y = tinymlp::predict(tutorial, test.inputs);
  const auto recommended_y = tinymlp::predict(recommended, test.inputs);
  std::ostringstream table;
  table.precision(9);
  table << "x,y,true,tutorial,recommended\n";
  for (std::size_t s : order)
    table << test.inputs[s] << ',' << test.outputs[s] << ',' << true_function(test.inputs[s]) << ',' << tutorial_y[s]
          << ',' << recommended_y[s] << '\n';
  tinymlp::write_file_atomically(folder + "predictions.csv", table.str());

  run_gnuplot(
      "set datafile separator ','\nset key top right\nset logscale y\n"
      "set title 'Training and validation loss (MSE)'\nset xlabel 'epoch'\nset ylabel 'loss'\n"
      "plot '" +
          folder +
          "history_tutorial.csv' skip 1 using 1:2 with lines lw 2 title 'tutorial: training',"
          " '' skip 1 using 1:4 with lines lw 2 title 'tutorial: validation',"
          " '" +
          folder +
          "history_recommended.csv' skip 1 using 1:2 with lines lw 2 title 'recommended: training',"
          " '' skip 1 using 1:4 with lines lw 2 title 'recommended: validation'\n",
      folder + "loss.png");
  run_gnuplot(
      "set datafile separator ','\nset key bottom left\nset title 'Test data, predictions and sin(x) sqrt(x)'\n"
      "set xlabel 'x'\nset ylabel 'y'\n"
      "plot '" +
          folder +
          "predictions.csv' skip 1 using 1:2 with points pt 7 ps 0.4 lc rgb '#a0a0a0' title 'test data',"
          " '' skip 1 using 1:3 with lines lw 2 lc rgb 'black' title 'sin(x) sqrt(x)',"
          " '' skip 1 using 1:4 with lines lw 2 title 'tutorial model',"
          " '' skip 1 using 1:5 with lines lw 2 title 'recommended model'\n",
      folder + "predictions.png");
}

}  // namespace sine

#endif
