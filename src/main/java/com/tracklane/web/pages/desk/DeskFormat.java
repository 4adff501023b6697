package com.tracklane.web.pages.desk;

import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.web.i18n.PageLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Formatting for the staff desks, in the visitor's language ({@code {inject:deskfmt.…}}): country names instead of
 * codes, instants in a named zone (never an ISO offset), counts that are never negative.
 */
@Named("deskfmt")
@RequestScoped
public class DeskFormat {

    /** The zone staff times are shown in when a record has none of its own (the desks serve Tokyo and Phnom Penh). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    @Inject
    PageLanguage lang;

    @Inject
    RuleSetCatalog catalog;

    /** {@code KH} → Cambodia / カンボジア / កម្ពុជា. */
    public String country(String code) {
        return com.tracklane.common.CountryNames.name(code, lang.getLocale());
    }

    /** A route as "Cambodia → Japan". */
    public String route(String origin, String destination) {
        return country(origin) + " → " + country(destination);
    }

    /** An instant in {@code zone} (an IANA id; Tokyo when null), with the zone's name. */
    public String instant(Instant at, String zone) {
        if (at == null) {
            return "";
        }
        ZoneId z;
        try {
            z = zone == null ? DEFAULT_ZONE : ZoneId.of(zone);
        } catch (RuntimeException unknown) {
            z = DEFAULT_ZONE;
        }
        return lang.zoned(at.atZone(z));
    }

    /** An instant in the desks' default zone. */
    public String instant(Instant at) {
        return instant(at, null);
    }

    /** A zone's name in the language (Japan Standard Time, 日本標準時 …); empty for an unknown id. */
    public String zone(String id) {
        try {
            return id == null ? "" : lang.zoneName(ZoneId.of(id));
        } catch (RuntimeException unknown) {
            return "";
        }
    }

    /** A rule set's title in the language ("Residence Track, Cambodia → Japan"); the id only for a rule set no longer served. */
    public String ruleSet(String id) {
        return id == null ? "" : catalog.find(id).map(r -> r.title().in(lang.getCode())).orElse(id);
    }

    /** A whole number in the language's digits; negative counts are shown as 0. */
    public String count(Number n) {
        return n == null ? "" : lang.number(Math.max(0, n.longValue()));
    }
}
