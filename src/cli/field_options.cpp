#include "cli/field_options.hpp"

#include <map>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "domain/text.hpp"

namespace daybreak {
namespace {

// Short singular spellings for list options: --med twice reads better than --medications twice.
const std::map<std::string_view, std::string_view> kAliases = {
    {"medications", "med"}, {"factors", "factor"}, {"pillows", "pillow"}, {"signs", "sign"}, {"locations", "where"},
};

std::string dashed(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c == '_') c = '-';
  }
  return s;
}

std::string help_for(const FieldInfo& f) {
  std::string help(f.help);
  if (!f.choices.empty()) {
    std::vector<std::string> words(f.choices.begin(), f.choices.end());
    help += ": " + join(words, ", ");
  }
  if (f.applies != Applies::all) help += fmt::format(" [{} only]", applies_text(f.applies));
  return help;
}

}  // namespace

std::string option_name(std::string_view field, const CLI::App* command) {
  const std::string option = "--" + dashed(field);
  if (field == "date" || find_diary_field(field) != nullptr) return option;
  for (const CLI::App* app = command; app != nullptr;) {
    if (app->get_option_no_throw(option) != nullptr) return option;
    const auto chosen = app->get_subcommands();  // the parsed ones
    app = chosen.empty() ? nullptr : chosen.front();
  }
  return std::string(field);
}

void FieldOptions::add_to(CLI::App& sub, bool clearable) {
  for (const auto& f : diary_fields()) {
    Given& g = given_.emplace_back(Given{&f, {}, 0});
    std::string names = "--" + dashed(f.name);
    if (const auto alias = kAliases.find(f.name); alias != kAliases.end()) names += ",--" + std::string(alias->second);
    if (f.shape == FieldShape::flag) {
      sub.add_flag(names, g.flag_count, help_for(f))->group("Diary fields");
      continue;
    }
    auto* opt = sub.add_option(names, g.values, help_for(f))
                    ->type_name(std::string(f.value_name))
                    ->expected(1)
                    ->allow_extra_args(false)
                    ->group("Diary fields");
    // Lists may be given several times; a value given twice elsewhere is reported by validation.
    opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  if (clearable) {
    std::vector<std::string> names;
    for (const auto& f : diary_fields()) names.emplace_back(f.name);
    sub.add_option("--clear", clear_, "remove a field's value, e.g. --clear note (repeatable)")
        ->type_name("FIELD")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::IsMember(names));
  }
}

Draft FieldOptions::draft() const {
  Draft draft;
  for (const auto& name : clear_) draft.clear(name);
  for (const auto& g : given_) {
    if (g.flag_count > 0) draft.set(g.field->name, "yes");
    for (const auto& v : g.values) draft.set(g.field->name, v);
  }
  return draft;
}

}  // namespace daybreak
