// Reads tests/analysis/golden.txt: "key value value ..." lines written by golden.R.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace daybreak::testing {

class GoldenValues {
 public:
  static const GoldenValues& load() {
    static const GoldenValues values(DAYBREAK_ANALYSIS_GOLDEN);
    return values;
  }

  // The numbers under `key`; throws if the file has no such key.
  [[nodiscard]] const std::vector<double>& operator[](const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) throw std::out_of_range("golden.txt has no key " + key);
    return it->second;
  }
  [[nodiscard]] bool contains(const std::string& key) const { return values_.contains(key); }

 private:
  explicit GoldenValues(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line.front() == '#') continue;
      std::istringstream fields(line);
      std::string key;
      fields >> key;
      std::vector<double>& v = values_[key];
      for (std::string number; fields >> number;) v.push_back(std::stod(number));
    }
  }
  std::map<std::string, std::vector<double>> values_;
};

}  // namespace daybreak::testing
