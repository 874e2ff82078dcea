/*
 * The baseline of `make bench`: the calendar work of Sources/roundtable-bench done with libical
 * directly, so the figures show what the Swift layer over libical costs.
 *
 * Usage: libical_bench N RUNS [generate]. Prints "generate N MS BYTES" and "parse N MS CHECKSUM",
 * each the best of RUNS runs, timed with CLOCK_MONOTONIC; with "generate", only the first, so
 * `/usr/bin/time -v` gives the peak memory of generating alone. Generate writes its text to
 * /dev/null, as roundtable's does, in the timed region. It builds libical's tree of the whole
 * calendar and writes it in one go, which is how a C program would use libical: its memory grows
 * with N, where roundtable writes each event as soon as it is made.
 *
 * The VTIMEZONE is parsed (inside the timed region) from a string constant equal to the one
 * roundtable derives from the system's zoneinfo for 2012: libical 3.0's built-in zones carry a
 * vendor TZID prefix and a longer history, so they would not be the same work.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *VTIMEZONE_LONDON =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20111030T020000\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20110327T010000\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n";

/* Every character TEXT escaping touches: ',' ';' '\' and newlines. */
static const char *DESCRIPTION =
    "Agenda: welcome, introductions; then the four areas.\n"
    "Papers are in C:\\shared\\papers, as before.\n"
    "Lunch provided; please reply.";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static icalproperty *local_time(icalproperty *property)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid("Europe/London"));
    return property;
}

/* Event `index`: a day of 2012 (index mod 366), between 08:00 and 17:59 local time, two hours long. */
static icalcomponent *event(int index, struct icaltimetype stamp)
{
    char text[128];
    icalcomponent *event = icalcomponent_new(ICAL_VEVENT_COMPONENT);

    snprintf(text, sizeof text, "event-%d@bench.example.org", index);
    icalcomponent_add_property(event, icalproperty_new_uid(text));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));

    struct icaltimetype start = icaltime_from_day_of_year(index % 366 + 1, 2012);
    start.is_date = 0;
    start.hour = 8 + index % 10;
    start.minute = index * 7 % 60;
    start.second = 0;
    struct icaltimetype end = start;
    end.hour += 2;
    icalcomponent_add_property(event, local_time(icalproperty_new_dtstart(start)));
    icalcomponent_add_property(event, local_time(icalproperty_new_dtend(end)));

    snprintf(text, sizeof text, "Round table %d: models of partnership working", index);
    icalcomponent_add_property(event, icalproperty_new_summary(text));
    icalcomponent_add_property(event, icalproperty_new_location("Room 4, Civic Offices, Havant"));
    icalcomponent_add_property(event, icalproperty_new_description(DESCRIPTION));

    icalproperty *organizer = icalproperty_new_organizer("mailto:coord@example.org");
    icalproperty_add_parameter(organizer, icalparameter_new_cn("Coordinator"));
    icalcomponent_add_property(event, organizer);

    for (int member = 1; member <= 5; member++) {
        snprintf(text, sizeof text, "mailto:member%d@example.org", member);
        icalproperty *attendee = icalproperty_new_attendee(text);
        snprintf(text, sizeof text, "Member %d", member);
        icalproperty_add_parameter(attendee, icalparameter_new_cn(text));
        icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
        icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
        icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
        icalcomponent_add_property(event, attendee);
    }

    icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    struct icaltriggertype trigger = { icaltime_null_time(), icaldurationtype_from_string("-P1D") };
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    icalcomponent_add_property(alarm, icalproperty_new_description("Round table tomorrow"));
    icalcomponent_add_component(event, alarm);
    return event;
}

/* A VCALENDAR (METHOD:REQUEST) with the Europe/London VTIMEZONE and `count` invitations, as text,
 * also written to `out`. */
static char *generate(int count, FILE *out)
{
    icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_prodid("-//roundtable//bench//EN"));
    icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_REQUEST));
    icalcomponent_add_component(calendar, icalparser_parse_string(VTIMEZONE_LONDON));

    struct icaltimetype stamp = icaltime_from_day_of_year(1, 2012);
    stamp.is_date = 0;
    stamp.hour = 12;
    stamp.minute = 0;
    stamp.second = 0;
    stamp.zone = icaltimezone_get_utc_timezone();
    for (int index = 0; index < count; index++)
        icalcomponent_add_component(calendar, event(index, stamp));

    char *text = icalcomponent_as_ical_string_r(calendar);
    icalcomponent_free(calendar);
    fwrite(text, 1, strlen(text), out);
    fflush(out);
    return text;
}

/* Parses `text` and reads every VEVENT's UID, DTSTART instant and ATTENDEE count into a checksum. */
static long long parse(const char *text)
{
    icalcomponent *calendar = icalparser_parse_string(text);
    long long checksum = 0;
    for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         event != NULL;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(event);
        struct icaltimetype start = icalcomponent_get_dtstart(event);
        checksum += (long long)strlen(uid ? uid : "");
        checksum += (long long)icaltime_as_timet_with_zone(start, start.zone);
        checksum += icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY);
    }
    icalcomponent_free(calendar);
    return checksum;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || atoi(argv[1]) < 0 || atoi(argv[2]) < 1 || (argc == 4 && strcmp(argv[3], "generate") != 0)) {
        fprintf(stderr, "usage: libical_bench N RUNS [generate]\n");
        return 64;
    }
    int count = atoi(argv[1]);
    int runs = atoi(argv[2]);
    int generate_only = argc == 4;
    FILE *out = fopen("/dev/null", "w");
    if (out == NULL) {
        perror("/dev/null");
        return 73;
    }
    double best_generate = 1e300, best_parse = 1e300;
    size_t bytes = 0;
    long long checksum = 0;
    for (int run = 0; run < runs; run++) {
        double t0 = now_ms();
        char *text = generate(count, out);
        double t1 = now_ms();
        if (!generate_only) checksum = parse(text);
        double t2 = now_ms();
        bytes = strlen(text);
        free(text);
        if (t1 - t0 < best_generate) best_generate = t1 - t0;
        if (t2 - t1 < best_parse) best_parse = t2 - t1;
    }
    printf("generate %d %.2f %zu\n", count, best_generate, bytes);
    if (!generate_only) printf("parse %d %.2f %lld\n", count, best_parse, checksum);
    fclose(out);
    return 0;
}
