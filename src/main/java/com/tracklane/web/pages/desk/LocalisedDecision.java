package com.tracklane.web.pages.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.model.DecisionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * A stored decision snapshot in a page's language. Snapshots are stored in English (as the API answered the
 * submission); to show their rule texts in Japanese or Khmer, the snapshot's request is checked again with the
 * snapshot's own {@code knownAt} — the same versions decide, as in a replay — and that answer is used only when it
 * gives the same outcome under the same rule-set content. Otherwise (rules changed since, or the request cannot be
 * checked any more, e.g. after its personal data was erased) the stored text is shown as it is.
 */
@ApplicationScoped
public class LocalisedDecision {

    private static final Logger LOG = Logger.getLogger(LocalisedDecision.class);

    @Inject
    EligibilityService eligibility;

    @Inject
    ObjectMapper mapper;

    /** A decision and the language its texts are in (for the page's {@code lang} attributes). */
    public record Texts(JsonNode decision, String language) {
    }

    /** The snapshot's decision in {@code language} (en, ja, km) when the same versions give the same answer, else as stored. */
    public JsonNode of(DecisionSnapshot snapshot, String language) {
        return texts(snapshot, language).decision();
    }

    /** As {@link #of}, with the language the texts ended up in. */
    public Texts texts(DecisionSnapshot snapshot, String language) {
        JsonNode stored = snapshot.decision;
        Texts asStored = new Texts(stored, "en");
        if ("en".equals(language) || snapshot.request == null || !snapshot.request.isObject()) {
            return asStored;
        }
        try {
            ObjectNode request = snapshot.request.deepCopy();
            request.put("knownAt", snapshot.knownAt.toString());
            JsonNode again = mapper.valueToTree(eligibility.check(request, language));
            boolean same = again.path("outcome").equals(stored.path("outcome"))
                    && again.path("ruleSet").path("contentHash").equals(stored.path("ruleSet").path("contentHash"));
            return same ? new Texts(again, language) : asStored;
        } catch (RuntimeException e) {
            LOG.debugf("Decision kept as stored: %s", e.getClass().getSimpleName());
            return asStored;
        }
    }
}
