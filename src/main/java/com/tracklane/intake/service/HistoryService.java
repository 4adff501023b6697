package com.tracklane.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.NotFoundException;
import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationEventRepository;
import com.tracklane.intake.repository.DecisionSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What happened to an application: its history, its decision snapshots, and the replay of a snapshot. */
@ApplicationScoped
public class HistoryService {

    private final ApplicationAccess access;
    private final ApplicationEventRepository events;
    private final DecisionSnapshotRepository snapshots;
    private final Evaluations evaluations;
    private final ObjectMapper mapper;

    public HistoryService(ApplicationAccess access, ApplicationEventRepository events, DecisionSnapshotRepository snapshots,
                          Evaluations evaluations, ObjectMapper mapper) {
        this.access = access;
        this.events = events;
        this.snapshots = snapshots;
        this.evaluations = evaluations;
        this.mapper = mapper;
    }

    public List<ApplicationEvent> history(String id, Caller caller) {
        access.find(id, caller);
        return events.ofApplication(id);
    }

    public List<DecisionSnapshot> snapshots(String id, Caller caller) {
        access.find(id, caller);
        return snapshots.ofApplication(id);
    }

    public DecisionSnapshot snapshot(String id, String snapshotId, Caller caller) {
        access.find(id, caller);
        DecisionSnapshot s = snapshots.findById(snapshotId);
        if (s == null || !s.applicationId.equals(id)) {
            throw new NotFoundException("Application '" + id + "' has no decision snapshot '" + snapshotId + "'.");
        }
        return s;
    }

    /**
     * The application's current snapshot: {@code known} when it is that one (a submission just wrote it), else read;
     * null when it has none.
     */
    public DecisionSnapshot current(TravelApplication a, DecisionSnapshot known) {
        if (known != null && known.id.equals(a.currentSnapshotId)) {
            return known;
        }
        return a.currentSnapshotId == null ? null : snapshots.findById(a.currentSnapshotId);
    }

    /**
     * A snapshot's decision taken again, and where it differs from the stored one (JSON pointers).
     *
     * @param note null, or why the replay is not the decision's exact twin (the applicant's personal data was erased)
     */
    public record Replayed(DecisionSnapshot snapshot, String replayedOutcome, List<String> differences, JsonNode replayed,
                           String note) {
    }

    /** What a replay of an erased application says. */
    public static final String ERASED_NOTE = "Personal data erased: the request is replayed without the applicant's identity.";
    public static final String ERASED_UNREPLAYABLE = "Personal data erased: the decision cannot be taken again without it.";

    /**
     * Re-runs a snapshot's request with its knownAt: the same versions decide, so the decision must be identical. When
     * the applicant's personal data was erased, the replay runs on what is left and says so; if the rules needed an
     * erased value, it answers without a replayed decision instead of failing.
     */
    public Replayed replay(String id, String snapshotId, Caller caller) {
        DecisionSnapshot s = snapshot(id, snapshotId, caller);
        boolean erased = access.find(id, caller).personalDataErased();
        Evaluations.Evaluated again;
        try {
            again = evaluations.replay(s.request, s.knownAt, s.decision);
        } catch (RuntimeException e) {
            if (!erased) {
                throw e;
            }
            return new Replayed(s, null, List.of(), null, ERASED_UNREPLAYABLE);
        }
        JsonNode replayed = mapper.valueToTree(again.decision());
        return new Replayed(s, again.decision().outcome().name(), JsonDiff.between(s.decision, replayed), replayed,
                erased ? ERASED_NOTE : null);
    }
}
