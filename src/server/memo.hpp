// The last value built for a key, kept for the next request that has the same
// key: for views read far more often than the data under them changes. The key
// must hold everything the value depends on (the store's version, the person,
// the local minute...): equal keys are the only test of freshness.
#pragma once

#include <mutex>
#include <optional>
#include <utility>

namespace daybreak::http {

template <class Key, class Value>
class Memo {
 public:
  // The value kept for `key`, or build() kept and returned. Safe from any
  // thread; builds run outside the lock (two at once simply both build).
  template <class Build>
  Value get(const Key& key, Build&& build) {
    {
      const std::lock_guard lock(mutex_);
      if (last_ && last_->first == key) return last_->second;
    }
    Value value = std::forward<Build>(build)();
    const std::lock_guard lock(mutex_);
    last_.emplace(key, value);
    return value;
  }

 private:
  std::mutex mutex_;
  std::optional<std::pair<Key, Value>> last_;
};

}  // namespace daybreak::http
