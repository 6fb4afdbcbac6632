#include "cli/session_script.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

using Kind = ScriptEvent::Kind;

const std::map<std::string_view, Kind, std::less<>> kKeys = {
    {"pause", Kind::pause}, {"resume", Kind::resume}, {"skip", Kind::skip},
    {"next", Kind::next},   {"quit", Kind::quit},     {"interrupt", Kind::interrupt},
};

constexpr std::string_view kAllowed =
    "pain N, comfort N, comfort -, reason pain|time|other, or [at SECONDS] pause|resume|skip|next|quit|interrupt";

std::string question_name(const SessionPlayer& player) {
  switch (player.phase()) {
    case PlayerPhase::pain_before:
      return "the pain question";
    case PlayerPhase::comfort:
      return fmt::format("the comfort check after {}", player.plan().exercises.at(player.asking_about()).name);
    case PlayerPhase::stop_reason:
      return "why stop?";
    case PlayerPhase::paused:
      return "none: the session is paused";
    default:
      return "none";
  }
}

// "45.5 s"
std::string seconds_text(SessionTime t) { return fmt::format("{}.{} s", t.count() / 1000, t.count() % 1000 / 100); }

// Runs the session clock, step end by step end, until `until` (or, without
// it, until a question, a pause or the end).
class ScriptClock {
 public:
  ScriptClock(SessionPlayer& player, PlainPrinter& printer) : player_(player), printer_(printer) {}

  void run(std::optional<SessionTime> until) {
    while (player_.phase() == PlayerPhase::playing) {
      const SessionTime deadline = *player_.next_deadline();
      if (until && *until < deadline) break;
      now_ = deadline;
      player_.advance(now_);
      flush();
    }
    if (until && !is_question(player_.phase()) && !player_.over()) {
      now_ = std::max(now_, *until);
      player_.advance(now_);
      flush();
    }
  }
  void press(std::string_view keys) {
    for (const char k : keys) player_.press(k, now_);
    flush();
  }
  void flush() { printer_.show(player_, player_.take_events()); }
  [[nodiscard]] SessionTime now() const { return now_; }

 private:
  SessionPlayer& player_;
  PlainPrinter& printer_;
  SessionTime now_{0};
};

}  // namespace

Result<std::vector<ScriptEvent>, std::string> parse_script(std::string_view text) {
  std::vector<ScriptEvent> events;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const auto words = split_list(line, " \t");
    ScriptEvent e;
    e.line = number;
    e.text = std::string(line);
    const auto bad = [&](std::string_view why) {
      return fail(fmt::format("script line {}: '{}': {}; allowed: {}", number, line, why, kAllowed));
    };
    std::size_t i = 0;
    if (words[0] == "at") {
      const auto tenths = words.size() > 1 ? parse_tenths(words[1]) : std::nullopt;
      if (!tenths || *tenths < 0) return bad("'at' needs a number of seconds, e.g. at 12.5");
      e.at = SessionTime{*tenths * 100};
      i = 2;
    }
    if (i >= words.size()) return bad("nothing to do");
    const std::string_view verb = words[i];
    const std::string_view arg = i + 1 < words.size() ? words[i + 1] : "";
    const bool extra = i + 2 < words.size();
    if (const auto key = kKeys.find(verb); key != kKeys.end()) {
      if (!arg.empty()) return bad("a key takes nothing after it");
      e.kind = key->second;
    } else if (e.at) {
      return bad("only keys can be timed");
    } else if (verb == "pain" || verb == "comfort") {
      const auto n = parse_integer(arg);
      const bool none = verb == "comfort" && arg == "-";
      if (extra || (!none && (!n || *n < 0 || *n > 10))) return bad("a number from 0 to 10 must follow");
      e.question = verb == "pain" ? PlayerPhase::pain_before : PlayerPhase::comfort;
      e.keys = none ? "\n" : std::string(arg) + "\n";
      e.answer = std::string(arg);
    } else if (verb == "reason") {
      if (extra || (arg != "pain" && arg != "time" && arg != "other")) return bad("pain, time or other must follow");
      e.question = PlayerPhase::stop_reason;
      e.keys = std::string(1, arg.front());
      e.answer = std::string(arg);
    } else {
      return bad("unknown event");
    }
    events.push_back(std::move(e));
  }
  return events;
}

Status<std::string> run_script(SessionPlayer& player, const std::vector<ScriptEvent>& events, PlainPrinter& printer) {
  ScriptClock clock(player, printer);
  clock.flush();
  for (const auto& e : events) {
    const auto wrong = [&](const std::string& why) {
      return fail(fmt::format("script line {}: '{}': {}", e.line, e.text, why));
    };
    if (e.kind == Kind::answer) {
      clock.run(std::nullopt);
      if (player.over()) return wrong("the session had already ended");
      if (player.phase() != e.question) return wrong(fmt::format("the question now is {}", question_name(player)));
      printer.answered(e.answer);
      clock.press(e.keys);
      if (player.phase() == e.question && player.complaint()) return wrong(*player.complaint());
      continue;
    }
    if (e.at) {
      if (*e.at < clock.now()) {
        return wrong(fmt::format("the session clock already reads {}", seconds_text(clock.now())));
      }
      clock.run(e.at);
    }
    if (player.over()) return wrong("the session had already ended");
    const bool leaving = e.kind == Kind::quit || e.kind == Kind::interrupt;
    if (player.phase() == PlayerPhase::pain_before && leaving && !e.at) {
      printer.answered(e.text);  // leaving at the first question, as q does in a terminal
      clock.press(std::string(1, keys::quit));
      continue;
    }
    if (is_question(player.phase())) {
      return wrong(fmt::format("{} came first, at {}: answer it before this line", question_name(player),
                               seconds_text(clock.now())));
    }
    const bool paused = player.phase() == PlayerPhase::paused;
    switch (e.kind) {
      case Kind::pause:
        if (paused) return wrong("the session is already paused");
        clock.press(std::string(1, keys::pause));
        break;
      case Kind::resume:
        if (!paused) return wrong("the session is not paused");
        clock.press(std::string(1, keys::pause));
        break;
      case Kind::skip:
        clock.press(std::string(1, keys::skip));
        break;
      case Kind::next:
        clock.press(std::string(1, keys::next_exercise));
        break;
      case Kind::quit:
        clock.press(std::string(1, keys::quit));
        break;
      case Kind::interrupt:
        clock.press(std::string(1, keys::interrupt));
        break;
      case Kind::answer:
        break;
    }
  }
  // The rest plays out; questions left are not answered.
  while (!player.over()) {
    clock.run(std::nullopt);
    switch (player.phase()) {
      case PlayerPhase::pain_before:
        printer.close();
        clock.press(std::string(1, keys::quit));
        break;
      case PlayerPhase::comfort:
        printer.answered("-");
        clock.press(std::string(1, keys::enter));
        break;
      case PlayerPhase::stop_reason:
        printer.answered("other");
        clock.press("o");
        break;
      case PlayerPhase::paused:
        return fail(std::string("the script ends with the session paused: add resume or quit"));
      default:
        break;
    }
  }
  return Ok{};
}

}  // namespace daybreak
