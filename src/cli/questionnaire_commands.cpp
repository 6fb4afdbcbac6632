// The questionnaire command: list, show, take and history.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/questionnaire_json.hpp"
#include "app/questionnaires.hpp"
#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/prompt.hpp"
#include "content/instruments.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

std::string score_line(const Instrument& ins, const InstrumentScore& s) {
  std::string line = format_score(ins, s.value);
  if (!s.band.empty()) line += ", " + band_label(ins, s.band);
  std::vector<std::string> parts;
  for (const auto& sub : s.subscales) {
    const auto it =
        std::find_if(ins.subscales.begin(), ins.subscales.end(), [&](const Subscale& x) { return x.id == sub.id; });
    parts.push_back(
        fmt::format("{}: {}", it != ins.subscales.end() ? it->label : sub.id, format_amount(sub.value, ins.decimals)));
  }
  if (!parts.empty()) line += " (" + join(parts, "; ") + ")";
  return line;
}

class QuestionnaireCommand final : public Command {
 public:
  std::string_view name() const override { return "questionnaire"; }
  std::string_view summary() const override {
    return "standard questionnaires (ODI, RMDQ, STarT Back, PSFS...) over time";
  }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    list_ = sub.add_subcommand("list", "the questionnaires, and which you are offered");
    list_->add_flag("--json", json_, "print as JSON");
    show_ = sub.add_subcommand("show", "one questionnaire: items, answers allowed, scoring, source and licence");
    show_->add_option("id", id_, "the questionnaire's id, e.g. odi")->required();
    show_->add_option("--wording", wording_, "a licensed wording file to lay over the labels")->type_name("FILE");
    show_->add_flag("--json", json_, "print as JSON");
    take_ = sub.add_subcommand("take", "answer a questionnaire (asked one item at a time, or from --answers)");
    take_->add_option("id", id_, "the questionnaire's id, e.g. odi")->required();
    take_
        ->add_option("--answers", answers_, "ID=VALUE,... (VALUE skip to leave an item out); PSFS: ACTIVITY=RATING;...")
        ->type_name("ANSWERS");
    take_->add_flag("--from-paper", from_paper_, "a clinician is entering the answers from the paper form");
    take_->add_option("--wording", wording_, "a licensed wording file to lay over the labels")->type_name("FILE");
    take_->add_flag("--json", json_, "print the stored response as JSON");
    history_ = sub.add_subcommand("history", "your scores over time, with what the change means");
    history_->add_option("id", id_, "only this questionnaire");
    history_->add_flag("--json", json_, "print as JSON");
    sub.footer(
        "The ODI, RMDQ and STarT Back wording is copyrighted: daybreak shows short labels. Enter the\n"
        "answers from the paper form, or load the licensed wording (docs/questionnaires.md).");
  }

  int run(CommandContext& ctx) override {
    if (list_->parsed()) return list(ctx);
    if (show_->parsed()) return show(ctx);
    if (take_->parsed()) return take(ctx);
    return history(ctx);
  }

 private:
  AppResult<Instrument> instrument(const CommandContext& ctx) const {
    std::optional<std::filesystem::path> file;
    if (wording_) file = *wording_;
    return load_instrument(id_, file, ctx.data_dir / "wording");
  }

  int list(CommandContext& ctx) {
    const auto offers = instrument_offers(ctx.store, ctx.user.id);
    const auto taken = questionnaire_history(ctx.store, ctx.user.id, "");
    const auto last_of = [&](const std::string& id) -> const QuestionnaireResponse* {
      if (!taken) return nullptr;
      for (const auto& h : *taken) {
        if (h.instrument->id == id) return &h.responses.back();
      }
      return nullptr;
    };
    if (json_) {
      print_json(ctx.io.out, questionnaire_list_json(offers, taken ? *taken : std::vector<ScoreHistory>{}));
      return kOk;
    }
    for (const auto& o : offers) {
      const Instrument& ins = *o.instrument;
      std::string what = fmt::format("{} ({}){}", ins.name, ins.version, ins.licensed_wording ? " *" : "");
      if (!o.offered) what = "offered only with a diagnosis of axial spondyloarthritis";
      std::string last;
      if (const auto* r = last_of(ins.id)) {
        last =
            fmt::format("  last {}: {}", format_date(ctx.zone.date_of(r->taken_at)), format_score(ins, r->score.value));
      }
      ctx.io.out << fmt::format("{:<18} {:<11} {}{}\n", ins.id, ins.abbreviation, what, last);
    }
    ctx.io.out << "\n* copyrighted wording: daybreak shows short labels; enter the answers from the\n"
                  "  paper form, or load the licensed wording (docs/questionnaires.md).\n"
                  "Take one: daybreak questionnaire take ID\n";
    return kOk;
  }

  int show(CommandContext& ctx) {
    const auto loaded = instrument(ctx);
    if (!loaded) return report(ctx.io, loaded.error());
    const Instrument& ins = *loaded;
    if (json_) {
      print_json(ctx.io.out, instrument_json(ins));
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    out << fmt::format("{} ({}), version {}\n", ins.name, ins.abbreviation, ins.version);
    out << ins.description << "\n";
    out << fmt::format("Asks about: {}.\nSource: {}\nLicence: {}\n", ins.recall, ins.source, ins.licence);
    if (!ins.wording_notice.empty()) out << "Wording: " << ins.wording_notice << "\n";
    if (ins.change) {
      std::string mic;
      if (ins.change->points) mic = format_amount(*ins.change->points, 1) + " points";
      if (ins.change->percent) mic += (mic.empty() ? "" : " or ") + format_amount(*ins.change->percent, 0) + "%";
      out << fmt::format("Important change: {} ({}).\n", mic, ins.change->source);
    } else if (!ins.change_note.empty()) {
      out << "Change: " << ins.change_note << ".\n";
    }
    for (const auto& b : ins.bands) out << fmt::format("  band: {} ({})\n", b.label, band_condition_text(b));
    if (ins.activities) {
      out << fmt::format("\nName up to {} activities you find hard, and rate each: {}.\n",
                         ins.activities->max_activities, ins.activities->anchors);
      return kOk;
    }
    out << "\nItems (answer by id or number):\n";
    for (std::size_t i = 0; i < ins.items.size(); ++i) {
      const auto& item = ins.items[i];
      out << fmt::format("  {:>2}  {:<20} {}: {}\n", i + 1, item.id, item.label, item_allowed(item));
      if (!item.text.empty()) out << fmt::format("      {}\n", item.text);
    }
    return kOk;
  }

  std::optional<std::vector<ItemAnswer>> ask_items(Io& io, const Instrument& ins) {
    std::vector<ItemAnswer> answers;
    for (std::size_t i = 0; i < ins.items.size(); ++i) {
      const InstrumentItem& item = ins.items[i];
      if (!item.text.empty()) io.err << item.text << "\n";
      for (std::size_t k = 0; k < item.anchors.size(); ++k)
        io.err << fmt::format("  {} {}\n", item.min + static_cast<int>(k), item.anchors[k]);
      // The options, when their labels say more than their codes.
      const bool explained =
          std::any_of(item.options.begin(), item.options.end(), [](const ItemOption& o) { return o.label != o.code; });
      if (item.kind == ItemKind::choice && explained) {
        for (const auto& o : item.options) io.err << fmt::format("  {:<9} {}\n", o.code, o.label);
      }
      const std::string prompt = fmt::format("{:>2}/{} {} ({}{})", i + 1, ins.items.size(), item.label,
                                             item_allowed(item), item.required ? "" : "; Enter = skip");
      const auto answer = ask_valid(io, prompt, [&](const std::string& a) -> std::optional<std::string> {
        if (a.empty()) return item.required ? std::optional<std::string>("an answer is needed here") : std::nullopt;
        const std::string v = to_lower_ascii(a);
        if (item.kind == ItemKind::choice) {
          const bool ok =
              std::any_of(item.options.begin(), item.options.end(), [&](const ItemOption& o) { return o.code == v; });
          return ok ? std::nullopt : std::optional<std::string>("allowed: " + item_allowed(item));
        }
        const auto n = parse_integer(v);
        if (n && *n >= item.min && *n <= item.max) return std::nullopt;
        return "allowed: " + item_allowed(item);
      });
      if (!answer) return std::nullopt;
      ItemAnswer a{item.id, std::nullopt, std::nullopt};
      if (!answer->empty()) {
        if (item.kind == ItemKind::choice) {
          a.choice = to_lower_ascii(*answer);
        } else {
          a.value = static_cast<int>(*parse_integer(*answer));
        }
      }
      answers.push_back(std::move(a));
    }
    return answers;
  }

  std::optional<std::vector<ItemAnswer>> ask_activities(CommandContext& ctx, const Instrument& ins) {
    Io& io = ctx.io;
    const ActivityRule& rule = *ins.activities;
    std::vector<ItemAnswer> answers;
    const auto rate = [&](const std::string& activity) -> std::optional<int> {
      const auto a =
          ask_valid(io, fmt::format("  {} ({}-{})", activity, rule.min, rule.max), [&](const std::string& v) {
            const auto n = parse_integer(v);
            if (n && *n >= rule.min && *n <= rule.max) return std::optional<std::string>();
            return std::optional<std::string>(fmt::format("allowed: a whole number from {} to {}", rule.min, rule.max));
          });
      if (!a) return std::nullopt;
      return static_cast<int>(*parse_integer(*a));
    };
    io.err << "Rate each activity: " << rule.anchors << ".\n";
    const auto previous = previous_activities(ctx.store, ctx.user.id);
    if (!previous.empty()) io.err << "First the activities you named last time, to compare like with like:\n";
    for (const auto& activity : previous) {
      const auto r = rate(activity);
      if (!r) return std::nullopt;
      answers.push_back({activity, std::nullopt, *r});
    }
    while (std::ssize(answers) < rule.max_activities) {
      const auto name =
          ask_valid(io, "An activity you find hard because of your back (Enter when done)",
                    [&](const std::string& a) -> std::optional<std::string> {
                      if (a.empty() && answers.empty()) return "name at least one activity";
                      if (a.find_first_of(",;=") != std::string::npos || a.size() > kMaxActivityName) {
                        return fmt::format("allowed: up to {} characters, without ',', ';' or '='", kMaxActivityName);
                      }
                      return std::nullopt;
                    });
      if (!name) return std::nullopt;
      if (name->empty()) break;
      const auto r = rate(*name);
      if (!r) return std::nullopt;
      answers.push_back({*name, std::nullopt, *r});
    }
    return answers;
  }

  int take(CommandContext& ctx) {
    const auto loaded = instrument(ctx);
    if (!loaded) return report(ctx.io, loaded.error());
    const Instrument& ins = *loaded;
    std::vector<ItemAnswer> answers;
    if (answers_) {
      auto parsed = read_answers(ins, *answers_);
      if (!parsed)
        return report(
            ctx.io,
            with_hint(invalid(fmt::format("nothing was saved: some {} answers are not allowed", ins.abbreviation),
                              std::move(parsed).error()),
                      {HintAction::show_questionnaire, {{"id", ins.id}}}),
            FieldNames::as_given);  // the item ids typed in --answers
      answers = std::move(parsed).value();
    } else {
      Io& io = ctx.io;
      io.err << fmt::format("{} ({}), about {}.\n", ins.name, ins.abbreviation, ins.recall);
      if (ins.licensed_wording && ins.wording_notice.empty()) {
        io.err << "daybreak shows short labels only: the wording is copyrighted. Read each item on\n"
                  "the paper form and enter the answer given there.\n";
      }
      if (!ins.wording_notice.empty()) io.err << ins.wording_notice << "\n";
      io.err << "\n";
      auto asked = ins.activities ? ask_activities(ctx, ins) : ask_items(io, ins);
      if (!asked) {
        io.err << "\nStopped before the end; nothing was saved.\n";
        return kOk;
      }
      answers = std::move(*asked);
      io.err << "\n";
    }
    const auto response =
        record_response(ctx.store, ctx.now(), ctx.user.id, ins, answers, from_paper_ ? "paper" : "cli");
    if (!response) return report(ctx.io, response.error(), FieldNames::as_given);
    const auto histories = questionnaire_history(ctx.store, ctx.user.id, ins.id);
    const ScoreHistory* h = histories && !histories->empty() ? &histories->front() : nullptr;
    if (json_) {
      print_json(ctx.io.out, recorded_response_json(ins, *response, h));
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    out << fmt::format("{}: {}\n", ins.abbreviation, score_line(ins, response->score));
    // Skipped items change the score's meaning only where they leave the denominator.
    const bool skips_matter = ins.rule == ScoringRule::percent || ins.rule == ScoringRule::mean;
    if (skips_matter && response->score.skipped > 0) {
      out << fmt::format("  {} of {} items answered\n", response->score.answered, ins.items.size());
    }
    for (const auto& note : response->score.notes) out << "  " << note << "\n";
    if (h && h->responses.size() >= 2 && h->since_first) {
      out << fmt::format("Since your first {} ({}): {}.\n", ins.abbreviation,
                         format_date(ctx.zone.date_of(h->responses.front().taken_at)),
                         change_sentence(ins, h->responses.front(), h->responses.back(), *h->since_first));
    }
    return kOk;
  }

  int history(CommandContext& ctx) {
    const auto histories = questionnaire_history(ctx.store, ctx.user.id, id_);
    if (!histories) return report(ctx.io, histories.error());
    if (json_) {
      print_json(ctx.io.out, history_json(*histories));
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    if (histories->empty()) {
      out << "No questionnaires taken yet. See them: daybreak questionnaire list\n";
      return kOk;
    }
    bool first = true;
    for (const auto& h : *histories) {
      const Instrument& ins = *h.instrument;
      if (!first) out << "\n";
      first = false;
      out << fmt::format("{}: {} ({})\n", ins.abbreviation, ins.name, ins.version);
      for (const auto& r : h.responses) {
        const std::string line =
            fmt::format("  {}  {:<7} {}{}", format_date(ctx.zone.date_of(r.taken_at)), format_score(ins, r.score.value),
                        r.score.band.empty() ? "" : band_label(ins, r.score.band),
                        r.channel == "paper" ? " (from the paper form)" : "");
        out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
      }
      if (!h.activities.empty()) {
        out << "  Activities rated first and last:\n";
        for (const auto& a : h.activities) out << fmt::format("    {}: {} -> {}\n", a.activity, a.before, a.after);
      }
      if (!h.not_compared.empty())
        out << "  Not compared (rated only once of the two): " << join(h.not_compared, ", ") << "\n";
      if (h.since_first) {
        out << fmt::format("  Since the first: {}.\n",
                           change_sentence(ins, h.responses.front(), h.responses.back(), *h.since_first));
      }
      if (h.since_previous && h.responses.size() > 2) {
        out << fmt::format("  Since the previous: {}.\n", change_sentence(ins, h.responses[h.responses.size() - 2],
                                                                          h.responses.back(), *h.since_previous));
      }
    }
    return kOk;
  }

  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* take_ = nullptr;
  CLI::App* history_ = nullptr;
  std::string id_;
  std::optional<std::string> answers_;
  std::optional<std::string> wording_;
  bool from_paper_ = false;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> questionnaire_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<QuestionnaireCommand>());
  return commands;
}

}  // namespace daybreak
