// The digits job's three pictures, drawn by gnuplot as PNG: loss and accuracy per epoch, the test
// set's confusion matrix, and a sheet of the test digits the model gets wrong.
#ifndef DIGITS_PLOT_HPP
#define DIGITS_PLOT_HPP

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "../sine_reference/plot.hpp"  // run_gnuplot
#include "digits_job.hpp"

namespace digits {

// epoch, then loss and accuracy on the training, validation and test splits.
inline std::string history_csv(const Outcome& outcome) {
  std::ostringstream table;
  table.precision(6);
  table << "epoch,loss,accuracy,val_loss,val_accuracy,test_loss,test_accuracy\n";
  for (std::size_t e = 0; e < outcome.epochs.size(); ++e) {
    const EpochMeasures& m = outcome.epochs[e];
    table << e + 1 << ',' << m.train.loss << ',' << m.train.accuracy << ',' << m.validation.loss << ','
          << m.validation.accuracy << ',' << m.test.loss << ',' << m.test.accuracy << '\n';
  }
  return table.str();
}

// The confusion matrix of the int8 model's scores (dequantized: the same argmax) on `raw`.
inline tinymlp::ConfusionMatrix int8_confusion(const Int8Run& run, const tinymlp::Dataset& raw) {
  tinymlp::ConfusionMatrix counts(classes);
  for (std::size_t s = 0; s < raw.size(); ++s) {
    float scores[classes];
    for (std::size_t c = 0; c < classes; ++c) scores[c] = run.outputs[s * classes + c];
    counts.add(classes, scores, raw.output(s), 1, 1);
  }
  return counts;
}

inline void draw_training_curves(const std::string& folder) {
  const std::string history = "'" + folder + "history.csv'";
  sine::run_gnuplot(
      "set datafile separator ','\nset multiplot layout 1,2\nset key top right\nset xlabel 'epoch'\n"
      "set title 'Loss (categorical cross-entropy, smoothed labels)'\nset logscale y\n"
      "plot " +
          history +
          " skip 1 using 1:2 with lines lw 2 title 'training', '' skip 1 using 1:4 with lines lw 2 title 'validation',"
          " '' skip 1 using 1:6 with lines lw 2 title 'test'\n"
          "unset logscale y\nset key bottom right\nset title 'Accuracy'\nset yrange [0.8:1]\n"
          "plot " +
          history +
          " skip 1 using 1:3 with lines lw 2 title 'training', '' skip 1 using 1:5 with lines lw 2 title 'validation',"
          " '' skip 1 using 1:7 with lines lw 2 title 'test'\nunset multiplot\n",
      folder + "training.png");
}

inline void draw_confusion_matrix(const std::string& folder, const tinymlp::ConfusionMatrix& counts,
                                  const std::string& title) {
  std::ostringstream matrix;
  for (std::size_t truth = 0; truth < classes; ++truth) {
    for (std::size_t c = 0; c < classes; ++c) matrix << (c ? " " : "") << counts.count(truth, c);
    matrix << '\n';
  }
  tinymlp::write_file_atomically(folder + "confusion.txt", matrix.str());
  sine::run_gnuplot(
      "set terminal pngcairo size 620,560 noenhanced\nset output '" + folder +
          "confusion.png.tmp'\n"
          "set title '" +
          title +
          "'\nset xlabel 'predicted class'\nset ylabel 'true class'\n"
          "set xrange [-0.5:9.5]\nset yrange [9.5:-0.5]\nset xtics 0,1,9\nset ytics 0,1,9\nset cbrange [0:10]\n"
          "set palette defined (0 'white', 1 '#fdd49e', 10 '#d7301f')\nunset colorbox\n"
          "plot '" +
          folder +
          "confusion.txt' matrix with image notitle, '' matrix using 1:2:(sprintf('%d', $3)) with labels notitle\n",
      folder + "confusion.png");
}

// Up to 24 misclassified digits, each titled with its true class and what the model said.
inline void draw_misclassified(const std::string& folder, const tinymlp::Dataset& raw_test,
                               const std::vector<std::size_t>& predicted) {
  std::vector<std::size_t> wrong;
  for (std::size_t s = 0; s < raw_test.size() && wrong.size() < 24; ++s)
    if (raw_test.class_of(s) != predicted[s]) wrong.push_back(s);
  std::ostringstream blocks;
  for (std::size_t s : wrong) {
    for (std::size_t row = 0; row < 8; ++row) {
      for (std::size_t column = 0; column < 8; ++column)
        blocks << (column ? " " : "") << raw_test.input(s)[row * 8 + column];
      blocks << '\n';
    }
    blocks << "\n\n";
  }
  tinymlp::write_file_atomically(folder + "misclassified.txt", blocks.str());
  const std::size_t columns = 8, rows = wrong.empty() ? 1 : (wrong.size() + columns - 1) / columns;
  std::string script = "set terminal pngcairo size 900," + std::to_string(150 * rows + 40) +
                       " noenhanced\nset output '" + folder +
                       "misclassified.png.tmp'\nset palette gray negative\nunset colorbox\nunset key\n"
                       "unset xtics\nunset ytics\nset border 0\nset xrange [-0.5:7.5]\nset yrange [7.5:-0.5]\n"
                       "set size ratio 1\nset cbrange [0:16]\n"
                       "set multiplot layout " +
                       std::to_string(rows) + "," + std::to_string(columns) +
                       " title 'Misclassified test digits: true class -> predicted (float model)'\n";
  if (wrong.empty()) script += "set title 'none'\nplot 1/0\n";
  for (std::size_t k = 0; k < wrong.size(); ++k)
    script += "set title '" + std::to_string(raw_test.class_of(wrong[k])) + " -> " +
              std::to_string(predicted[wrong[k]]) + "'\nplot '" + folder + "misclassified.txt' index " +
              std::to_string(k) + " matrix with image\n";
  sine::run_gnuplot(script + "unset multiplot\n", folder + "misclassified.png");
}

}  // namespace digits

#endif
