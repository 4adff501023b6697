package com.tracklane.web.pages.officer;

import com.tracklane.common.ConflictException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.PreconditionException;
import com.tracklane.intake.model.ReviewAction;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.HistoryService;
import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import com.tracklane.web.pages.desk.FormErrors;
import com.tracklane.web.pages.desk.LocalisedDecision;
import com.tracklane.web.i18n.PageLanguage;
import com.tracklane.web.session.FormTokens;
import com.tracklane.web.session.PageSession;
import com.tracklane.web.session.StaffUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An application on the officer's desk: {@code GET /officer/applications/{id}} shows it; {@code POST …/decision} (a
 * form with its CSRF token and the ETag the page was rendered with) starts the review, requests information,
 * approves or rejects through intake's service, then returns to the page (post–redirect–get). When another officer
 * changed the application first (the service's 412), the page says so, lists the newer history entries and keeps what
 * this officer typed, now with the current ETag. {@code GET …/snapshots/{snapshotId}/replay} replays a snapshot.
 */
@Path("/officer/applications/{id}")
@Produces(MediaType.TEXT_HTML)
public class OfficerApplicationResource {

    static final FormErrors.FormField REASON = new FormErrors.FormField("reason", "officer_reason", "officer_errReason");
    static final FormErrors.FormField OVERRIDE = new FormErrors.FormField("override", "officer_override", "officer_errOverride");
    static final FormErrors.FormField ACTION = new FormErrors.FormField("action", "officer_actions", "desk_errChoose");

    @Inject
    PageSession session;

    @Inject
    FormTokens formTokens;

    @Inject
    Pages pages;

    @Inject
    OfficerApplications applications;

    @Inject
    LocalisedDecision localised;

    @Inject
    PageLanguage language;

    @Inject
    Template officerApplication;

    @Inject
    Template officerReplay;

    /** What the officer typed, kept when the page comes back. */
    public record Typed(String action, String reason, boolean override) {
        static final Typed EMPTY = new Typed(null, "", false);
    }

    @GET
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        StaffUser officer = session.require(Roles.OFFICER);
        ReviewAction doneAction = OfficerQueueResource.enumOrNull(ReviewAction.class, done);
        return page(id, officer, Typed.EMPTY, FormErrors.none(), null, false, null)
                .data("done", doneAction == null ? null : "officer_done_" + doneAction.name());
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam(FormTokens.FIELD) String token, @PathParam("id") String id, @FormParam("action") String action, @FormParam("reason") String reason,
                           @FormParam("override") String override, @FormParam("etag") String etag, @FormParam("seen") String seen) {
        formTokens.require(token);
        StaffUser officer = session.require(Roles.OFFICER);
        Typed typed = new Typed(action, reason == null ? "" : reason, "true".equals(override));
        ReviewAction reviewAction = OfficerQueueResource.enumOrNull(ReviewAction.class, action);
        if (reviewAction == null || reviewAction == ReviewAction.WITHDRAW) {
            return answer(400, page(id, officer, typed, FormErrors.none().add(ACTION.id(), ACTION.labelKey(), ACTION.messageKey()), null, false, null));
        }
        Long version = number(etag);
        if (version == null) {
            return answer(412, page(id, officer, typed, FormErrors.none(), null, true, number(seen)));
        }
        String why = typed.reason().isBlank() ? null : typed.reason();
        try {
            applications.decide(id, reviewAction, why, typed.override(), version, officer);
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e.errors(), Map.of("reason", REASON, "override", OVERRIDE, "action", ACTION), REASON);
            return answer(400, page(id, officer, typed, errors, null, false, null));
        } catch (PreconditionException | OptimisticLockException e) {
            return answer(412, page(id, officer, typed, FormErrors.none(), null, true, number(seen)));
        } catch (ConflictException e) {
            TravelApplication now = applications.find(id, officer);
            if (reviewAction == ReviewAction.APPROVE && "NOT_ELIGIBLE".equals(now.currentOutcome)) {
                FormErrors errors = FormErrors.none();
                if (!typed.override()) {
                    errors.add(OVERRIDE.id(), OVERRIDE.labelKey(), OVERRIDE.messageKey());
                }
                if (why == null) {
                    errors.add(REASON.id(), REASON.labelKey(), "officer_errOverrideReason");
                }
                return answer(409, page(id, officer, typed, errors, null, false, null));
            }
            return answer(409, page(id, officer, typed, FormErrors.none(), "officer_errNotAllowed", false, null));
        }
        return Response.seeOther(URI.create("/officer/applications/" + id + "?done=" + reviewAction.name())).build();
    }

    @GET
    @Path("/snapshots/{snapshotId}/replay")
    public TemplateInstance replay(@PathParam("id") String id, @PathParam("snapshotId") String snapshotId) {
        StaffUser officer = session.require(Roles.OFFICER);
        TravelApplication a = applications.find(id, officer);
        HistoryService.Replayed replay = applications.replay(id, snapshotId, officer);
        return pages.page(officerReplay, "officer").data("id", a.id).data("reference", a.reference).data("replay", replay)
                .data("identical", replay.differences().isEmpty()).data("snapshot", replay.snapshot())
                .data("storedKey", "desk_outcome_" + replay.snapshot().outcome).data("replayedKey", "desk_outcome_" + replay.replayedOutcome());
    }

    private TemplateInstance page(String id, StaffUser officer, Typed typed, FormErrors errors, String problemKey,
                                  boolean conflict, Long seen) {
        TravelApplication a = applications.find(id, officer);
        ApplicationPage view = ApplicationPage.of(a, applications.snapshots(id, officer), applications.history(id, officer),
                s -> localised.texts(s, language.getCode()));
        List<ApplicationPage.Event> changed = conflict ? view.historyAfter(seen == null ? 0 : seen) : List.of();
        return pages.page(officerApplication, "officer").data("app", view).data("typed", typed).data("errors", errors)
                .data("problemKey", problemKey).data("conflict", conflict).data("changed", changed).data("done", null);
    }

    private static Response answer(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static Long number(String text) {
        if (text == null || !text.trim().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(text.trim());
    }
}
