// One .tflite file loaded into Arm NN (Debian's libarmnn: TfLiteParser and the CpuRef backend), an
// independent TFLite runtime, run one sample at a time. For doctest programs.
#ifndef TINYMLP_TESTS_TFLITE_ARMNN_MODEL_HPP
#define TINYMLP_TESTS_TFLITE_ARMNN_MODEL_HPP

#include <doctest/doctest.h>

#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>
#include <string>
#include <vector>

// One .tflite file loaded into Arm NN, run one sample at a time.
class ArmnnModel {
 public:
  explicit ArmnnModel(const std::string& path) : runtime_(armnn::IRuntime::Create(armnn::IRuntime::CreationOptions())) {
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    armnn::INetworkPtr network = parser->CreateNetworkFromBinaryFile(path.c_str());
    input_ = parser->GetNetworkInputBindingInfo(0, parser->GetSubgraphInputTensorNames(0).at(0));
    output_ = parser->GetNetworkOutputBindingInfo(0, parser->GetSubgraphOutputTensorNames(0).at(0));
    armnn::IOptimizedNetworkPtr optimized =
        armnn::Optimize(*network, {armnn::Compute::CpuRef}, runtime_->GetDeviceSpec());
    REQUIRE(runtime_->LoadNetwork(network_, std::move(optimized)) == armnn::Status::Success);
  }

  // Value: float, or int8_t for a model with int8 input and output.
  template <class Value>
  std::vector<Value> predict(const std::vector<Value>& x) {
    REQUIRE(x.size() == input_.second.GetNumElements());
    std::vector<Value> y(output_.second.GetNumElements());
    const armnn::InputTensors inputs{{input_.first, armnn::ConstTensor(input_.second, x.data())}};
    const armnn::OutputTensors outputs{{output_.first, armnn::Tensor(output_.second, y.data())}};
    REQUIRE(runtime_->EnqueueWorkload(network_, inputs, outputs) == armnn::Status::Success);
    return y;
  }

 private:
  armnn::IRuntimePtr runtime_;
  armnn::NetworkId network_ = 0;
  armnnTfLiteParser::BindingPointInfo input_, output_;
};

#endif
