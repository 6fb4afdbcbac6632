// The clinician report as plain data: the words and numbers of its two pages,
// put together by app/clinician_report.hpp from the existing use cases, and
// laid out as a PDF by report/clinician_pdf.hpp. Nothing here computes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace daybreak {

// A table: the header row, then the rows, each as many cells as the header.
struct ReportTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // A row with words only in its first and last cells (the key changes'
  // Safety row) writes the last across the empty ones.
  bool span_empty = false;
};

// One day of the charts.
struct ReportDay {
  LocalDate day;
  std::optional<double> morning_pain;  // the morning entry's pain
  std::optional<double> mean7;         // mean morning pain of the 7 days ending here, when any
  std::optional<double> low;           // lowest and highest pain of the day's periods
  std::optional<double> high;
  std::optional<double> stiffness_minutes;
  bool still_stiff = false;  // stiffness had not eased when the morning was logged
};

// A warning shown first on page 1, in a red box: a heading and its paragraphs.
struct ReportAlert {
  std::string heading;
  std::vector<std::string> paragraphs;
};

struct ReportMark {
  enum class Kind { stage, flare };
  LocalDate day;
  Kind kind = Kind::stage;
  std::string label;  // "stage 2"
};

// A section of the detail page: paragraphs, a table, and a list whose last
// items the renderer leaves out, whole, when the page is full; `more` (or
// `more_one`) then says how many and which command shows them all.
struct ReportSection {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::optional<ReportTable> table;
  std::vector<std::string> after_table;  // paragraphs that read the table
  std::vector<std::string> items;
  std::string more;      // "{} earlier notes are not shown; ..."
  std::string more_one;  // the same for one: "1 earlier note is not shown; ..."
};

struct ClinicianReport {
  std::string title;  // the document's title: "Back pain report: 1 Sep to 23 Nov 2026"
  std::string name;   // the person's name; empty when not set
  LocalDate from;
  LocalDate to;
  std::string period;
  std::string generated;  // "23 Nov 2026 07:30 (Europe/Berlin), daybreak 0.1.0"
  Instant generated_at;   // the PDF's creation date (from the injected clock)
  std::string completeness;
  std::string language = "en";

  // Page 1.
  // Shown before all else: a warning sign still waiting for a clinician
  // (whenever it was reported), an emergency sign of the period, symptoms in
  // both legs on one day of the period.
  std::vector<ReportAlert> alerts;
  bool nothing_logged = false;  // no entry in the period: page 1 says so and stops
  std::string nothing_logged_text;
  ReportTable key_changes;  // what | then | now | what it means
  std::vector<ReportDay> days;
  std::vector<ReportMark> marks;
  std::string pain_chart_title;
  std::string pain_chart_alt;  // the chart in a sentence, with its numbers
  std::string stiffness_chart_title;
  std::string stiffness_chart_alt;
  double stiffness_line = 30;  // minutes: the reference line
  std::optional<ReportTable> questionnaires;
  std::string questionnaires_none;  // said when none was taken in the period

  // Page 2.
  std::vector<ReportSection> detail;  // the person's questions among them, never left out
  std::vector<std::string> method;
  std::string disclaimer;
};

}  // namespace daybreak
