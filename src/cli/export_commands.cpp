#include "cli/export_commands.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "content/instruments.hpp"

namespace daybreak {
namespace {

AppResult<std::optional<LocalDate>> day_option(const std::optional<std::string>& text, LocalDate today,
                                               std::string_view option) {
  if (!text) return std::optional<LocalDate>();
  if (*text == "today") return std::optional<LocalDate>(today);
  if (*text == "yesterday") return std::optional<LocalDate>(add_days(today, -1));
  if (const auto d = parse_date(*text)) return std::optional<LocalDate>(*d);
  return fail(invalid("that is not a date",
                      {{std::string(option), *text, "a diary day written YYYY-MM-DD, today or yesterday"}}));
}

}  // namespace

void RangeOptions::add_to(CLI::App& sub) {
  sub.add_option("--from", from_, "fhir: the first diary day, YYYY-MM-DD, today or yesterday (default: the first)")
      ->type_name("DAY");
  sub.add_option("--to", to_, "fhir: the last diary day (default: the last)")->type_name("DAY");
}

AppResult<DayRange> RangeOptions::read(LocalDate today) const {
  const auto from = day_option(from_, today, "--from");
  if (!from) return fail(from.error());
  const auto to = day_option(to_, today, "--to");
  if (!to) return fail(to.error());
  return DayRange{*from, *to};
}

std::optional<AppError> RangeOptions::refuse_for(std::string_view format) const {
  if (!from_ && !to_) return std::nullopt;
  return invalid(fmt::format("--from and --to are for fhir; {} exports the whole diary", format),
                 {{from_ ? "--from" : "--to", from_.value_or(to_.value_or("")), "nothing, with this format"}});
}

int export_fhir_command(CommandContext& ctx, const RangeOptions& options, const std::optional<std::string>& output) {
  const auto range = options.read(ctx.today());
  if (!range) return report(ctx.io, range.error());
  const auto bundle = export_fhir(ctx.store, ctx.user.id, ctx.zone, *range);
  if (!bundle) return report(ctx.io, bundle.error());
  if (!output) {
    ctx.io.out << *bundle;
    return kOk;
  }
  write_export_file(*output, *bundle);
  ctx.io.err << fmt::format("Wrote your diary as FHIR to {}\n", *output);
  return kOk;
}

int import_fhir_command(CommandContext& ctx, const std::string& text, bool dry_run, const ContentOption& content) {
  const auto library = content.load();
  if (!library) return report(ctx.io, library.error());
  const auto result =
      import_fhir(ctx.store, {ctx.now(), Actor{ctx.user.id, "import"}}, ctx.user.id, ctx.zone, *library, text, dry_run);
  if (!result) return report(ctx.io, result.error());
  const FhirImportSummary& s = *result;
  const ImportSummary& e = s.entries;
  const auto plural = [](int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  ctx.io.out << fmt::format("{} {} new, updated {}, {} already in your diary.\n",
                            e.written ? "Imported" : "Would import", plural(e.added, "entry", "entries"), e.replaced,
                            e.unchanged);
  ctx.io.out << fmt::format("Sessions: {} new, {} already in your diary. Questionnaires: {} new, {} already in your diary.\n",
                            s.sessions_added, s.sessions_unchanged, s.responses_added, s.responses_unchanged);
  if (!e.items_created.empty()) {
    ctx.io.out << fmt::format("{} sleep items: {}\n", e.written ? "Added" : "Would add", fmt::join(e.items_created, ", "));
  }
  return kOk;
}

std::vector<std::unique_ptr<Command>> export_commands() { return {}; }

}  // namespace daybreak
