#include "app/questionnaire_json.hpp"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/choices.hpp"
#include "domain/time.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

Json change_json(const Instrument& ins, const QuestionnaireResponse& from, const QuestionnaireResponse& to,
                 const ScoreChange& c) {
  Json j{{"baseline", c.baseline},
         {"latest", c.latest},
         {"change", c.change},
         {"sentence", change_sentence(ins, from, to, c)}};
  if (c.percent) j["percent"] = *c.percent;
  static constexpr std::array<std::string_view, 6> kVerdicts = {
      "unchanged", "within", "important_improvement", "important_worsening", "no_threshold", "too_soon"};
  j["verdict"] = kVerdicts[static_cast<std::size_t>(c.verdict)];
  return j;
}

Json item_json(const InstrumentItem& item) {
  Json j{{"id", item.id},
         {"label", item.label},
         {"kind", name_of(item.kind)},
         {"required", item.required},
         {"constructs", item.constructs},
         {"allowed", item_allowed(item)}};
  if (!item.text.empty()) j["text"] = item.text;
  if (item.kind == ItemKind::choice) {
    Json options = Json::array();
    for (const auto& o : item.options) options.push_back(Json{{"code", o.code}, {"label", o.label}});
    j["options"] = options;
  } else {
    j["min"] = item.min;
    j["max"] = item.max;
  }
  if (!item.anchors.empty()) j["anchors"] = item.anchors;
  return j;
}

}  // namespace

std::string band_label(const Instrument& instrument, const std::string& band) {
  const Band* b = find_band(instrument, band);
  return b != nullptr ? b->label : band;
}

std::string band_condition_text(const Band& band) {
  if (!band.when) return "otherwise";
  static constexpr std::array<std::string_view, 4> kOps = {"<=", "<", ">=", ">"};
  return fmt::format("{} {} {}", band.when->score, kOps[static_cast<std::size_t>(band.when->op)],
                     format_amount(band.when->value, 1));
}

std::string change_sentence(const Instrument& ins, const QuestionnaireResponse& from, const QuestionnaireResponse& to,
                            const ScoreChange& change) {
  if (!ins.change && !ins.bands.empty()) {
    if (from.score.band == to.score.band)
      return fmt::format("{}: still {}", ins.abbreviation, band_label(ins, to.score.band));
    return fmt::format("{}: from {} to {}", ins.abbreviation, band_label(ins, from.score.band),
                       band_label(ins, to.score.band));
  }
  return change.sentence;
}

Json questionnaire_list_json(const std::vector<InstrumentOffer>& offers, const std::vector<ScoreHistory>& histories) {
  Json list = Json::array();
  for (const auto& o : offers) {
    Json j{{"id", o.instrument->id},
           {"name", o.instrument->name},
           {"abbreviation", o.instrument->abbreviation},
           {"version", o.instrument->version},
           {"offered", o.offered},
           {"licensed_wording", o.instrument->licensed_wording}};
    if (!o.offered) j["why_not"] = o.why_not;
    if (o.hint) j["hint"] = hint_to_json(*o.hint);
    for (const auto& h : histories) {
      if (h.instrument->id == o.instrument->id && !h.responses.empty())
        j["last"] = response_json(*o.instrument, h.responses.back());
    }
    list.push_back(std::move(j));
  }
  return list;
}

Json instrument_json(const Instrument& ins) {
  Json items = Json::array();
  for (const auto& item : ins.items) items.push_back(item_json(item));
  Json bands = Json::array();
  for (const auto& b : ins.bands)
    bands.push_back(Json{{"id", b.id}, {"label", b.label}, {"when", band_condition_text(b)}});
  Json j{{"id", ins.id},
         {"name", ins.name},
         {"abbreviation", ins.abbreviation},
         {"version", ins.version},
         {"recall", ins.recall},
         {"description", ins.description},
         {"source", ins.source},
         {"licence", ins.licence},
         {"licensed_wording", ins.licensed_wording},
         {"scoring", name_of(ins.rule)},
         {"unit", ins.unit},
         {"better", name_of(ins.better)},
         {"min_score", ins.min_score()},
         {"max_score", ins.max_score()},
         {"items", items},
         {"bands", bands}};
  if (ins.activities) {
    j["activities"] = Json{{"max_activities", ins.activities->max_activities},
                           {"min", ins.activities->min},
                           {"max", ins.activities->max},
                           {"anchors", ins.activities->anchors}};
  }
  if (ins.change) {
    j["minimal_important_change"] = Json{
        {"points", ins.change->points ? Json(*ins.change->points) : Json()},
        {"percent", ins.change->percent ? Json(*ins.change->percent) : Json()},
        {"percent_needs_points", ins.change->percent_needs_points ? Json(*ins.change->percent_needs_points) : Json()},
        {"source", ins.change->source}};
  } else if (!ins.change_note.empty()) {
    j["change_note"] = ins.change_note;
  }
  if (!ins.wording_notice.empty()) j["wording_notice"] = ins.wording_notice;
  return j;
}

Json response_json(const Instrument& ins, const QuestionnaireResponse& r) {
  Json answers = Json::array();
  for (const auto& a : r.answers) {
    Json o{{"item", a.item}};
    if (a.choice) o["choice"] = *a.choice;
    if (a.value) o["value"] = *a.value;
    if (!a.choice && !a.value) o["skipped"] = true;
    answers.push_back(std::move(o));
  }
  Json subscales = Json::object();
  for (const auto& s : r.score.subscales) subscales[s.id] = s.value;
  Json j{{"id", r.id.value},
         {"instrument", r.instrument},
         {"version", r.version},
         {"taken_at", format_utc(r.taken_at)},
         {"channel", r.channel},
         {"score", r.score.value},
         {"shown", format_score(ins, r.score.value)},
         {"band", r.score.band},
         {"subscales", subscales},
         {"answered", r.score.answered},
         {"skipped", r.score.skipped},
         {"notes", r.score.notes},
         {"answers", answers}};
  if (!r.score.band.empty()) j["band_label"] = band_label(ins, r.score.band);
  return j;
}

Json recorded_response_json(const Instrument& ins, const QuestionnaireResponse& response, const ScoreHistory* h) {
  Json j = response_json(ins, response);
  if (h != nullptr && h->since_first && !h->responses.empty())
    j["since_first"] = change_json(ins, h->responses.front(), h->responses.back(), *h->since_first);
  return j;
}

Json history_json(const std::vector<ScoreHistory>& histories) {
  Json list = Json::array();
  for (const auto& h : histories) {
    const Instrument& ins = *h.instrument;
    Json responses = Json::array();
    for (const auto& r : h.responses) responses.push_back(response_json(ins, r));
    Json j{{"instrument", ins.id}, {"responses", responses}};
    if (h.since_first) j["since_first"] = change_json(ins, h.responses.front(), h.responses.back(), *h.since_first);
    if (h.since_previous && h.responses.size() >= 2) {
      j["since_previous"] =
          change_json(ins, h.responses[h.responses.size() - 2], h.responses.back(), *h.since_previous);
    }
    if (!h.activities.empty()) {
      Json acts = Json::array();
      for (const auto& a : h.activities)
        acts.push_back(Json{{"activity", a.activity}, {"before", a.before}, {"after", a.after}});
      j["compared_activities"] = acts;
      j["not_compared"] = h.not_compared;
    }
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace daybreak
