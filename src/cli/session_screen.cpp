#include "cli/session_screen.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <ostream>

#include <fmt/format.h>

#include "cli/text_layout.hpp"
#include "exercise/exercise.hpp"

namespace daybreak {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReverse = "\x1b[7m";
constexpr std::string_view kReset = "\x1b[0m";

std::string styled(std::string_view style, std::string_view text) { return fmt::format("{}{}{}", style, text, kReset); }

// A 3x5 font for the large countdown; each lit cell is drawn two columns wide.
constexpr std::array<std::array<std::string_view, 5>, 11> kGlyphs = {{
    {"###", "# #", "# #", "# #", "###"},  // 0
    {" # ", "## ", " # ", " # ", "###"},  // 1
    {"###", "  #", "###", "#  ", "###"},  // 2
    {"###", "  #", "###", "  #", "###"},  // 3
    {"# #", "# #", "###", "  #", "  #"},  // 4
    {"###", "#  ", "###", "  #", "###"},  // 5
    {"###", "#  ", "###", "# #", "###"},  // 6
    {"###", "  #", "  #", "  #", "  #"},  // 7
    {"###", "# #", "###", "# #", "###"},  // 8
    {"###", "# #", "###", "  #", "###"},  // 9
    {" ", "#", " ", "#", " "},            // :
}};

// Whole seconds left, rounded up: a countdown shows 1 until the very end.
int seconds_left(SessionTime remaining) { return static_cast<int>((remaining.count() + 999) / 1000); }

std::string countdown_text(int seconds) {
  if (seconds >= 60) return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
  return std::to_string(seconds);
}

std::vector<std::string> big_text(std::string_view text, std::size_t width) {
  std::vector<std::string> rows(5);
  std::size_t columns = 0;
  for (const char c : text) {
    const auto& glyph = kGlyphs[c == ':' ? 10 : static_cast<std::size_t>(c - '0')];
    for (std::size_t r = 0; r < 5; ++r) {
      for (const char cell : glyph[r]) rows[r] += cell == '#' ? styled(kReverse, "  ") : "  ";
      rows[r] += "  ";
    }
    columns += glyph[0].size() * 2 + 2;
  }
  const std::string left((width > columns ? (width - columns) / 2 : 0), ' ');
  for (auto& r : rows) r = left + r;
  return rows;
}

std::string short_clock(SessionTime t) {
  const auto seconds = std::max<long long>(0, std::chrono::duration_cast<std::chrono::seconds>(t).count());
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string bar(double fraction, std::size_t width) {
  const auto filled = static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(width) + 0.5);
  std::string out;
  out.reserve(width + 2);
  out.push_back('[');
  out.append(filled, '#').append(width - filled, '-');
  out.push_back(']');
  return out;  // appended in place: g++ 12 -O2 misreads `"[" + std::string(...)` (-Wrestrict, GCC PR 105651)
}

// What the step asks, in exercise/'s words, with the repetition being played
// once the clock runs: "Set 1 of 2, 8 reps, rep 3 of 8, left side".
std::string played_step_words(const PlanStep& step, std::optional<SessionTime> played = std::nullopt) {
  if (!played || step.type != StepType::reps || step.rep_seconds <= 0) return step_words(step);
  const int per_rep = step.rep_seconds * (step.side == Side::alternating ? 2 : 1);
  return step_words(step, std::min(step.reps, static_cast<int>(played->count() / 1000 / per_rep) + 1));
}

std::string next_words(const SessionPlan& plan, std::size_t index) {
  if (index + 1 >= plan.steps.size()) return "Next: the end of the session";
  const PlanStep& next = plan.steps[index + 1];
  if (next.exercise != plan.steps[index].exercise) return "Next: " + plan.exercises[next.exercise].name;
  std::string words = step_words(next);
  words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return fmt::format("Next: {}, {} s", words, next.seconds);
}

class FrameBuilder {
 public:
  FrameBuilder(const SessionPlayer& player, SessionTime now, ScreenSize size)
      : player_(player),
        plan_(player.plan()),
        now_(now),
        width_(static_cast<std::size_t>(std::clamp(size.cols, 20, 80))),
        rows_(static_cast<std::size_t>(std::max(size.rows, 1))) {}

  std::vector<std::string> build() {
    auto frame = layout(true);
    if (overflow_) frame = layout(false);  // no room for the large countdown
    return frame;
  }

 private:
  std::vector<std::string> layout(bool big) {
    body_.clear();
    header();
    switch (player_.phase()) {
      case PlayerPhase::pain_before:
        pain_question();
        break;
      case PlayerPhase::comfort:
        comfort_question();
        break;
      case PlayerPhase::stop_reason:
        stop_question();
        break;
      default:
        playing(big);
        break;
    }
    // The footer (progress and keys) keeps the bottom rows; the body gives way.
    std::vector<std::string> footer = this->footer();
    overflow_ = body_.size() + footer.size() > rows_;
    if (footer.size() > rows_) footer.resize(rows_);
    std::vector<std::string> frame = body_;
    frame.resize(rows_ - footer.size());
    frame.insert(frame.end(), footer.begin(), footer.end());
    return frame;
  }

  void line(std::string text = {}) { body_.push_back(std::move(text)); }
  void text(std::string_view plain, std::string_view style = {}) {
    for (const auto& l : wrap(plain, width_ - 4)) line("  " + (style.empty() ? l : styled(style, l)));
  }

  void header() {
    const std::string right = plan_.routine == RoutineKind::flare
                                  ? "flare day"
                                  : fmt::format("stage {}  {}", plan_.stage, short_clock(player_.elapsed(now_)));
    const std::string left = fit(" daybreak: " + plan_.title, width_ - visible_width(right) - 2);
    line(styled(kBold, pad(left, width_ - visible_width(right) - 1)) + right);
    line(styled(kDim, std::string(width_, '-')));
    line();
  }

  void pain_question() {
    line("  " + styled(kBold, plan_.title));
    text(plan_.intro);
    line();
    const int minutes = (plan_.total_seconds() + 59) / 60;
    text(fmt::format("{} exercises, about {} minutes.", plan_.exercises.size(), minutes));
    text(std::string(kClinicianApprovedNotice), kDim);
    line();
    answer_line("Pain right now, 0 (none) to 10 (worst imaginable): ");
    line();
    text("Type a number, then Enter.  q leaves without starting.", kDim);
  }

  void comfort_question() {
    const PlanExercise& ex = plan_.exercises.at(player_.asking_about());
    line("  Comfort check: " + styled(kBold, ex.name));
    line();
    answer_line("How much did it hurt, 0 (not at all) to 10 (worst)? ");
    line();
    text(fmt::format("Up to {} is fine during an exercise. Enter alone skips the question.", kPainDuringCeiling), kDim);
  }

  void stop_question() {
    line("  " + styled(kBold, "Stop here?"));
    line();
    line("  Why are you stopping?");
    line("    p  pain");
    line("    t  time");
    line("    o  something else");
    line();
    if (player_.complaint()) text(*player_.complaint());
    text("Esc to carry on with the session.", kDim);
  }

  void answer_line(std::string_view question) {
    line("  " + std::string(question) + styled(kBold, player_.typed()) + "_");
    if (player_.complaint()) text(*player_.complaint());
  }

  void playing(bool big) {
    const PlanStep& step = player_.step();
    const PlanExercise& ex = plan_.exercises.at(step.exercise);
    const std::string count = fmt::format("  Exercise {} of {}", step.exercise + 1, plan_.exercises.size());
    const std::string where(position_phrase(ex.position));
    line(styled(kDim, pad(count, width_ - where.size() - 1) + where));
    std::string level = ex.levels > 1 ? fmt::format("   level {} of {}", ex.level, ex.levels) : "";
    line("  " + styled(kBold, fit(ex.name, width_ - 4 - level.size())) + styled(kDim, level));
    const SessionTime remaining = player_.step_remaining(now_);
    const SessionTime played = std::chrono::seconds{step.seconds} - remaining;
    if (player_.phase() == PlayerPhase::paused) {
      line("  " + styled(kReverse, " PAUSED: space to go on "));
    } else {
      line("  " + fit(played_step_words(step, played), width_ - 4));
    }
    line();
    const int left = seconds_left(remaining);
    if (big) {
      for (auto& r : big_text(countdown_text(left), width_)) line(std::move(r));
      line();
    }
    const double fraction = step.seconds > 0 ? static_cast<double>(played.count()) / (step.seconds * 1000.0) : 1.0;
    line("  " + bar(fraction, width_ - 18) + fmt::format("  {:>3} s left", left));
    line();
    const auto cue = wrap(step.cue, width_ - 4);
    for (std::size_t i = 0; i < 3; ++i) line(i < cue.size() ? "  " + cue[i] : "");
    line();
    line(styled(kDim, "  " + fit(next_words(plan_, player_.step_index()), width_ - 4)));
  }

  std::vector<std::string> footer() {
    std::vector<std::string> out;
    out.push_back(styled(kDim, std::string(width_, '-')));
    const int total = plan_.total_seconds();
    const auto progress = player_.progress(now_);
    const double fraction = total > 0 ? static_cast<double>(progress.count()) / (total * 1000.0) : 0;
    const std::string right =
        fmt::format("  {} of {}  step {} of {}", short_clock(progress), short_clock(std::chrono::seconds{total}),
                    player_.step_index() + 1, plan_.steps.size());
    const std::size_t bar_width = width_ > right.size() + 14 ? width_ - right.size() - 12 : 4;
    out.push_back("  Session " + bar(fraction, bar_width) + right);
    const bool playing = player_.phase() == PlayerPhase::playing || player_.phase() == PlayerPhase::paused;
    out.push_back(styled(kDim, playing ? "  space pause   s skip step   n next exercise   q stop" : ""));
    std::string message;
    if (const auto over = player_.over_ceiling(); over && playing) {
      message = fit(
          fmt::format("  Pain {}/10 during {} is above {}/10: ease off, or stop with q.",
                      player_.result().pain_during[*over]->value(), plan_.exercises[*over].name, kPainDuringCeiling),
          width_);
    }
    out.push_back(message);
    return out;
  }

  const SessionPlayer& player_;
  const SessionPlan& plan_;
  SessionTime now_;
  std::size_t width_;
  std::size_t rows_;
  std::vector<std::string> body_;
  bool overflow_ = false;
};

}  // namespace

std::vector<std::string> render_frame(const SessionPlayer& player, SessionTime now, ScreenSize size) {
  return FrameBuilder(player, now, size).build();
}

std::string FrameWriter::update(const std::vector<std::string>& frame) {
  std::string out;
  if (clear_) out += "\x1b[2J";
  for (std::size_t row = 0; row < frame.size(); ++row) {
    if (!clear_ && row < previous_.size() && previous_[row] == frame[row]) continue;
    out += fmt::format("\x1b[{};1H{}\x1b[0m\x1b[K", row + 1, frame[row]);
  }
  clear_ = false;
  previous_ = frame;
  return out;
}

std::string clock_text(SessionTime t) {
  const auto seconds = std::max<long long>(0, std::chrono::duration_cast<std::chrono::seconds>(t).count());
  return fmt::format("{:>2}:{:02}", seconds / 60, seconds % 60);
}

PlainPrinter::PlainPrinter(std::ostream& out, std::ostream& err, bool echo) : out_(out), err_(err), echo_(echo) {}

void PlainPrinter::intro(const SessionPlan& plan) {
  const int minutes = (plan.total_seconds() + 59) / 60;
  const std::string where = plan.routine == RoutineKind::flare ? "" : fmt::format(", stage {}", plan.stage);
  out_ << fmt::format("{} ({}{}): {} exercises, {} steps, about {} minutes.\n", plan.title, plan.program_name, where,
                      plan.exercises.size(), plan.steps.size(), minutes);
  out_ << wrap_indented(plan.intro, 80, "") << wrap_indented(kClinicianApprovedNotice, 80, "");
}

void PlainPrinter::show(const SessionPlayer& player, const std::vector<PlayerEvent>& events) {
  const SessionPlan& plan = player.plan();
  for (const auto& e : events) {
    const std::string at = clock_text(e.at);
    switch (e.kind) {
      case PlayerEvent::Kind::step_started: {
        const PlanStep& step = plan.steps[e.step];
        out_ << fmt::format("{}  {:>2}/{}  {}, {} s{}\n", at, e.step + 1, plan.steps.size(), describe_step(plan, step),
                            step.seconds, step.cue.empty() ? "" : ". " + step.cue);
        break;
      }
      case PlayerEvent::Kind::paused:
        out_ << at << "  paused\n";
        break;
      case PlayerEvent::Kind::resumed:
        out_ << at << "  resumed\n";
        break;
      case PlayerEvent::Kind::step_skipped:
        out_ << fmt::format("{}  skipped step {}\n", at, e.step + 1);
        break;
      case PlayerEvent::Kind::exercise_skipped:
        out_ << fmt::format("{}  skipped the rest of {}\n", at, plan.exercises[e.exercise].name);
        break;
      case PlayerEvent::Kind::pain_before:
        out_ << fmt::format("{}  pain before: {}/10\n", at, *e.value);
        break;
      case PlayerEvent::Kind::comfort:
        if (e.value) {
          out_ << fmt::format("{}  comfort check, {}: pain {}/10\n", at, plan.exercises[e.exercise].name, *e.value);
          if (*e.value > kPainDuringCeiling) {
            out_ << fmt::format(
                "       that is above the {}/10 this program allows during an exercise: ease off, "
                "or stop\n",
                kPainDuringCeiling);
          }
        } else {
          out_ << fmt::format("{}  comfort check, {}: no answer\n", at, plan.exercises[e.exercise].name);
        }
        break;
      case PlayerEvent::Kind::stopped:
        out_ << fmt::format("{}  stopped: {}\n", at, name_of(player.result().stop_reason.value_or(StopReason::other)));
        break;
      case PlayerEvent::Kind::finished:
        out_ << at << "  end of the session\n";
        break;
      case PlayerEvent::Kind::cancelled:
        break;
    }
  }
  if (!events.empty()) out_ << std::flush;
  question(player);
}

void PlainPrinter::question(const SessionPlayer& player) {
  const PlayerPhase phase = player.phase();
  if (phase != PlayerPhase::pain_before && phase != PlayerPhase::comfort && phase != PlayerPhase::stop_reason) {
    asked_.reset();
    return;
  }
  const std::pair<PlayerPhase, std::size_t> now{phase, player.step_index()};
  const bool again = asked_ == now && submitted_ && player.complaint();
  submitted_ = false;
  if (asked_ == now && !again) return;
  if (again) err_ << "  " << *player.complaint() << "\n";
  asked_ = now;
  switch (phase) {
    case PlayerPhase::pain_before:
      err_ << "Pain right now, 0 (none) to 10 (worst imaginable): ";
      break;
    case PlayerPhase::comfort:
      err_ << fmt::format("Comfort check: how much did {} hurt, 0-10 (Enter to skip)? ",
                          player.plan().exercises.at(player.asking_about()).name);
      break;
    default:
      err_ << "Why stop: p pain, t time, o other (Esc to carry on)? ";
      break;
  }
  err_ << std::flush;
  open_ = true;
}

void PlainPrinter::typed(char key) {
  if (key == keys::backspace) {
    err_ << "\b \b";
  } else if (key == keys::enter) {
    err_ << "\n";
    submitted_ = true;
    open_ = false;
  } else if ((key >= '0' && key <= '9') || key == 'p' || key == 't' || key == 'o') {
    err_ << key;
  }
  err_ << std::flush;
}

void PlainPrinter::answered(std::string_view answer) {
  if (echo_) err_ << answer << "\n";
  submitted_ = true;
  open_ = false;
}

void PlainPrinter::close() {
  if (open_) err_ << "\n";
  open_ = false;
}

}  // namespace daybreak
