#include "content/instruments.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "domain/text.hpp"
#include "platform/embedded.hpp"

namespace daybreak::embedded {
std::span<const EmbeddedFile> questionnaires();
}

namespace daybreak {
namespace {

using Need = TableReader::Need;

constexpr std::size_t kMaxText = 400;
constexpr std::size_t kMaxLicence = 600;
constexpr std::string_view kInstrumentIdRule = "an id of 1 to 40 characters: a-z, 0-9 and _";

bool valid_instrument_id(std::string_view id) {
  return !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<std::string> read_id(TableReader& t, std::string_view key) {
  auto id = t.text(key, Need::required, 40);
  if (id && !valid_instrument_id(*id)) {
    t.problem(key, *id, std::string(kInstrumentIdRule));
    return std::nullopt;
  }
  return id;
}

// "total <= 20", "psychosocial >= 4"
std::optional<BandCondition> parse_condition(std::string_view text) {
  const auto parts = split_list(text, " ");
  if (parts.size() != 3) return std::nullopt;
  static const std::map<std::string_view, BandCondition::Op> ops = {{"<=", BandCondition::Op::le},
                                                                    {"<", BandCondition::Op::lt},
                                                                    {">=", BandCondition::Op::ge},
                                                                    {">", BandCondition::Op::gt}};
  const auto op = ops.find(parts[1]);
  if (op == ops.end()) return std::nullopt;
  const auto tenths = parse_tenths(parts[2]);
  if (!tenths) return std::nullopt;
  return BandCondition{std::string(parts[0]), op->second, static_cast<double>(*tenths) / 10.0};
}

std::vector<ItemOption> read_options(std::vector<TableReader>& tables) {
  std::vector<ItemOption> options;
  std::set<std::string> codes;
  for (auto& o : tables) {
    auto code = o.text("code", Need::required, 20);
    auto label = o.text("label", Need::required, 80);
    auto score = o.number("score", -100, 100);
    o.finish();
    if (!code || !label || !score) continue;
    if (code != to_lower_ascii(*code) || code->find_first_of(",;= ") != std::string::npos) {
      o.problem("code", *code, "lower-case text without spaces, ',', ';' or '='");
      continue;
    }
    if (!codes.insert(*code).second) {
      o.problem("code", *code, "a code not used by another option of the same item");
      continue;
    }
    options.push_back({*code, *label, *score});
  }
  return options;
}

void read_item(TableReader& t, Instrument& ins, const std::map<std::string, std::vector<ItemOption>>& sets) {
  InstrumentItem item;
  const auto id = read_id(t, "id");
  const auto label = t.text("label", Need::required, 80);
  const auto text = t.text("text", Need::optional, kMaxText);
  const auto kind = t.choice<ItemKind>("kind");
  const auto constructs = t.texts("constructs", Need::optional, 40);
  const auto required = t.boolean("required", Need::optional);
  const auto weight = t.number("weight", 0, 100, Need::optional);
  if (text && ins.licensed_wording) {
    t.problem("text", *text,
              "nothing: this instrument's wording is copyrighted; ship its label only and load the wording from a "
              "licensed wording file");
  }
  if (kind == ItemKind::choice) {
    // Options from a shared [[option_set]] (options = "tick"), or the item's own [[item.option]] tables.
    if (t.has("options")) {
      const auto set = t.text("options", Need::required, 40);
      const auto found = set ? sets.find(*set) : sets.end();
      if (found != sets.end()) {
        item.options = found->second;
      } else if (set) {
        std::vector<std::string> names;
        for (const auto& entry : sets) names.push_back(entry.first);
        t.problem("options", *set, "the id of an [[option_set]] in this file: " + join(names, ", "));
      }
    } else if (auto tables = t.tables("option")) {
      item.options = read_options(*tables);
      if (item.options.size() < 2) t.problem("option", std::nullopt, "two or more options");
    }
  } else if (kind) {
    const auto min = t.integer("min", 0, 100000);
    const auto max = t.integer("max", 0, 100000);
    if (min && max && *min >= *max)
      t.problem("max", std::to_string(*max), fmt::format("a number above min ({})", *min));
    item.min = static_cast<int>(min.value_or(0));
    item.max = static_cast<int>(max.value_or(10));
    if (kind == ItemKind::minutes) {
      item.minutes_cap = static_cast<int>(t.integer("minutes_cap", 1, 100000).value_or(1));
      item.minutes_per_point = static_cast<int>(t.integer("minutes_per_point", 1, 1000).value_or(1));
    }
  }
  t.finish();
  if (!id || !label || !kind) return;
  if (ins.find_item(*id) != nullptr &&
      std::any_of(ins.items.begin(), ins.items.end(), [&](const auto& i) { return i.id == *id; })) {
    t.problem("id", *id, "an id not used by another item of this instrument");
    return;
  }
  item.id = *id;
  item.label = *label;
  item.text = text.value_or("");
  item.kind = *kind;
  item.constructs = constructs.value_or(std::vector<std::string>{});
  item.required = required.value_or(true);
  item.weight = weight.value_or(1.0);
  ins.items.push_back(std::move(item));
}

}  // namespace

Result<Instrument, ContentErrors> read_instrument(const TomlDocument& document) {
  ContentErrors errors;
  TableReader root(document, errors);
  Instrument ins;
  const auto id = read_id(root, "id");
  const auto name = root.text("name", Need::required, 80);
  const auto abbreviation = root.text("abbreviation", Need::required, 20);
  const auto version = root.text("version", Need::required, 80);
  const auto description = root.text("description", Need::required, kMaxText);
  const auto recall = root.text("recall", Need::required, 40);
  const auto source = root.text("source", Need::required, kMaxText);
  const auto licence = root.text("licence", Need::required, kMaxLicence);
  const auto licensed = root.boolean("licensed_wording");
  const auto offered = root.text("offered_to", Need::optional, 20);
  const auto change_note = root.text("change_note", Need::optional, 200);
  if (offered && *offered != "axspa")
    root.problem("offered_to", *offered, "axspa (or leave it out: offered to everyone)");
  ins.licensed_wording = licensed.value_or(true);

  if (auto scoring = root.table("scoring")) {
    const auto rule = scoring->choice<ScoringRule>("rule");
    const auto decimals = scoring->integer("decimals", 0, 3);
    const auto unit = scoring->text("unit", Need::optional, 10);
    const auto better = scoring->choice<Better>("better");
    const auto max_skipped = scoring->integer("max_skipped", 0, 100, Need::optional);
    scoring->finish();
    ins.rule = rule.value_or(ScoringRule::sum);
    ins.decimals = static_cast<int>(decimals.value_or(0));
    ins.unit = unit.value_or("");
    ins.better = better.value_or(Better::lower);
    if (max_skipped) ins.max_skipped = static_cast<int>(*max_skipped);
  }
  if (auto change = root.table("change", Need::optional)) {
    MinimalChange mic;
    mic.points = change->number("points", 0, 100, Need::optional);
    mic.percent = change->number("percent", 0, 100, Need::optional);
    mic.percent_needs_points = change->number("percent_needs_points", 0, 100, Need::optional);
    mic.source = change->text("source", Need::required, kMaxText).value_or("");
    if (!mic.points && !mic.percent) change->problem("points", std::nullopt, "points, percent or both");
    change->finish();
    ins.change = std::move(mic);
  }
  if (auto activities = root.table("activities", Need::optional)) {
    ActivityRule a;
    a.max_activities = static_cast<int>(activities->integer("max_activities", 1, 10).value_or(5));
    a.min = static_cast<int>(activities->integer("min", 0, 100).value_or(0));
    a.max = static_cast<int>(activities->integer("max", 1, 100).value_or(10));
    a.anchors = activities->text("anchors", Need::required, 200).value_or("");
    activities->finish();
    ins.activities = std::move(a);
  }

  std::map<std::string, std::vector<ItemOption>> sets;
  if (auto option_sets = root.tables("option_set", Need::optional)) {
    for (auto& set : *option_sets) {
      const auto set_id = read_id(set, "id");
      auto options = set.tables("option");
      std::vector<ItemOption> read = options ? read_options(*options) : std::vector<ItemOption>{};
      if (options && read.size() < 2) set.problem("option", std::nullopt, "two or more options");
      set.finish();
      if (set_id) sets[*set_id] = std::move(read);
    }
  }
  if (auto items = root.tables("item", ins.activities ? Need::optional : Need::required)) {
    for (auto& t : *items) read_item(t, ins, sets);
  }
  if (ins.activities && !ins.items.empty()) {
    root.problem("item", "items", "no [[item]] tables: the person names the activities ([activities])");
  }

  std::set<std::string> constructs;
  for (const auto& item : ins.items) constructs.insert(item.constructs.begin(), item.constructs.end());
  if (auto subscales = root.tables("subscale", Need::optional)) {
    for (auto& t : *subscales) {
      const auto sub_id = read_id(t, "id");
      const auto label = t.text("label", Need::required, 80);
      const auto construct = t.text("construct", Need::required, 40);
      if (construct && !constructs.contains(*construct)) {
        t.problem("construct", *construct, "a construct that at least one item lists in its constructs");
      }
      t.finish();
      if (sub_id && label && construct) ins.subscales.push_back({*sub_id, *label, *construct});
    }
  }
  if (auto bands = root.tables("band", Need::optional)) {
    for (std::size_t i = 0; i < bands->size(); ++i) {
      auto& t = (*bands)[i];
      const auto band_id = read_id(t, "id");
      const auto label = t.text("label", Need::required, 120);
      const auto when = t.text("when", Need::optional, 60);
      std::optional<BandCondition> condition;
      if (when) {
        condition = parse_condition(*when);
        const bool known = condition && (condition->score == "total" ||
                                         std::any_of(ins.subscales.begin(), ins.subscales.end(),
                                                     [&](const Subscale& s) { return s.id == condition->score; }));
        if (!known) {
          t.problem("when", *when,
                    "a condition such as \"total <= 20\" or \"SUBSCALE >= 4\" (<, <=, >, >=; a number with at most one "
                    "decimal)");
          condition.reset();
        }
      } else if (i + 1 != bands->size()) {
        t.problem("when", std::nullopt, "a condition: only the last band may have none");
      }
      t.finish();
      if (band_id && label) ins.bands.push_back({*band_id, *label, condition});
    }
  }
  root.finish();

  if (!errors.empty()) return fail(std::move(errors));
  ins.id = *id;
  ins.name = *name;
  ins.abbreviation = *abbreviation;
  ins.version = *version;
  ins.description = *description;
  ins.recall = *recall;
  ins.source = *source;
  ins.licence = *licence;
  ins.offered_to = offered.value_or("");
  ins.change_note = change_note.value_or("");
  return ins;
}

const std::vector<Instrument>& builtin_instruments() {
  static const std::vector<Instrument> instruments = [] {
    // The order people see in `questionnaire list`.
    static constexpr std::array<std::string_view, 7> kOrder = {"nrs_pain", "morning_stiffness", "psfs",  "odi",
                                                               "rmdq",     "start_back",        "basdai"};
    std::vector<Instrument> out;
    for (const auto id : kOrder) {
      const auto file = find_embedded(embedded::questionnaires(), std::string(id) + ".toml");
      if (!file) throw std::logic_error(fmt::format("built-in questionnaire {}.toml is missing", id));
      auto document = TomlDocument::parse(file->data, "content/questionnaires/" + std::string(file->path));
      if (!document) throw std::logic_error(document.error().text());
      auto instrument = read_instrument(*document);
      if (!instrument) throw std::logic_error(instrument.error().front().text());
      out.push_back(std::move(instrument).value());
    }
    return out;
  }();
  return instruments;
}

const Instrument* find_instrument(std::string_view id) {
  for (const auto& i : builtin_instruments()) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

Status<ContentErrors> apply_wording(Instrument& instrument, const TomlDocument& document) {
  ContentErrors errors;
  TableReader root(document, errors);
  const auto for_instrument = root.text("instrument", Need::required, 40);
  const auto version = root.text("version", Need::required, 80);
  const auto notice = root.text("notice", Need::required, kMaxLicence);
  if (for_instrument && *for_instrument != instrument.id) {
    root.problem("instrument", *for_instrument,
                 fmt::format("{} (this file is laid over that questionnaire)", instrument.id));
  }
  if (version && *version != instrument.version) {
    root.problem(
        "version", *version,
        fmt::format("{}: the version daybreak scores (versions differ in items and scoring)", instrument.version));
  }
  Instrument worded = instrument;
  std::set<std::string> seen;
  if (auto items = root.tables("item")) {
    for (auto& t : *items) {
      const auto id = t.text("id", Need::required, 40);
      const auto text = t.text("text", Need::required, 1000);
      const auto options = t.texts("options", Need::optional, 1000);
      t.finish();
      if (!id) continue;
      auto it =
          std::find_if(worded.items.begin(), worded.items.end(), [&](const InstrumentItem& i) { return i.id == *id; });
      if (it == worded.items.end()) {
        t.problem("id", *id, fmt::format("an item id of the {}", instrument.abbreviation));
        continue;
      }
      if (!seen.insert(*id).second) {
        t.problem("id", *id, "each item once");
        continue;
      }
      if (text) it->text = *text;
      if (!options) continue;
      const std::size_t expected =
          it->kind == ItemKind::choice ? it->options.size() : static_cast<std::size_t>(it->max - it->min + 1);
      if (options->size() != expected) {
        t.problem("options", fmt::format("{} texts", options->size()),
                  fmt::format("{} texts, one per {} in order", expected,
                              it->kind == ItemKind::choice ? "option" : "value from min to max"));
        continue;
      }
      if (it->kind == ItemKind::choice) {
        for (std::size_t k = 0; k < expected; ++k) it->options[k].label = (*options)[k];
      } else {
        it->anchors = *options;
      }
    }
  }
  root.finish();
  if (!errors.empty()) return fail(std::move(errors));
  worded.wording_notice = *notice;
  instrument = std::move(worded);
  return Ok{};
}

}  // namespace daybreak
