/* Parses iCalendar files with libical and counts its errors: libical marks
 * what it cannot parse with X-LIC-ERROR properties, and
 * icalrestriction_check adds them for broken RFC 5545 rules. Prints
 * "N events, M errors" per file and exits 1 if any file has an error.
 * Usage: ical_parse FILE... */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static int count_errors(icalcomponent *c) {
  int n = icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY);
  for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    fprintf(stderr, "%s\n", icalproperty_get_xlicerror(p));
  }
  for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
       s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
    n += count_errors(s);
  }
  return n;
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      perror(argv[i]);
      return 2;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    size_t got = fread(text, 1, (size_t)size, f);
    text[got] = '\0';
    fclose(f);
    icalcomponent *cal = icalparser_parse_string(text);
    free(text);
    if (!cal) {
      printf("%s: not iCalendar\n", argv[i]);
      failed = 1;
      continue;
    }
    icalrestriction_check(cal);
    int errors = count_errors(cal);
    int events = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
    printf("%s: %d events, %d errors\n", argv[i], events, errors);
    if (errors) failed = 1;
    icalcomponent_free(cal);
  }
  return failed;
}
