#include "store/request_versions.hpp"

#include <algorithm>

namespace daybreak {
namespace {
thread_local RequestVersions* open_now = nullptr;
}

RequestVersions::RequestVersions() : previous_(open_now) { open_now = this; }
RequestVersions::~RequestVersions() {
  open_now = previous_;
  if (end_ != nullptr) end_();
}

std::optional<std::int64_t> RequestVersions::find(std::int64_t who) {
  if (open_now == nullptr) return std::nullopt;
  const auto& kept = open_now->kept_;
  const auto it = std::find_if(kept.begin(), kept.end(), [&](const auto& k) { return k.first == who; });
  if (it == kept.end()) return std::nullopt;
  return it->second;
}

void RequestVersions::keep(std::int64_t who, std::int64_t version) {
  if (open_now != nullptr) open_now->kept_.emplace_back(who, version);
}

void RequestVersions::forget() {
  if (open_now != nullptr) open_now->kept_.clear();
}

void RequestVersions::must_see(std::int64_t store_version) {
  if (open_now != nullptr) open_now->must_see_ = store_version;
}

std::int64_t RequestVersions::seen_by_client() { return open_now != nullptr ? open_now->must_see_ : 0; }

void RequestVersions::committed(std::int64_t store_version) {
  if (open_now != nullptr) open_now->committed_ = std::max(open_now->committed_, store_version);
}

std::int64_t RequestVersions::committed_version() { return open_now != nullptr ? open_now->committed_ : 0; }

bool RequestVersions::open() { return open_now != nullptr; }

void RequestVersions::end_with_request(void (*end)() noexcept) {
  if (open_now != nullptr) open_now->end_ = end;
}

}  // namespace daybreak
