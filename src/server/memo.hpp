// The last value built for a key, kept for the next request that has the same
// key: for views read far more often than the data under them changes. The key
// must hold everything the value depends on (the store's version, the person,
// the local minute...): equal keys are the only test of freshness.
#pragma once

#include <map>
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

// The same for many: the last value built for each id (a person), with its
// key. At most `capacity` ids are kept: past that, all are dropped and built
// again as asked (a bound on memory, not a cache policy worth more).
template <class Id, class Key, class Value>
class MemoMap {
 public:
  explicit MemoMap(std::size_t capacity = 4096) : capacity_(capacity) {}

  template <class Build>
  Value get(const Id& id, const Key& key, Build&& build) {
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = kept_.find(id); it != kept_.end() && it->second.first == key) return it->second.second;
    }
    Value value = std::forward<Build>(build)();
    put(id, key, value);
    return value;
  }

  // Keeps a value built elsewhere (read with what it depends on).
  void put(const Id& id, const Key& key, const Value& value) {
    const std::lock_guard lock(mutex_);
    if (kept_.size() >= capacity_ && !kept_.contains(id)) kept_.clear();
    kept_.insert_or_assign(id, std::pair{key, value});
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<Id, std::pair<Key, Value>> kept_;
};

}  // namespace daybreak::http
