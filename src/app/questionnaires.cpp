#include "app/questionnaires.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/safety.hpp"
#include "content/instruments.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

std::string offer_refusal(const Instrument& instrument) {
  return fmt::format(
      "the {} is offered only to people who report a diagnosis of axial spondyloarthritis (ankylosing "
      "spondylitis): it is validated only for them; say so in your settings if a doctor has told you that you "
      "have it",
      instrument.abbreviation);
}

bool offered(const Instrument& instrument, const SafetySettings& settings) {
  return instrument.offered_to != "axspa" || settings.axspa_diagnosis == YesNo::yes;
}

std::string key_of(std::string_view activity) { return to_lower_ascii(activity); }

// PSFS: like with like. The mean of the activities rated in both responses.
void compare_activities(ScoreHistory& h, const Instrument& instrument) {
  const auto& first = h.responses.front();
  const auto& last = h.responses.back();
  std::vector<double> before;
  std::vector<double> after;
  for (const auto& a : last.answers) {
    const auto match = std::find_if(first.answers.begin(), first.answers.end(),
                                    [&](const ItemAnswer& b) { return key_of(b.item) == key_of(a.item); });
    if (match == first.answers.end() || !match->value || !a.value) {
      h.not_compared.push_back(a.item);
      continue;
    }
    h.activities.push_back({a.item, *match->value, *a.value});
    before.push_back(*match->value);
    after.push_back(*a.value);
  }
  for (const auto& b : first.answers) {
    const bool rated_again = std::any_of(last.answers.begin(), last.answers.end(),
                                         [&](const ItemAnswer& a) { return key_of(a.item) == key_of(b.item); });
    if (!rated_again) h.not_compared.push_back(b.item);
  }
  if (before.empty()) return;
  const auto mean = [](const std::vector<double>& v) {
    double sum = 0;
    for (const double x : v) sum += x;
    return sum / static_cast<double>(v.size());
  };
  h.since_first = judge_change(instrument, mean(before), mean(after), first.taken_at, last.taken_at);
}

}  // namespace

std::vector<InstrumentOffer> instrument_offers(const Store& store, UserId user) {
  const SafetySettings settings = safety_settings(store, user);
  std::vector<InstrumentOffer> offers;
  for (const auto& instrument : builtin_instruments()) {
    const bool ok = offered(instrument, settings);
    InstrumentOffer offer{&instrument, ok, ok ? std::string() : offer_refusal(instrument), std::nullopt};
    if (!ok) offer.hint = Hint{HintAction::set_axspa};
    offers.push_back(std::move(offer));
  }
  return offers;
}

AppResult<Instrument> load_instrument(std::string_view id, const std::optional<std::filesystem::path>& wording,
                                      const std::optional<std::filesystem::path>& wording_dir) {
  const Instrument* builtin = find_instrument(id);
  if (builtin == nullptr) {
    std::vector<std::string> ids;
    for (const auto& i : builtin_instruments()) ids.push_back(i.id);
    return fail(not_found(fmt::format("there is no questionnaire '{}'; there are: {}", id, join(ids, ", "))));
  }
  Instrument instrument = *builtin;
  std::optional<std::filesystem::path> file = wording;
  if (!file && wording_dir) {
    const auto candidate = *wording_dir / (std::string(id) + ".toml");
    if (std::filesystem::is_regular_file(candidate)) file = candidate;
  }
  if (!file) return instrument;
  auto document = TomlDocument::load(*file);
  if (!document) {
    return fail(invalid_details(fmt::format("the wording file {} could not be used", file->string()),
                                {document.error().text()}));
  }
  const auto applied = apply_wording(instrument, *document);
  if (!applied) {
    std::vector<std::string> details;
    for (const auto& e : applied.error()) details.push_back(e.text());
    return fail(invalid_details(fmt::format("the wording file {} does not match the {} {}", file->string(),
                                            instrument.abbreviation, instrument.version),
                                std::move(details)));
  }
  return instrument;
}

AppResult<QuestionnaireResponse> record_response(Store& store, Instant now, UserId user, const Instrument& instrument,
                                                 const std::vector<ItemAnswer>& answers, const std::string& channel) {
  if (!offered(instrument, safety_settings(store, user))) {
    return fail(with_hint(conflict("nothing was saved: " + offer_refusal(instrument)), {HintAction::set_axspa}));
  }
  auto scored = score_answers(instrument, answers);
  if (!scored) {
    return fail(invalid(fmt::format("nothing was saved: the {} answers are not complete", instrument.abbreviation),
                        std::move(scored).error()));
  }
  QuestionnaireResponse response{ResponseId{}, user,    instrument.id, instrument.version,
                                 now,          channel, answers,       std::move(scored).value()};
  auto tx = store.write();
  response = tx->add_questionnaire_response(user, response);
  tx->commit();
  return response;
}

AppResult<std::vector<ScoreHistory>> questionnaire_history(const Store& store, UserId user, std::string_view id) {
  if (!id.empty() && find_instrument(id) == nullptr) {
    return fail(not_found(fmt::format("there is no questionnaire '{}'", id)));
  }
  const auto responses = store.read()->questionnaire_responses(user, id);
  std::vector<ScoreHistory> histories;
  for (const auto& instrument : builtin_instruments()) {
    ScoreHistory h{&instrument, {}, std::nullopt, std::nullopt, {}, {}};
    for (const auto& r : responses) {
      if (r.instrument == instrument.id) h.responses.push_back(r);
    }
    if (h.responses.empty()) continue;
    if (h.responses.size() >= 2) {
      if (instrument.activities) {
        compare_activities(h, instrument);
      } else {
        const QuestionnaireResponse& first = h.responses.front();
        const QuestionnaireResponse& previous = h.responses[h.responses.size() - 2];
        const QuestionnaireResponse& last = h.responses.back();
        h.since_first = judge_change(instrument, first.score.value, last.score.value, first.taken_at, last.taken_at);
        h.since_previous =
            judge_change(instrument, previous.score.value, last.score.value, previous.taken_at, last.taken_at);
      }
    }
    histories.push_back(std::move(h));
  }
  return histories;
}

std::vector<std::string> previous_activities(const Store& store, UserId user) {
  const auto responses = store.read()->questionnaire_responses(user, "psfs");
  std::vector<std::string> names;
  if (responses.empty()) return names;
  for (const auto& a : responses.back().answers) names.push_back(a.item);
  return names;
}

}  // namespace daybreak
