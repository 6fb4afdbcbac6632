// The clinician report command: `daybreak report` writes the
// two-page PDF for a period (the last 12 weeks by default) to a file the
// person then reads and shares themselves.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/clinician_report.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/day_option.hpp"
#include "cli/output.hpp"
#include "cli/progression_hook.hpp"
#include "platform/files.hpp"
#include "report/clinician_pdf.hpp"

namespace daybreak {
namespace {

class ReportCommand final : public Command {
 public:
  std::string_view name() const override { return "report"; }
  std::string_view summary() const override {
    return "a two-page PDF for your physiotherapist or doctor (the last 12 weeks by default)";
  }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("--from", from_, "first day: YYYY-MM-DD, today or yesterday (default: 12 weeks before --to)")
        ->type_name("DAY");
    sub.add_option("--to", to_, "last day (default: today)")->type_name("DAY");
    sub.add_option("--output,-o", output_,
                   "write to this file, readable only by you (default: daybreak-report-FROM-to-TO.pdf, or "
                   ".fhir.json, here; - for stdout)")
        ->type_name("FILE");
    sub.add_option("--format", format_,
                   "pdf (default), or fhir: an HL7 FHIR R4 document Bundle with the PDF inside, for a record system")
        ->check(CLI::IsMember({"pdf", "fhir"}));
    sub.add_option("--paper", paper_, "a4 or letter (default: from your locale, LC_PAPER or LANG)")
        ->check(CLI::IsMember({"a4", "letter"}));
    sub.add_option("--questions", questions_,
                   fmt::format("your questions for your clinician, printed on page 2 (at most {} characters)",
                               kMaxReportQuestions))
        ->type_name("TEXT");
    content_.add_to(sub);
    sub.footer(
        "Page 1: how morning pain, stiffness and the questionnaires changed, judged against the\n"
        "changes that matter, and any warning sign. Page 2: the program and its decisions, pain\n"
        "through the day, medication, experiments and your notes. Read it before you share it:\n"
        "nothing is sent anywhere. docs/report.md says what each part shows and where it comes from.");
  }

  int run(CommandContext& ctx) override {
    const auto range = parse_day_range(from_, to_, ctx.today());
    if (!range) return report(ctx.io, range.error());
    ClinicianReportRequest request;
    request.from = range->from;
    request.to = range->to;
    request.questions = questions_;
    auto library = content_.load();
    if (!library) return report(ctx.io, library.error());
    const auto config = progression_config(ctx);
    if (!config) return report(ctx.io, config.error());
    const auto made = clinician_report(
        ctx.store, ctx.user, {*library, *config, ctx.zone, ctx.now(), std::string(DAYBREAK_VERSION)}, request);
    if (!made) return report(ctx.io, made.error());
    const Paper paper = paper_ ? *parse_paper(*paper_) : paper_for_locale(ctx.paper_locale);
    const auto pdf = clinician_pdf(*made, paper);
    if (!pdf) {
      ctx.io.err << fmt::format("daybreak: the report could not be made: {}\n", pdf.error());
      return kStorage;
    }
    const bool fhir = format_ == "fhir";
    const std::string body = fhir ? clinician_report_fhir(ctx.store, ctx.user, *made, ctx.zone, *pdf) : *pdf;
    if (output_ && *output_ == "-") {
      ctx.io.out << body;
      return kOk;
    }
    const std::string file = output_.value_or(fmt::format("daybreak-report-{}-to-{}.{}", format_date(made->from),
                                                          format_date(made->to), fhir ? "fhir.json" : "pdf"));
    write_private_file(file, body);
    ctx.io.err << fmt::format("Wrote your report ({}, {}) to {}. Read it before you share it.\n", made->title,
                              paper == Paper::a4 ? "A4" : "Letter", file);
    return kOk;
  }

 private:
  std::optional<std::string> from_;
  std::optional<std::string> to_;
  std::optional<std::string> output_;
  std::optional<std::string> paper_;
  std::string format_ = "pdf";
  std::string questions_;
  ContentOption content_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> report_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(std::make_unique<ReportCommand>());
  return out;
}

}  // namespace daybreak
