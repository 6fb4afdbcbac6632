#include "domain/account.hpp"

#include <algorithm>

namespace daybreak {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::person:
      return "person";
    case Role::clinician:
      return "clinician";
    case Role::admin:
      return "admin";
  }
  return "person";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const Role r : {Role::person, Role::clinician, Role::admin}) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view scope_name(Scope scope) {
  switch (scope) {
    case Scope::diary:
      return "diary";
    case Scope::program:
      return "program";
    case Scope::questionnaires:
      return "questionnaires";
    case Scope::safety:
      return "safety";
    case Scope::experiments:
      return "experiments";
  }
  return "diary";
}

std::optional<Scope> parse_scope(std::string_view name) {
  for (const Scope s : kScopes) {
    if (scope_name(s) == name) return s;
  }
  return std::nullopt;
}

bool Grant::active(LocalDate today) const { return !revoked_at && (!until || today <= *until); }

bool Grant::covers(std::optional<Scope> scope, LocalDate today) const {
  if (!active(today)) return false;
  if (everything) return true;
  // Without a scope of its own (the report, the exports), a request needs everything.
  return scope && std::find(scopes.begin(), scopes.end(), *scope) != scopes.end();
}

}  // namespace daybreak
