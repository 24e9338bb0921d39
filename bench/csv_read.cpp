// read_csv against the plainest reader there is (std::getline and std::from_chars into one vector,
// no checks, no messages) on a file of a million rows of 3 inputs and 1 target: the time of each
// (best of 3) and the peak memory of each, in a child process of its own. Target: read_csv within
// 1.5x of the plain loop's time, and memory no more than the data it returns needs (plus a block).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"

namespace {

constexpr std::size_t rows = 1000000;
constexpr double time_target = 1.5;

std::string make_file() {
  std::string path = "/tmp/tinymlp_csv_bench_" + std::to_string(getpid()) + ".csv";
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(std::fopen(path.c_str(), "w"), &std::fclose);
  std::FILE* file = owned.get();
  if (!file) std::exit(1);
  tinymlp::Random random(1u);
  std::fprintf(file, "a,b,c,y\n");
  for (std::size_t r = 0; r < rows; ++r)
    std::fprintf(file, "%.6g,%.6g,%.6g,%.6g\n", static_cast<double>(random.uniform(-10.0f, 10.0f)),
                 static_cast<double>(random.uniform(0.0f, 1000.0f)), static_cast<double>(random.normal()),
                 static_cast<double>(random.uniform(-1.0f, 1.0f)));
  return path;
}

std::size_t plain_read(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // the header
  std::vector<float> values;
  while (std::getline(in, line)) {
    const char* at = line.data();
    const char* end = line.data() + line.size();
    while (at < end) {
      float value = 0;
      at = std::from_chars(at, end, value).ptr + 1;
      values.push_back(value);
    }
  }
  return values.size();
}

std::size_t tinymlp_read(const std::string& path) {
  tinymlp::CsvOptions options;
  options.header = true;
  const tinymlp::Dataset data = tinymlp::read_csv(path, options);
  return data.inputs.size() + data.outputs.size();
}

std::size_t read_all(int from, void* into);

struct Measure {
  double seconds;
  long peak_kb;
  std::size_t values;
};

// Runs `read` in a child (best of 3 times; the child's peak resident memory).
template <class Read>
Measure measure(Read read, const std::string& path) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) std::exit(1);
  const pid_t child = fork();
  if (child == 0) {
    double best = 1e9;
    std::size_t values = 0;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      values = read(path);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const Measure result{best, 0, values};
    if (write(pipe_ends[1], &result, sizeof result) != static_cast<ssize_t>(sizeof result)) _exit(1);
    _exit(0);
  }
  Measure result{};
  if (read_all(pipe_ends[0], &result) != sizeof result) std::exit(1);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  result.peak_kb = usage.ru_maxrss;  // NOLINT(cppcoreguidelines-pro-type-union-access): glibc's rusage
  close(pipe_ends[0]);
  close(pipe_ends[1]);
  return result;
}

std::size_t read_all(int from, void* into) {
  auto* bytes = static_cast<char*>(into);
  std::size_t done = 0;
  for (ssize_t count; done < sizeof(Measure) && (count = read(from, bytes + done, sizeof(Measure) - done)) > 0;)
    done += static_cast<std::size_t>(count);
  return done;
}

}  // namespace

int main() {
  const std::string path = make_file();
  std::ifstream sized(path, std::ios::ate | std::ios::binary);
  const double file_mb = static_cast<double>(sized.tellg()) / 1e6;
  const Measure empty = measure([](const std::string&) { return std::size_t{0}; }, path);
  const Measure plain = measure(plain_read, path);
  const Measure ours = measure(tinymlp_read, path);
  std::remove(path.c_str());
  const double data_mb = static_cast<double>(ours.values) * sizeof(float) / 1e6;
  const auto above_empty = [&](const Measure& m) { return static_cast<double>(m.peak_kb - empty.peak_kb) / 1e3; };
  std::printf("%zu rows, %.1f MB of CSV, %.1f MB of floats read\n", rows, file_mb, data_mb);
  std::printf("getline + from_chars: %.3f s, %.1f MB above an empty child\n", plain.seconds, above_empty(plain));
  std::printf("read_csv:             %.3f s, %.1f MB above an empty child\n", ours.seconds, above_empty(ours));
  std::printf("read_csv / plain time: %.2fx (target at most %.1fx)\n", ours.seconds / plain.seconds, time_target);
  std::printf("read_csv memory / data: %.2fx (target: the data and a block)\n", above_empty(ours) / data_mb);
  std::printf("csv_time_ratio=%.3f\ncsv_memory_mb=%.1f\ncsv_data_mb=%.1f\n", ours.seconds / plain.seconds,
              above_empty(ours), data_mb);
  return 0;
}
